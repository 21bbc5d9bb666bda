import { html, nothing } from 'lit';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import {
  chooseOtherAction,
  formMessages,
  pollProgress,
  problemNotice,
  stepActions,
  openButton,
} from '../../internal/templates.js';
import { safeHref } from '../../internal/safe-href.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import type { OvDeviceChallenge, OvScreen, OvStep } from '../../controller/types.js';
import { fastPassStyles } from './ov-fastpass.styles.js';

/**
 * @tagname ov-fastpass
 * @summary Okta FastPass: Okta Verify on this device confirms it is the user. By loopback the
 * controller reaches Okta Verify by itself and this screen only says so; by custom URI, universal
 * link or app link a button opens Okta Verify (and "Get Okta Verify" links to its download); by
 * Apple's SSO extension the controller sends Okta's form and the OS answers it. Never says a push
 * was sent: none is.
 * @csspart status - The polite progress line while Okta waits for Okta Verify.
 * @csspart activity - The activity indicator beside the progress line (aria-hidden; still under reduced motion).
 * @csspart button - The link that opens Okta Verify, shown as a button.
 * @csspart link - The download link.
 */
export class OvFastPass extends OvFlowElement {
  static override styles = [sharedStyles, fastPassStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>(['fastpass']);

  protected override renderHeading(step: OvStep): string {
    const other = otherAuthenticator(step);
    if (other === undefined) return strings.fastPassHeading;
    return other ? strings.verifyWithHeading(other) : strings.pickAuthenticateHeading;
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    const challenge = step.authenticator?.challenge;
    const other = otherAuthenticator(step);
    const ssoExtension = other === undefined && challenge?.method === SSO_EXTENSION;
    const body =
      other !== undefined
        ? this.renderOtherChallenge(other, challenge, flow)
        : challenge?.method === SSO_EXTENSION
          ? this.renderSsoExtension(challenge, flow)
          : html`${challenge ? this.renderChallenge(challenge) : nothing}
            ${pollProgress(flow, strings.waitingForOktaVerify)}`;
    // While the SSO extension's form is out, its answer (maybe tokens) must not be dropped for the picker.
    const otherWay = ssoExtension && flow.state.busy ? nothing : chooseOtherAction(flow);
    return html`${problemNotice(flow)} ${formMessages(step.messages)} ${body} ${otherWay} ${stepActions(flow)}`;
  }

  /**
   * A device challenge of another authenticator (an NFC PIN, handed to an app on this device): named
   * as Okta names it, and never called Okta Verify or FastPass.
   */
  private renderOtherChallenge(name: string, challenge: OvDeviceChallenge | undefined, flow: OvFlowContext) {
    const open = safeHref(challenge?.href);
    return html`<p>${name ? strings.onDeviceVerify(name) : strings.onDeviceVerifyUnnamed}</p>
      ${openButton(open, strings.continueOnDevice)} ${pollProgress(flow, strings.waitingForDevice)}`;
  }

  /**
   * Apple's SSO extension: the controller sends Okta's form by itself and the OS answers it, so the
   * screen says so while it goes out; when it is not sent by itself (it was already, or Okta's
   * message is to be read first), Try again sends it. With a page to go to (`href`), a link there.
   */
  private renderSsoExtension(challenge: OvDeviceChallenge, flow: OvFlowContext) {
    const page = safeHref(challenge.href);
    if (page) return openButton(page, strings.continueWithOktaVerify);
    const { busy, problem } = flow.state;
    if (busy) return pollProgress(flow, strings.verifyingWithFastPass);
    if (problem?.canRetry) return nothing;
    return html`<div class="actions" part="actions">
      <button type="button" part="button button-primary" data-retry @click=${() => flow.controller.submit()}>
        ${strings.tryAgain}
      </button>
    </div>`;
  }

  private renderChallenge(challenge: OvDeviceChallenge) {
    if (challenge.method === 'LOOPBACK') return html`<p>${strings.fastPassLoopback}</p>`;
    const open = safeHref(challenge.href);
    const download = safeHref(challenge.downloadHref);
    const text = challenge.method === 'CUSTOM_URI' ? strings.fastPassOpen : strings.fastPassLink;
    return html`<p>${open ? text : strings.fastPassUnsupported}</p>
      ${openButton(open, strings.openOktaVerify)}
      ${
        download
          ? html`<p class="download">
              ${strings.noOktaVerify}
              <a part="link" href=${download} target="_blank" rel="noopener noreferrer" data-download
                >${strings.getOktaVerify}</a
              >
            </p>`
          : nothing
      }`;
  }
}

const SSO_EXTENSION = 'APPLE_SSO_EXTENSION';

/** The name of the authenticator when it is not Okta Verify ('' when unnamed), else undefined. */
function otherAuthenticator(step: OvStep): string | undefined {
  const authenticator = step.authenticator;
  if (!authenticator?.key || authenticator.key === 'okta_verify') return undefined;
  return authenticator.displayName;
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-fastpass': OvFastPass;
  }
}
