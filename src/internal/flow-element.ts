import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ovFlowContext } from '../context.js';
import type { OvFlowContext } from '../context.js';
import type { OvFlowController } from '../controller/flow-controller.js';
import type { OvScreen, OvStep } from '../controller/types.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { screenHeading, signingInAs } from './templates.js';

/**
 * Base of the step elements. Inside `<ov-signin>` they take the flow from context; on a page that
 * composes its own flow they are given a `controller` and follow its state themselves.
 *
 * It renders the frame (`<section part="base">` and its heading) on the element's `screens` and
 * nothing on any other; a subclass renders only the heading's text and the body.
 *
 * They paint no background and follow the page's `color-scheme` (inside `<ov-signin>`, its own).
 * @cssprop [--ov-accent=light-dark(#1662dd, #8ab4f8)] - Primary buttons, links, secondary button text; the focus ring unless `--ov-focus-ring` is set.
 * @cssprop [--ov-accent-text=light-dark(#ffffff, #0b1b36)] - Text on the accent colour.
 * @cssprop [--ov-text=light-dark(#1d1d21, #e6e7eb)] - Body text.
 * @cssprop [--ov-muted=light-dark(#4b4f58, #b0b5bf)] - Secondary text: progress lines, details.
 * @cssprop [--ov-error=light-dark(#b3261e, #ffb4ab)] - Error text and the edge of problem notices and invalid fields.
 * @cssprop [--ov-border=light-dark(#6e7380, #8b909b)] - Edges of fields, choices and the QR code.
 * @cssprop [--ov-surface=light-dark(#ffffff, #1c1d22)] - Background of secondary buttons and choices.
 * @cssprop [--ov-input-background=light-dark(#ffffff, #26282e)] - Background of text fields.
 * @cssprop [--ov-focus-ring=var(--ov-accent)] - The 2px focus ring of every control.
 * @cssprop [--ov-font=400 medium/1.5 system-ui, sans-serif] - The `font` shorthand of all text. `medium` is the user's default size, unaffected by the page's root font size.
 * @cssprop [--ov-radius=6px] - Corner radius of fields and buttons.
 * @cssprop [--ov-space=1em] - The spacing unit: gaps, margins and control padding scale with it.
 * @csspart base - The screen.
 * @csspart heading - The screen's heading.
 * @csspart button - Every filled button (primary and secondary).
 * @csspart button-primary - The main action.
 * @csspart button-secondary - Other actions shown as buttons.
 * @csspart link-button - Actions shown as links (cancel, resend, verify with something else).
 * @csspart actions - The row of actions.
 * @csspart messages - The list of server messages above the form.
 * @csspart message - One message; also `message-error` or `message-info` by its level.
 * @csspart message-error - A message of level error.
 * @csspart message-info - A message of level info.
 * @csspart problem - A problem notice (network, expired session) with its ways out.
 */
export abstract class OvFlowElement extends LitElement {
  @consume({ context: ovFlowContext, subscribe: true })
  @state()
  protected provided?: OvFlowContext;

  /** The flow controller to render and drive; not needed inside `<ov-signin>`. */
  @property({ attribute: false }) controller?: OvFlowController;

  /** Re-renders on a change of locale; `locale.dir` is for the frame of a step element used alone. */
  protected readonly locale = new LocaleController(this);

  #unsubscribe?: () => void;
  #renderedStep?: OvStep;

  /** The screens this element renders. */
  protected abstract readonly screens: ReadonlySet<OvScreen>;

  /** The id of the heading; unique in the render root. */
  protected get headingId(): string {
    return 'heading';
  }

  protected get flow(): OvFlowContext | undefined {
    return this.controller ? { controller: this.controller, state: this.controller.state } : this.provided;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) this.#subscribe();
  }

  /** Renders, and runs the lifecycle callbacks, with every string in this element's locale. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- LitElement's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.locale.render(() => super.scheduleUpdate());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const step = this.flow?.state.step;
    if (step === this.#renderedStep) return;
    const previous = this.#renderedStep;
    this.#renderedStep = step;
    this.stepRendered(previous, step);
  }

  /**
   * Called once a new snapshot is on screen. `previous` with the same name as `step` means the server
   * answered the same form again (a wrong password or code, a refused address).
   */
  protected stepRendered(_previous: OvStep | undefined, _step: OvStep | undefined): void {}

  /** Moves focus to the step's heading (called by `<ov-signin>` on each new step). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-heading]')?.focus(options);
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.controller?.subscribe(() => this.requestUpdate());
  }

  /** The heading's text on this screen. */
  protected abstract renderHeading(step: OvStep, flow: OvFlowContext): string;

  /** The id of what describes the heading, if anything (announced with it when it takes focus). */
  protected headingDescription(_step: OvStep): string | undefined {
    return undefined;
  }

  /** Everything under the heading. */
  protected abstract renderBody(step: OvStep, flow: OvFlowContext): TemplateResult;

  override render() {
    const flow = this.flow;
    const step = flow?.state.step;
    if (!flow || !step || !this.screens.has(step.screen)) return nothing;
    return html`<section part="base" dir=${this.locale.dir} aria-labelledby=${this.headingId}>
      ${screenHeading(this.renderHeading(step, flow), this.headingId, this.headingDescription(step))}
      ${signingInAs(flow)} ${this.renderBody(step, flow)}
    </section>`;
  }
}
