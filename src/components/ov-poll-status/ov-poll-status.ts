import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { formMessages, pollProgress, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import type { OvScreen, OvStep } from '../../controller/types.js';
import { pollStatusStyles } from './ov-poll-status.styles.js';

const SCREENS: ReadonlySet<OvScreen> = new Set<OvScreen>(['push', 'number', 'resend-push']);

/**
 * @tagname ov-poll-status
 * @summary What the user must do while Okta waits for Okta Verify: approve the push, or tap the
 * number shown (number challenge). Offers resend, "verify with something else" and cancel where
 * the step allows them.
 * @csspart status - The polite progress line.
 * @csspart number - The number to tap.
 */
export class OvPollStatus extends OvFlowElement {
  static override styles = [sharedStyles, pollStatusStyles];

  /** Milliseconds before "Resend push notification" is offered while waiting. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;

  @state() private resendReady = false;

  #resendTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#resendTimer);
    this.#resendTimer = undefined;
  }

  protected override stepRendered(_previous: OvStep | undefined, step: OvStep | undefined): void {
    clearTimeout(this.#resendTimer);
    this.#resendTimer = undefined;
    this.resendReady = false;
    if ((step?.screen === 'push' || step?.screen === 'number') && step.can.resend) {
      this.#resendTimer = setTimeout(() => {
        this.#resendTimer = undefined;
        this.resendReady = true;
      }, this.resendDelay);
    }
  }

  private handleResend(): void {
    this.resendReady = false;
    this.flow?.controller.resend();
  }

  /** The link offered while waiting goes away once used: focus moves to the heading, not to the page. */
  private handleResendWhileWaiting(): void {
    this.handleResend();
    void this.updateComplete.then(() => this.focus());
  }

  private renderWaiting(step: OvStep) {
    const flow = this.flow!;
    const answer = step.authenticator?.correctAnswer;
    // The heading takes focus on a new screen; described by the number, that announces it once.
    // The number is no live region, so the polls that follow never repeat it.
    const describedBy = answer ? 'number' : nothing;
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading aria-describedby=${describedBy}>${answer ? strings.numberHeading : strings.pushHeading}</h2>
      ${problemNotice(flow)} ${formMessages(step.messages)}
      ${answer
        ? html`<p>${strings.numberInstruction}</p>
            <p class="number" part="number" id="number" aria-label=${strings.numberLabel(answer)}>${answer}</p>`
        : html`<p>${strings.pushSent}</p>`}
      ${pollProgress(flow, strings.waitingForApproval)}
      ${step.can.resend && this.resendReady
        ? html`<p>
            ${strings.resendPushHint}
            <button type="button" class="link" part="link-button" data-resend @click=${this.handleResendWhileWaiting}>${strings.resendPush}</button>
          </p>`
        : nothing}`;
  }

  private renderResend(step: OvStep) {
    const flow = this.flow!;
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading>${strings.resendPushHeading}</h2>
      ${problemNotice(flow)} ${formMessages(step.messages)}
      <p>${strings.resendPushText}</p>
      <div class="actions" part="actions">
        <button type="button" part="button button-primary" data-resend aria-disabled=${flow.state.busy ? 'true' : nothing} @click=${this.handleResend}>
          ${strings.resendPush}
        </button>
      </div>`;
  }

  override render() {
    const flow = this.flow;
    const step = flow?.state.step;
    if (!flow || !step || !SCREENS.has(step.screen)) return nothing;
    return html`<section part="base" dir=${this.locale.dir} aria-labelledby="heading">
      ${step.screen === 'resend-push' ? this.renderResend(step) : this.renderWaiting(step)}
      ${step.can.chooseOther
        ? html`<div class="actions" part="actions">
            <button type="button" class="link" part="link-button" data-other @click=${() => flow.controller.chooseOther()}>${strings.verifyOther}</button>
          </div>`
        : nothing}
      ${stepActions(flow)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-poll-status': OvPollStatus;
  }
}
