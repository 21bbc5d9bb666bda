import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { OvFlowContext } from '../../context.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { errorId, fieldMessages, formMessages, problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { fieldLabel } from '../../i18n/server-text.js';
import type { OvScreen, OvStep } from '../../controller/types.js';
import { totpEntryStyles } from './ov-totp-entry.styles.js';

/** Okta Verify's and Google Authenticator's TOTP length (the snapshot gives it as `input.digits`). */
export const CODE_LENGTH = 6;

/** Longest code typed as free text (temporary access codes, email codes). */
const MAX_FREE_CODE = 64;

/**
 * @tagname ov-totp-entry
 * @summary Enter a one-time code (the `code` screen: Okta Verify TOTP, or any challenge that is not a
 * password). A TOTP of fixed length (Okta Verify, Google Authenticator) takes digits only and submits
 * by itself once complete, typed or pasted; other codes (temporary access codes, email codes) are free
 * text, letters included, sent with Verify.
 * @csspart form - The form.
 * @csspart label - The field's label, around its input.
 * @csspart input - The code field.
 * @csspart field-error - The message under the field.
 */
export class OvTotpEntry extends OvFlowElement {
  static override styles = [sharedStyles, totpEntryStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>(['code']);

  @query('input') private input?: HTMLInputElement;
  @state() private incomplete = false;

  /** The code already sent for the current step, so typing after a paste cannot send it twice. */
  #sent?: string;

  protected override stepRendered(previous: OvStep | undefined, step: OvStep | undefined): void {
    const again = previous?.screen === step?.screen;
    this.#sent = undefined;
    // A wrong code comes back as the same step with a field message: start the code afresh.
    if (again && this.input) {
      this.input.value = '';
      this.input.focus();
    }
  }

  /** The number of digits of a fixed-length TOTP, or undefined for a free-text code. */
  get #digits(): number | undefined {
    return this.flow?.state.step?.inputs[0]?.digits;
  }

  private handleInput(): void {
    const input = this.input;
    const length = this.#digits;
    this.incomplete = false;
    if (!input || length === undefined) return;
    const digits = onlyDigits(input.value, length);
    if (input.value !== digits) input.value = digits;
    if (digits.length === length) this.send(digits);
  }

  private handlePaste(event: ClipboardEvent): void {
    const input = this.input;
    const length = this.#digits;
    if (!input || length === undefined) return;
    event.preventDefault();
    // "123 456" or "123-456" from a message or password manager becomes 123456.
    input.value = onlyDigits(event.clipboardData?.getData('text') ?? '', length);
    this.incomplete = false;
    if (input.value.length === length) this.send(input.value);
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const length = this.#digits;
    const typed = this.input?.value ?? '';
    const code = length === undefined ? typed.trim() : onlyDigits(typed, length);
    if (length === undefined ? code === '' : code.length !== length) {
      this.incomplete = true;
      this.input?.focus();
      return;
    }
    this.#sent = undefined;
    this.send(code);
  }

  private send(code: string): void {
    const flow = this.flow;
    const name = flow?.state.step?.inputs[0]?.name ?? 'verificationCode';
    if (!flow || flow.state.busy || this.#sent === code) return;
    this.#sent = code;
    flow.controller.submit({ [name]: code });
  }

  protected override renderHeading(): string {
    return strings.totpHeading;
  }

  #instruction(step: OvStep, length: number | undefined): string {
    const name = step.authenticator?.displayName;
    if (!name) return strings.codeInstructionUnnamed;
    return length === CODE_LENGTH ? strings.totpInstruction(name) : strings.codeInstruction(name);
  }

  #incompleteText(length: number | undefined): string {
    if (length === undefined) return strings.codeMissing;
    return strings.codeIncomplete(length - onlyDigits(this.input?.value ?? '', length).length);
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    const input = step.inputs[0];
    const length = input?.digits;
    const serverError = input && input.messages.length > 0;
    const describedBy = ['instruction', serverError ? errorId(input) : '', this.incomplete ? 'incomplete' : '']
      .filter(Boolean)
      .join(' ');
    return html`<p id="instruction">${this.#instruction(step, length)}</p>
      ${problemNotice(flow)} ${formMessages(step.messages)}
      <form part="form" @submit=${this.handleSubmit} novalidate>
        <div class="field">
          <label part="label">
            ${input ? fieldLabel(input) : strings.totpLabel}
            <input
              part="input"
              name=${input?.name ?? 'verificationCode'}
              type="text"
              inputmode=${length === undefined ? 'text' : 'numeric'}
              autocomplete="one-time-code"
              autocapitalize="off"
              pattern=${length === undefined ? nothing : '[0-9]*'}
              maxlength=${length === undefined ? MAX_FREE_CODE : 12}
              spellcheck="false"
              required
              aria-invalid=${serverError || this.incomplete ? 'true' : nothing}
              aria-describedby=${describedBy}
              @input=${this.handleInput}
              @paste=${this.handlePaste}
            />
          </label>
          ${fieldMessages(input)}
          ${this.incomplete ? html`<p class="field-error" part="field-error" id="incomplete">${this.#incompleteText(length)}</p>` : nothing}
        </div>
        <div class="actions" part="actions">
          <button type="submit" part="button button-primary" aria-disabled=${flow.state.busy ? 'true' : nothing}>
            ${flow.state.busy ? strings.working : strings.verify}
          </button>
          ${
            step.can.chooseOther
              ? html`<button
                  type="button"
                  class="link"
                  part="link-button"
                  @click=${() => flow.controller.chooseOther()}
                >
                  ${strings.verifyOther}
                </button>`
              : nothing
          }
        </div>
      </form>
      ${stepActions(flow)}`;
  }
}

function onlyDigits(value: string, length: number): string {
  return value.replace(/\D/g, '').slice(0, length);
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-totp-entry': OvTotpEntry;
  }
}
