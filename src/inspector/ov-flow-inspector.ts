import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { OvTheme } from '../components/ov-signin/ov-signin.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { entryView } from './entry-view.js';
import { FlowTimeline } from './timeline.js';
import type { InspectableSignin } from './timeline.js';
import { inspectorStyles } from './ov-flow-inspector.styles.js';
import { themeStyles } from '../styles/theme.styles.js';

/** How the last "Copy as JSON" went; `json` is kept when the clipboard refused, to copy by hand. */
interface CopyOutcome {
  readonly count: number;
  readonly json?: string;
}

/**
 * @tagname ov-flow-inspector
 * @summary For developers: a live timeline of an `<ov-signin>` flow (each step and its status, the
 * remediations offered, each request with its status and duration, each poll, each event), with
 * passwords, codes, tokens and state handles masked, and a button that copies it as JSON for a
 * bug report. `import 'ov-signin/inspector'`, then `<ov-flow-inspector for="signin-id">`. It records
 * from the moment it is connected. A developer tool: its words are English only. See docs/inspector.md.
 *
 * @cssprop [--ov-accent=light-dark(#1662dd, #8ab4f8)] - Buttons, step names, the focus ring unless `--ov-focus-ring` is set.
 * @cssprop [--ov-accent-text=light-dark(#ffffff, #0b1b36)] - Text on the accent colour.
 * @cssprop [--ov-text=light-dark(#1d1d21, #e6e7eb)] - Text.
 * @cssprop [--ov-muted=light-dark(#4b4f58, #b0b5bf)] - Times, kinds and details.
 * @cssprop [--ov-error=light-dark(#b3261e, #ffb4ab)] - Failed requests, refused steps, ov-error and ov-terminal.
 * @cssprop [--ov-border=light-dark(#6e7380, #8b909b)] - The frame and the lines between entries.
 * @cssprop [--ov-surface=light-dark(#ffffff, #1c1d22)] - Background.
 * @cssprop [--ov-focus-ring=var(--ov-accent)] - The focus ring.
 * @cssprop [--ov-font=400 0.875rem/1.45 system-ui, sans-serif] - Text outside the timeline (which is monospace).
 * @cssprop [--ov-radius=6px] - Corners.
 * @cssprop [--ov-space=1rem] - The spacing unit.
 * @cssprop [--ov-inspector-height=28rem] - Largest height of the timeline before it scrolls.
 *
 * @csspart base - The frame.
 * @csspart button - The Clear and Copy as JSON buttons.
 * @csspart button-primary - Copy as JSON.
 * @csspart timeline - The scrolling list of entries.
 * @csspart entry - Each entry; also `entry-step`, `entry-request`, `entry-poll` or `entry-event` by its kind.
 * @csspart entry-step - A step on screen.
 * @csspart entry-request - An HTTP request.
 * @csspart entry-poll - A turn of the poll loop.
 * @csspart entry-event - An `ov-success`, `ov-terminal`, `ov-error` or `ov-cancel` event.
 */
export class OvFlowInspector extends LitElement {
  static override styles = [sharedStyles, themeStyles, inspectorStyles];

  /** The id of the `<ov-signin>` to inspect, in the same document or shadow root. */
  @property({ attribute: 'for' }) htmlFor = '';
  /** The `<ov-signin>` to inspect, when an id will not do; wins over `for`. */
  @property({ attribute: false }) target?: InspectableSignin;
  /** `light` or `dark` fixes the colour scheme; `auto` (or none) follows the user's preference. */
  @property({ reflect: true }) theme?: OvTheme;

  /** What is recorded; `timeline.report()` is what "Copy as JSON" copies. */
  readonly timeline = new FlowTimeline(() => this.requestUpdate());

  @state() private inspected?: InspectableSignin;
  @state() private copied?: CopyOutcome;
  @query('.scroll') private scrollBox?: HTMLElement;

