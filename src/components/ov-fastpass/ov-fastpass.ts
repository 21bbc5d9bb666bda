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
 * link or app link a button opens Okta Verify (and "Get Okta Verify" links to its download). Never
 * says a push was sent: none is.
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
    const body =
      other === undefined
        ? html`${challenge ? this.renderChallenge(challenge) : nothing}
          ${pollProgress(flow, strings.waitingForOktaVerify)}`
        : this.renderOtherChallenge(other, challenge, flow);
    return html`${problemNotice(flow)} ${formMessages(step.messages)} ${body} ${chooseOtherAction(flow)}
    ${stepActions(flow)}`;
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
