import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { ResendOffer } from '../../internal/resend-offer.js';
import { chooseOtherAction, formMessages, pollProgress, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import type { OvScreen, OvStep } from '../../controller/types.js';
import { pollStatusStyles } from './ov-poll-status.styles.js';

/**
 * @tagname ov-poll-status
 * @summary What the user must do while Okta waits for Okta Verify: approve the push, or tap the
 * number shown (number challenge). Offers resend, "verify with something else" and cancel where
 * the step allows them.
 * @csspart status - The polite progress line.
 * @csspart activity - The activity indicator beside the progress line (aria-hidden; still under reduced motion).
 * @csspart number - The number to tap.
 */
export class OvPollStatus extends OvFlowElement {
  static override styles = [sharedStyles, pollStatusStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>(['push', 'number', 'resend-push']);

  private readonly resendOffer = new ResendOffer(this, () => this.resendDelay);

  /** Milliseconds before "Resend push notification" is offered while waiting. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;

  protected override stepRendered(_previous: OvStep | undefined, step: OvStep | undefined): void {
    this.resendOffer.withdraw();
    if ((step?.screen === 'push' || step?.screen === 'number') && step.can.resend) this.resendOffer.arm();
  }

  private handleResend(): void {
    this.resendOffer.withdraw();
    this.flow?.controller.resend();
  }

  /** The link offered while waiting goes away once used: focus moves to the heading, not to the page. */
  private handleResendWhileWaiting(): void {
    this.handleResend();
    void this.updateComplete.then(() => this.focus());
  }

  protected override renderHeading(step: OvStep): string {
    if (step.screen === 'resend-push') return strings.resendPushHeading;
    return step.screen === 'number' ? strings.numberHeading : strings.pushHeading;
  }

  /** The heading takes focus on a new screen; described by the number, that announces it once. */
  protected override headingDescription(step: OvStep): string | undefined {
    return step.screen === 'number' ? 'number' : undefined;
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    return html`${problemNotice(flow)} ${this.renderMessages(step)}
    ${step.screen === 'resend-push' ? this.renderResend(flow) : this.renderWaiting(step, flow)}
    ${chooseOtherAction(flow)} ${stepActions(flow)}`;
  }

  /**
   * Okta's messages; but a push that asked for a number and was not approved is worded by the widget:
   * Okta's "You have chosen to reject this login" would blame a user who may only have tapped the
   * wrong number, which Okta does not tell apart from a denial.
   */
  private renderMessages(step: OvStep) {
    if (step.rejectedPush !== 'number-challenge') return formMessages(step.messages);
    return html`<div role="alert" part="messages">
        <ul class="messages">
          <li class="error" part="message message-error" data-rejected>${strings.numberRejected}</li>
        </ul>
      </div>
      ${formMessages(step.messages.filter((m) => m.level !== 'error'))}`;
  }

  private renderWaiting(step: OvStep, flow: OvFlowContext) {
    const answer = step.authenticator?.correctAnswer;
    // The number is no live region, so the polls that follow never repeat it.
    const name = otherAuthenticator(step);
    return html`${
      answer
        ? html`<p>${name === undefined ? strings.numberInstruction : strings.numberInstructionIn(name || '—')}</p>
            <p class="number" part="number" id="number" aria-label=${strings.numberLabel(answer)}>${answer}</p>`
        : html`<p>
            ${name === undefined ? strings.pushSent : name ? strings.pushSentTo(name) : strings.pushSentUnnamed}
          </p>`
    }
    ${pollProgress(flow, strings.waitingForApproval)}
    ${
      step.can.resend && this.resendOffer.ready
        ? html`<p>
            ${strings.resendPushHint}
            <button type="button" class="link" part="link-button" data-resend @click=${this.handleResendWhileWaiting}>
              ${strings.resendPush}
            </button>
          </p>`
        : nothing
    }`;
  }

  private renderResend(flow: OvFlowContext) {
    return html`<p>${strings.resendPushText}</p>
      <div class="actions" part="actions">
        <button
          type="button"
          part="button button-primary"
          data-resend
          aria-disabled=${flow.state.busy ? 'true' : nothing}
          @click=${this.handleResend}
        >
          ${strings.resendPush}
        </button>
      </div>`;
  }
}

/**
 * The push authenticator's name when it is not Okta Verify (a custom push app is named as Okta names
 * it; '' when Okta names none); undefined for Okta Verify.
 */
function otherAuthenticator(step: OvStep): string | undefined {
  const a = step.authenticator;
  if (!a?.key || a.key === 'okta_verify') return undefined;
  return a.displayName;
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-poll-status': OvPollStatus;
  }
}
