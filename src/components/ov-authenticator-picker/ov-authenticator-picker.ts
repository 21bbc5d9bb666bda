import { html, nothing } from 'lit';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { formMessages, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { optionLabel } from '../../i18n/server-text.js';
import type { OvOption, OvScreen, OvStep } from '../../controller/types.js';
import { pickerStyles } from './ov-authenticator-picker.styles.js';

/**
 * @tagname ov-authenticator-picker
 * @summary The choices of a step as a list of buttons: which authenticator to enroll or verify with,
 * or (Okta Verify) push or code. Tab or the arrow keys move between choices, Enter or Space picks.
 * @csspart option - Each choice.
 * @csspart option-label - The name of a choice.
 * @csspart option-detail - The description under a choice's name.
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
                <span class="label" part="option-label">${optionLabel(option) || strings.securityMethod}</span>
                ${option.detail ? html`<span class="detail" part="option-detail">${option.detail}</span>` : nothing}
              </button>
            </li>`,
        )}
      </ul>
      ${stepActions(flow)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-authenticator-picker': OvAuthenticatorPicker;
  }
}
