import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { OvFlowContext } from '../../context.js';
import { formText } from '../../internal/form-text.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { ResendOffer } from '../../internal/resend-offer.js';
import {
  describedBy,
  fieldMessages,
  formMessages,
  invalid,
  pollProgress,
  problemNotice,
  stepActions,
  openButton,
} from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { fieldLabel } from '../../i18n/server-text.js';
import { safeHref } from '../../internal/safe-href.js';
import type { OvScreen, OvStep } from '../../controller/types.js';
import { qrEnrollStyles } from './ov-qr-enroll.styles.js';

/**
 * @tagname ov-qr-enroll
 * @summary Okta Verify enrolment: the QR code with numbered steps, "Can't scan?" to get an
 * activation link by email or SMS instead, the address form, then "check your email / SMS" with a
 * resend offered after `resend-delay`, and a way back to the QR.
 * @csspart qr - The QR image.
 * @csspart status - The polite progress line while Okta waits for the phone.
 * @csspart activity - The activity indicator beside the progress line (aria-hidden; still under reduced motion).
 * @csspart form - The email or phone form.
 * @csspart label - The field's label, around its input.
 * @csspart input - The email or phone field.
 * @csspart field-error - The message under the field.
 */
export class OvQrEnroll extends OvFlowElement {
  static override styles = [sharedStyles, qrEnrollStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>([
    'enroll-qr',
    'enroll-channel',
    'enroll-address',
    'link-sent',
    'enroll-same-device',
    'enroll-bootstrap',
    'enroll-on-device',
  ]);

  private readonly resendOffer = new ResendOffer(this, () => this.resendDelay);

  @query('input[aria-invalid="true"]') private invalidInput?: HTMLInputElement;

  /** Milliseconds before "Send again" is offered on the check-your-email/SMS screen. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;

  protected override stepRendered(previous: OvStep | undefined, step: OvStep | undefined): void {
    // The server refused the address or number: focus the field, whose message describes it.
    if (previous?.screen === 'enroll-address' && step?.screen === 'enroll-address') this.invalidInput?.focus();
    this.resendOffer.withdraw();
    if (step?.screen === 'link-sent') this.resendOffer.arm();
  }

  private handleResend(): void {
    this.resendOffer.arm();
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
    flow.controller.submit({ [input.name]: formText(event.target as HTMLFormElement, input.name).trim() });
  }

  protected override renderHeading(step: OvStep): string {
    switch (step.screen) {
      case 'enroll-channel':
        return strings.pickChannelHeading;
      case 'enroll-address':
        return step.inputs[0]?.name === 'email' ? strings.channelDataEmailHeading : strings.channelDataSmsHeading;
      case 'link-sent':
        return step.authenticator?.selectedChannel === 'email' ? strings.checkEmailHeading : strings.checkSmsHeading;
      case 'enroll-same-device':
        return strings.sameDeviceHeading;
      case 'enroll-bootstrap':
        return strings.bootstrapHeading;
      default: {
        // Named as Okta names it: "Okta Verify" only for Okta Verify.
        const a = step.authenticator;
        if (!a?.key || a.key === 'okta_verify') return strings.qrHeading;
        return a.displayName ? strings.setUpAuthenticator(a.displayName) : strings.setUpUnnamed;
      }
    }
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    const body =
      step.screen === 'enroll-channel'
        ? this.renderChannelChoice(step, flow)
        : step.screen === 'enroll-address'
          ? this.renderChannelData(step, flow)
          : step.screen === 'link-sent'
            ? this.renderLinkSent(step, flow)
            : step.screen === 'enroll-same-device'
              ? this.renderSameDevice(step, flow)
              : step.screen === 'enroll-bootstrap'
                ? this.renderBootstrap(step, flow)
                : step.screen === 'enroll-on-device'
                  ? this.renderOnDevice(step, flow)
                  : this.renderQr(step, flow);
    return html`${problemNotice(flow)} ${formMessages(step.messages)} ${body}
    ${
      step.can.backToQr
        ? html`<div class="actions" part="actions">
            <button type="button" class="link" part="link-button" data-back @click=${this.handleBackToQr}>
              ${strings.backToQr}
            </button>
          </div>`
        : nothing
    }
    ${stepActions(flow)}`;
  }

  private renderQr(step: OvStep, flow: OvFlowContext) {
    // No source: none was sent, or the snapshot dropped an unsafe one (the controller reported it).
    const href = step.authenticator?.qrcode?.href;
    return html`<ol>
        <li>${strings.qrStep1}</li>
        <li>${strings.qrStep2}</li>
        <li>${strings.qrStep3}</li>
      </ol>
      ${
        href
          ? html`<img class="qr" part="qr" src=${href} alt=${strings.qrAlt} width="200" height="200" />`
          : html`<p class="problem" role="alert" part="problem">${strings.qrRefused}</p>`
      }
      ${pollProgress(flow, strings.waitingForScan)}
      ${
        step.can.changeChannel
          ? html`<div class="actions" part="actions">
              <button type="button" class="link" part="link-button" @click=${() => flow.controller.changeChannel()}>
                ${strings.cantScan}
              </button>
            </div>`
          : nothing
      }`;
  }

  /** Okta Verify set up on this device: get it, add an account, enter the org's sign-in URL. */
  private renderSameDevice(step: OvStep, flow: OvFlowContext) {
    const same = step.authenticator?.sameDevice;
    const download = safeHref(same?.downloadHref);
    return html`<ol>
        <li>
          ${strings.sameDeviceStep1}
          ${
            download
              ? html`<a part="link" href=${download} target="_blank" rel="noopener noreferrer" data-download
                  >${strings.getOktaVerify}</a
                >`
              : nothing
          }
        </li>
        <li>${strings.sameDeviceStep2}</li>
        <li>
          ${
            same?.orgUrl
              ? html`${strings.sameDeviceStep3} <strong data-org-url>${same.orgUrl}</strong>`
              : strings.sameDeviceStep3NoUrl
          }
        </li>
      </ol>
      ${pollProgress(flow, strings.waitingForSetup)}`;
  }

  /** Added from a device that already has Okta Verify: which devices, then what to do there. */
  private renderBootstrap(step: OvStep, flow: OvFlowContext) {
    const devices = step.authenticator?.enrolledDevices ?? [];
    return html`${
        devices.length > 0
          ? html`<p>${strings.bootstrapDevices}</p>
              <ul aria-label=${strings.enrolledDevicesLabel} data-devices>
                ${devices.map((name) => html`<li>${name}</li>`)}
              </ul>`
          : nothing
      }
      <ol>
        <li>${strings.bootstrapStep1}</li>
        <li>${strings.bootstrapStep2}</li>
      </ol>
      ${pollProgress(flow, strings.waitingForSetup)}`;
  }

  /** Another authenticator (an NFC PIN) set up by an app on this device that the link opens. */
  private renderOnDevice(step: OvStep, flow: OvFlowContext) {
    const open = safeHref(step.authenticator?.setupHref);
    const name = step.authenticator?.displayName;
    return html`<p>${name ? strings.onDeviceSetup(name) : strings.onDeviceSetupUnnamed}</p>
      ${openButton(open, strings.continueOnDevice)} ${pollProgress(flow, strings.waitingForDevice)}`;
  }

  private renderChannelChoice(step: OvStep, flow: OvFlowContext) {
    const channels = step.options.filter((o) => o.value === 'email' || o.value === 'sms');
    return html`<ul class="channels" aria-label=${strings.pickChannelHeading}>
      ${channels.map(
        (option) =>
          html`<li>
            <button
              type="button"
              class="secondary"
              part="button button-secondary"
              data-channel=${option.value}
              @click=${() => flow.controller.choose(option)}
            >
              ${option.value === 'email' ? strings.channelEmail : strings.channelSms}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderChannelData(step: OvStep, flow: OvFlowContext) {
    const input = step.inputs[0];
    const isEmail = input?.name === 'email';
    // The phone number's format, said before the field and read with it.
    const hint = isEmail ? undefined : 'phone-hint';
    const describers = [hint, input && input.messages.length > 0 ? describedBy(input) : undefined].filter(Boolean);
    return html`<form part="form" @submit=${this.handleChannelSubmit} novalidate>
      ${
        input
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
                  aria-describedby=${describers.length > 0 ? describers.join(' ') : nothing}
                />
              </label>
              ${hint ? html`<p class="hint" id=${hint}>${strings.phoneHint}</p>` : nothing} ${fieldMessages(input)}
            </div>`
          : nothing
      }
      <div class="actions" part="actions">
        <button type="submit" part="button button-primary" aria-disabled=${flow.state.busy ? 'true' : nothing}>
          ${strings.sendLink}
        </button>
      </div>
    </form>`;
  }

  private renderLinkSent(step: OvStep, flow: OvFlowContext) {
    const a = step.authenticator;
    const text =
      a?.selectedChannel === 'email'
        ? a.email
          ? strings.checkEmailText(a.email)
          : strings.checkEmailTextNoAddress
        : a?.phoneNumber
          ? strings.checkSmsText(a.phoneNumber)
          : strings.checkSmsTextNoNumber;
    return html`<p>${text}</p>
      ${pollProgress(flow, strings.waitingForLink)}
      ${
        step.can.resend && this.resendOffer.ready
          ? html`<p>
              ${strings.resendLinkHint}
              <button type="button" class="link" part="link-button" data-resend @click=${this.handleResend}>
                ${strings.resendLink}
              </button>
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-qr-enroll': OvQrEnroll;
  }
}
