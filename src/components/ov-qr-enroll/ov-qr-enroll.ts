import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { describedBy, fieldMessages, formMessages, invalid, pollProgress, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { fieldLabel } from '../../i18n/server-text.js';
import { OvErrorEvent } from '../../events/ov-error.js';
import { problem } from '../../controller/problems.js';
import { ProblemCode } from '../../controller/types.js';
import type { OvStep } from '../../controller/types.js';
import { qrEnrollStyles } from './ov-qr-enroll.styles.js';

export const ENROLL_STEPS: ReadonlySet<string> = new Set(['enroll-poll', 'select-enrollment-channel', 'enrollment-channel-data']);

/** The only QR sources shown: an inline PNG or GIF. Anything else (a URL, SVG, HTML) is refused. */
const SAFE_QR = /^data:image\/(png|gif);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isSafeQrSource(href: string): boolean {
  return SAFE_QR.test(href);
}

/**
 * @tagname ov-qr-enroll
 * @summary Okta Verify enrolment: the QR code with numbered steps, "Can't scan?" to get an
 * activation link by email or SMS instead, the address form, then "check your email / SMS" with a
 * resend offered after `resend-delay`, and a way back to the QR.
 * @csspart qr - The QR image.
 * @csspart status - The polite progress line while Okta waits for the phone.
 * @csspart form - The email or phone form.
 * @csspart label - The field's label, around its input.
 * @csspart input - The email or phone field.
 * @csspart field-error - The message under the field.
 */
export class OvQrEnroll extends OvFlowElement {
  static override styles = [sharedStyles, qrEnrollStyles];

  /** Milliseconds before "Send again" is offered on the check-your-email/SMS screen. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;

  @state() private resendReady = false;
  @query('input[aria-invalid="true"]') private invalidInput?: HTMLInputElement;

  #resendTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearResendTimer();
  }

  protected override stepRendered(previous: OvStep | undefined, step: OvStep | undefined): void {
    // The server refused the address or number: focus the field, whose message describes it.
    if (previous?.name === 'enrollment-channel-data' && step?.name === 'enrollment-channel-data') this.invalidInput?.focus();
    this.#clearResendTimer();
    this.resendReady = false;
    if (step && isLinkSent(step)) this.#armResend();
    const href = step?.name === 'enroll-poll' ? step.authenticator?.qrcode?.href : undefined;
    if (href !== undefined && !isSafeQrSource(href)) {
      this.dispatchEvent(new OvErrorEvent(problem(ProblemCode.QR_REFUSED, strings.qrRefused, false)));
    }
  }

  #armResend(): void {
    this.#clearResendTimer();
    this.#resendTimer = setTimeout(() => {
      this.#resendTimer = undefined;
      this.resendReady = true;
    }, this.resendDelay);
  }

  #clearResendTimer(): void {
    clearTimeout(this.#resendTimer);
    this.#resendTimer = undefined;
  }

  private handleResend(): void {
    this.resendReady = false;
    this.#armResend();
    this.flow?.controller.resend();
    // "Send again" goes away until the next resend is offered: focus moves to the heading, not to the page.
    void this.updateComplete.then(() => this.focus());
  }

  private handleBackToQr(): void {
    const flow = this.flow;
    if (!flow?.state.step) return;
    if (flow.state.step.alternatives.includes('enroll-poll')) flow.controller.switchTo('enroll-poll');
    else flow.controller.proceed('select-enrollment-channel', { channel: 'qrcode' });
  }

  private handleChannelSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const flow = this.flow;
    const input = flow?.state.step?.inputs[0];
    if (!flow || !input || flow.state.busy) return;
    const value = new FormData(event.target as HTMLFormElement).get(input.name);
    flow.controller.submit({ [input.name]: String(value ?? '').trim() });
  }

  private renderQr(step: OvStep) {
    const href = step.authenticator?.qrcode?.href;
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading>${strings.qrHeading}</h2>
      ${this.renderNotices(step)}
      <ol>
        <li>${strings.qrStep1}</li>
        <li>${strings.qrStep2}</li>
        <li>${strings.qrStep3}</li>
      </ol>
      ${href && isSafeQrSource(href)
        ? html`<img class="qr" part="qr" src=${href} alt=${strings.qrAlt} width="200" height="200" />`
        : html`<p class="problem" role="alert" part="problem">${strings.qrRefused}</p>`}
      ${this.renderProgress(strings.waitingForScan)}
      ${step.can.changeChannel
        ? html`<button type="button" class="link" part="link-button" @click=${() => this.flow?.controller.switchTo('select-enrollment-channel')}>
            ${strings.cantScan}
          </button>`
        : nothing}`;
  }

  private renderChannelChoice(step: OvStep) {
    const flow = this.flow!;
    const channels = step.options.filter((o) => o.value === 'email' || o.value === 'sms');
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading>${strings.pickChannelHeading}</h2>
      ${this.renderNotices(step)}
      <ul class="channels" aria-label=${strings.pickChannelHeading}>
        ${channels.map(
          (option) => html`<li>
            <button type="button" class="secondary" part="button button-secondary" data-channel=${option.value} @click=${() => flow.controller.choose(option)}>
              ${option.value === 'email' ? strings.channelEmail : strings.channelSms}
            </button>
          </li>`,
        )}
      </ul>
      ${this.renderBackToQr(step)}`;
  }

  private renderChannelData(step: OvStep) {
    const input = step.inputs[0];
    const isEmail = input?.name === 'email';
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading>
        ${isEmail ? strings.channelDataEmailHeading : strings.channelDataSmsHeading}
      </h2>
      ${this.renderNotices(step)}
      <form part="form" @submit=${this.handleChannelSubmit} novalidate>
        ${input
          ? html`<div class="field">
              <label part="label">
                ${fieldLabel(input)}
                <input
                  part="input"
                  name=${input.name}
                  type=${isEmail ? 'email' : 'tel'}
                  autocomplete=${isEmail ? 'email' : 'tel'}
                  ?required=${input.required}
                  aria-invalid=${invalid(input)}
                  aria-describedby=${describedBy(input)}
                />
              </label>
              ${fieldMessages(input)}
            </div>`
          : nothing}
        <div class="actions" part="actions">
          <button type="submit" part="button button-primary" aria-disabled=${this.flow?.state.busy ? 'true' : nothing}>${strings.sendLink}</button>
        </div>
      </form>
      ${this.renderBackToQr(step)}`;
  }

  private renderLinkSent(step: OvStep) {
    const a = step.authenticator;
    const isEmail = a?.selectedChannel === 'email';
    const text = isEmail
      ? a?.email ? strings.checkEmailText(a.email) : strings.checkEmailTextNoAddress
      : a?.phoneNumber ? strings.checkSmsText(a.phoneNumber) : strings.checkSmsTextNoNumber;
    return html`<h2 id="heading" tabindex="-1" part="heading" data-heading>${isEmail ? strings.checkEmailHeading : strings.checkSmsHeading}</h2>
      ${this.renderNotices(step)}
      <p>${text}</p>
      ${this.renderProgress(strings.waitingForLink)}
      ${step.can.resend && this.resendReady
        ? html`<p>
            ${strings.resendLinkHint}
            <button type="button" class="link" part="link-button" data-resend @click=${this.handleResend}>${strings.resendLink}</button>
          </p>`
        : nothing}
      ${this.renderBackToQr(step)}`;
  }

  private renderBackToQr(step: OvStep) {
    const canGoBack = step.alternatives.includes('enroll-poll') || step.alternatives.includes('select-enrollment-channel');
    return canGoBack
      ? html`<button type="button" class="link" part="link-button" data-back @click=${this.handleBackToQr}>${strings.backToQr}</button>`
      : nothing;
  }

  private renderNotices(step: OvStep) {
    return html`${problemNotice(this.flow)} ${formMessages(step.messages)}`;
  }

  private renderProgress(waiting: string) {
    return this.flow ? pollProgress(this.flow, waiting) : nothing;
  }

  override render() {
    const flow = this.flow;
    const step = flow?.state.step;
    if (!flow || !step || !ENROLL_STEPS.has(step.name)) return nothing;
    const body =
      step.name === 'select-enrollment-channel'
        ? this.renderChannelChoice(step)
        : step.name === 'enrollment-channel-data'
          ? this.renderChannelData(step)
          : isLinkSent(step)
            ? this.renderLinkSent(step)
            : this.renderQr(step);
    return html`<section part="base" dir=${this.locale.dir} aria-labelledby="heading">${body} ${stepActions(flow)}</section>`;
  }
}

/** enroll-poll after an activation link went out by email or SMS (no QR on this screen). */
function isLinkSent(step: OvStep): boolean {
  const channel = step.authenticator?.selectedChannel;
  return step.name === 'enroll-poll' && (channel === 'email' || channel === 'sms');
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-qr-enroll': OvQrEnroll;
  }
}
