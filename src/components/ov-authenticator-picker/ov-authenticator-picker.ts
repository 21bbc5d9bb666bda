import { html, nothing } from 'lit';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { formMessages, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import type { OvOption, OvScreen, OvStep } from '../../controller/types.js';
import { pickerStyles } from './ov-authenticator-picker.styles.js';
import { optionIcon } from './option-icon.js';
import { optionDescription } from '../../i18n/option-text.js';

/**
 * @tagname ov-authenticator-picker
 * @summary The choices of a step as a list of buttons: which authenticator to enroll or verify with,
 * or (Okta Verify) push or code. Tab or the arrow keys move between choices, Enter or Space picks.
 * @csspart option - Each choice.
 * @csspart option-label - The name of a choice.
 * @csspart option-detail - The description under a choice's name: what picking it does, and the
 * enrolment's device, phone number or email.
 * @csspart option-icon - The icon before a choice's name.
 */
export class OvAuthenticatorPicker extends OvFlowElement {
  static override styles = [sharedStyles, pickerStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>([
    'enroll-picker',
    'verify-picker',
    'method-picker',
  ]);

  private handleKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-option]')];
    const index = buttons.indexOf(event.composedPath()[0] as HTMLButtonElement);
    if (index < 0) return;
    const target = {
      ArrowDown: (index + 1) % buttons.length,
      ArrowUp: (index - 1 + buttons.length) % buttons.length,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[target]?.focus();
  }

  private handleChoose(option: OvOption): void {
    const flow = this.flow;
    if (flow && !flow.state.busy) flow.controller.choose(option);
  }

  protected override renderHeading(step: OvStep): string {
    if (step.screen === 'enroll-picker') return strings.pickEnrollHeading;
    if (step.screen === 'verify-picker') return strings.pickAuthenticateHeading;
    return strings.pickMethodHeading(step.authenticator?.displayName || 'Okta Verify');
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    return html`${problemNotice(flow)} ${formMessages(step.messages)}
      <ul aria-label=${strings.pickListLabel} @keydown=${this.handleKeydown}>
        ${step.options.map(
          (option) =>
            html`<li>
              <button
                type="button"
                part="option"
                data-option=${option.value}
                aria-disabled=${flow.state.busy ? 'true' : nothing}
                @click=${() => this.handleChoose(option)}
              >
                ${optionIcon(option.method, option.authenticatorKey)}
                <span class="label" part="option-label">${optionTitle(option)}</span>
                <span class="detail" part="option-detail">${optionDetail(option)}</span>
              </button>
            </li>`,
        )}
      </ul>
      ${stepActions(flow)}`;
  }
}

/** The authenticator's name, as Okta's picker titles a choice ("Okta Verify"), also for one of its methods. */
function optionTitle(option: OvOption): string {
  return option.authenticatorLabel || option.label || strings.securityMethod;
}

/** What the choice does ("Get a push notification"), then the enrolment it uses ("Pixel 8"). */
function optionDetail(option: OvOption): string {
  const description = optionDescription(
    option.method,
    option.authenticatorKey,
    option.authenticatorLabel ? option.label : undefined,
  );
  return option.profile ? `${description} · ${option.profile}` : description;
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-authenticator-picker': OvAuthenticatorPicker;
  }
}
