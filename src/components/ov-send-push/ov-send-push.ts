import { html, nothing } from 'lit';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { chooseOtherAction, formMessages, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import type { OvScreen, OvStep } from '../../controller/types.js';

/**
 * @tagname ov-send-push
 * @summary Okta Verify's (or another push authenticator's) only method is push: "Send push", as
 * Okta's widget shows it, with "Send push automatically" where Okta's form has that field. When Okta
 * says the user chose it before (`autoChallenge`), the controller sends the push by itself and this
 * screen is not shown.
 * @csspart form - The form.
 * @csspart checkbox - "Send push automatically".
 */
export class OvSendPush extends OvFlowElement {
  static override styles = [sharedStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>(['send-push']);

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const flow = this.flow;
    const option = flow?.state.step?.options[0];
    if (!flow || !option || flow.state.busy) return;
    const automatic = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name="autoChallenge"]');
    flow.controller.submit(automatic?.checked ? { ...option.values, autoChallenge: true } : option.values);
  }

  protected override renderHeading(): string {
    return strings.pushHeading;
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    const key = step.authenticator?.key ?? step.options[0]?.authenticatorKey;
    const name = step.authenticator?.displayName || step.options[0]?.label;
    const other = key && key !== 'okta_verify' && name;
    return html`${problemNotice(flow)} ${formMessages(step.messages)}
      <p>${other ? strings.sendPushTextIn(other) : strings.sendPushText}</p>
      <form part="form" @submit=${this.handleSubmit} novalidate>
        ${
          step.autoChallenge === undefined
            ? nothing
            : html`<label class="checkbox" part="label">
                <input part="checkbox" type="checkbox" name="autoChallenge" ?checked=${step.autoChallenge} />
                ${strings.sendPushAutomatically}
              </label>`
        }
        <div class="actions" part="actions">
          <button type="submit" part="button button-primary" aria-disabled=${flow.state.busy ? 'true' : nothing}>
            ${flow.state.busy ? strings.working : strings.sendPush}
          </button>
        </div>
      </form>
      ${chooseOtherAction(flow)} ${stepActions(flow)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-send-push': OvSendPush;
  }
}