  #stopRecording?: () => void;
  #lookForTarget?: MutationObserver;
  #followEnd = true;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connectTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnectTarget();
  }

  /** Copies the timeline as JSON; false when the clipboard refused (the JSON is then shown to copy by hand). */
  async copy(): Promise<boolean> {
    const report = this.timeline.report();
    const json = JSON.stringify(report, null, 2);
    try {
      await navigator.clipboard.writeText(json);
      this.copied = { count: report.entries.length };
      return true;
    } catch {
      this.copied = { count: report.entries.length, json };
      return false;
    }
  }

  clear(): void {
    this.copied = undefined;
    this.timeline.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') || changed.has('target')) this.#connectTarget();
    // New entries scroll into view only if the reader was at the end (not reading older ones).
    const box = this.scrollBox;
    this.#followEnd = !box || box.scrollTop + box.clientHeight >= box.scrollHeight - 8;
  }

  protected override updated(): void {
    const box = this.scrollBox;
    if (this.#followEnd && box) box.scrollTop = box.scrollHeight;
  }

  /** Records the target; when it is not on the page (or not upgraded) yet, waits for it. */
  #connectTarget(): void {
    if (!this.isConnected) return;
    const found = this.#findTarget();
    if (found && found === this.inspected) return;
    this.#disconnectTarget();
    if (found) {
      this.inspected = found;
      this.#stopRecording = this.timeline.record(found);
    } else if (this.htmlFor) {
      // Rendered later or renamed (frameworks), or not upgraded yet: look again when that happens.
      const lookAgain = () => {
        if (this.#findTarget()) this.#connectTarget();
      };
      this.#lookForTarget = new MutationObserver(lookAgain);
      this.#lookForTarget.observe(this.getRootNode(), { childList: true, subtree: true, attributeFilter: ['id'] });
      if (!customElements.get('ov-signin')) void customElements.whenDefined('ov-signin').then(lookAgain);
    }
  }

  /** `target`, else the element whose id is `for`, once it is an upgraded `<ov-signin>`. */
  #findTarget(): InspectableSignin | undefined {
    if (!this.isConnected) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = this.target ?? (this.htmlFor ? root.getElementById(this.htmlFor) : null);
    return found && 'controller' in found ? found : undefined;
  }

  #disconnectTarget(): void {
    this.#stopRecording?.();
    this.#stopRecording = undefined;
    this.#lookForTarget?.disconnect();
    this.#lookForTarget = undefined;
    this.inspected = undefined;
  }

  #copyStatus(): string {
    const copied = this.copied;
    if (!copied) return '';
    return copied.json === undefined
      ? `Copied ${copied.count} entries as JSON.`
      : 'The clipboard is not available here: select the JSON below and copy it.';
  }

  override render() {
    const entries = this.timeline.entries;
    const json = this.copied?.json;
    return html`<section part="base" aria-labelledby="title">
      <header>
        <h2 id="title">Flow inspector</h2>
        <button type="button" class="secondary" part="button" @click=${() => this.clear()}>Clear</button>
        <button type="button" part="button button-primary" @click=${() => void this.copy()}>Copy as JSON</button>
      </header>
      <p class="note">
        ${
          this.inspected
            ? `${entries.length} entries; passwords, codes, tokens and state handles masked.`
            : `Waiting for <ov-signin id="${this.htmlFor}">…`
        }
      </p>
      <p class="note" role="status">${this.#copyStatus()}</p>
      ${json === undefined ? nothing : html`<textarea readonly aria-label="Timeline as JSON" .value=${json}></textarea>`}
      <div class="scroll" part="timeline" tabindex="0" role="region" aria-label="Timeline">
        ${
          entries.length
            ? html`<ol>
                ${entries.map(entryView)}
              </ol>`
            : html`<p class="note">Nothing recorded yet.</p>`
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-flow-inspector': OvFlowInspector;
  }
}
