import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { describedBy, fieldMessages, formMessages, invalid, pollProgress, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { fieldLabel } from '../../i18n/server-text.js';
import type { OvScreen, OvStep } from '../../controller/types.js';
import { qrEnrollStyles } from './ov-qr-enroll.styles.js';

const SCREENS: ReadonlySet<OvScreen> = new Set<OvScreen>(['enroll-qr', 'enroll-channel', 'enroll-address', 'link-sent']);

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
    if (previous?.screen === 'enroll-address' && step?.screen === 'enroll-address') this.invalidInput?.focus();
    this.#clearResendTimer();
    this.resendReady = false;
    if (step?.screen === 'link-sent') this.#armResend();
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
    this.flow?.controller.backToQr();
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
      ${href
        ? html`<img class="qr" part="qr" src=${href} alt=${strings.qrAlt} width="200" height="200" />`
        : html`<p class="problem" role="alert" part="problem">${strings.qrRefused}</p>`}
      ${this.renderProgress(strings.waitingForScan)}
      ${step.can.changeChannel
        ? html`<button type="button" class="link" part="link-button" @click=${() => this.flow?.controller.changeChannel()}>
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
    return step.can.backToQr
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
    if (!flow || !step || !SCREENS.has(step.screen)) return nothing;
    const body =
      step.screen === 'enroll-channel'
        ? this.renderChannelChoice(step)
        : step.screen === 'enroll-address'
          ? this.renderChannelData(step)
          : step.screen === 'link-sent'
            ? this.renderLinkSent(step)
            : this.renderQr(step);
    return html`<section part="base" dir=${this.locale.dir} aria-labelledby="heading">${body} ${stepActions(flow)}</section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-qr-enroll': OvQrEnroll;
  }
}
