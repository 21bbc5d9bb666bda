import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { OvFlowContext } from '../../context.js';
import { formText } from '../../internal/form-text.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import {
  describedBy,
  fieldMessages,
  formMessages,
  invalid,
  problemNotice,
  stepActions,
} from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { fieldLabel } from '../../i18n/server-text.js';
import type { OvInput, OvScreen, OvStep } from '../../controller/types.js';
import { identifyStyles } from './ov-identify.styles.js';
import { adoptLightDomStyles, LIGHT_DOM_ATTRIBUTE } from './light-dom-styles.js';

let lightDomCount = 0;

/**
 * @tagname ov-identify
 * @summary Username and password (the `sign-in` screen), or the password alone when the server asks
 * for it separately (the `password` screen).
 * @csspart form - The form.
 * @csspart label - A field's label, around its input.
 * @csspart input - Each text field.
 * @csspart field-error - The message under a field.
 */
export class OvIdentify extends OvFlowElement {
  static override styles = [sharedStyles, identifyStyles];

  protected readonly screens: ReadonlySet<OvScreen> = new Set<OvScreen>(['sign-in', 'password']);

  /** Prefix of the ids of this form: none in a shadow root; unique in the page's DOM. */
  #ids = '';

  /**
   * `<ov-signin credentials-in-light-dom>` creates this element with `data-light-dom`: it then renders
   * into the page's DOM, where password managers that do not look into shadow roots find the fields.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.hasAttribute(LIGHT_DOM_ATTRIBUTE)) return super.createRenderRoot();
    adoptLightDomStyles(this.ownerDocument);
    this.#ids = `ov-identify-${++lightDomCount}-`;
    return this;
  }

  @query('input[name="password"], input[data-password]') private passwordInput?: HTMLInputElement;
  @query('input[name="username"]') private usernameInput?: HTMLInputElement;
  @query('input[aria-invalid="true"]') private invalidInput?: HTMLInputElement;
  /** The password is shown as text (the show-password toggle is pressed). */
  @state() private passwordShown = false;

  protected override stepRendered(previous: OvStep | undefined, step: OvStep | undefined): void {
    if (previous && step && previous.screen === step.screen) {
      // The server answered this form again (wrong password): clear the password, focus what is wrong.
      if (this.passwordInput) this.passwordInput.value = '';
      this.invalidInput?.focus();
    } else if (step?.screen === 'sign-in' && this.usernameInput && !this.usernameInput.value) {
      // Back to sign in: the username of the sign-in left, as Okta's widget keeps it.
      this.usernameInput.value = this.flow?.state.username ?? '';
    }
    if (previous?.screen !== step?.screen) this.passwordShown = false;
  }

  /**
   * The sign-in form takes focus on its first empty field (the password when the username is filled
   * in again); other screens on their heading.
   */
  override focus(options?: FocusOptions): void {
    const fields = [
      ...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="username"], input[data-password]'),
    ];
    const field = fields.find((f) => f.value === '') ?? fields[0];
    if (this.flow?.state.step?.screen === 'sign-in' && field) field.focus(options);
    else super.focus(options);
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const flow = this.flow;
    if (!flow || flow.state.busy) return;
    const form = event.target as HTMLFormElement;
    const values = Object.fromEntries(
      (flow.state.step?.inputs ?? []).map((input) => [input.name, formText(form, input.name)]),
    );
    const keep = form.querySelector<HTMLInputElement>('input[name="rememberMe"]');
    // Sent only when checked: Okta's default is off, and okta-auth-js drops a false value anyway.
    flow.controller.submit(keep?.checked ? { ...values, rememberMe: true } : values);
  }

  /** The controller keeps the username typed so far, for a later sign-in form should another screen replace this one. */
  private handleInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'username') this.flow?.controller.draft(input.value);
  }

  private handleShowPassword(): void {
    this.passwordShown = !this.passwordShown;
  }

  private renderInput(input: OvInput | undefined, autocomplete: string, type: string): TemplateResult | typeof nothing {
    if (!input) return nothing;
    const isPassword = type === 'password';
    // The message sits outside the label, so it describes the field without becoming part of its name.
    return html`<div class="field">
      <label part="label">
        ${fieldLabel(input)}
        <input
          part="input"
          name=${input.name}
          type=${isPassword && this.passwordShown ? 'text' : type}
          autocomplete=${autocomplete}
          autocapitalize=${isPassword || input.name === 'username' ? 'off' : nothing}
          spellcheck=${isPassword ? 'false' : nothing}
          ?data-password=${isPassword}
          ?required=${input.required}
          aria-invalid=${invalid(input)}
          aria-describedby=${describedBy(input, this.#ids)}
        />
      </label>
      ${isPassword ? this.renderShowPassword() : nothing} ${fieldMessages(input, this.#ids)}
    </div>`;
  }

  /** A toggle, not a label that changes: its name stays, `aria-pressed` says whether it is on. */
  private renderShowPassword() {
    return html`<button
      type="button"
      class="link show-password"
      part="link-button"
      data-show-password
      aria-pressed=${this.passwordShown ? 'true' : 'false'}
      @click=${this.handleShowPassword}
    >
      ${strings.showPassword}
    </button>`;
  }

  private renderKeepSignedIn(step: OvStep) {
    if (step.rememberMe === undefined) return nothing;
    return html`<label class="checkbox" part="label">
      <input part="checkbox" type="checkbox" name="rememberMe" ?checked=${step.rememberMe} />
      ${strings.keepMeSignedIn}
    </label>`;
  }

  private renderForgotPassword(step: OvStep, flow: OvFlowContext) {
    if (!step.can.recover) return nothing;
    return html`<button
      type="button"
      class="link"
      part="link-button"
      data-recover
      aria-disabled=${flow.state.busy ? 'true' : nothing}
      @click=${() => flow.controller.recover()}
    >
      ${strings.forgotPassword}
    </button>`;
  }

  protected override get headingId(): string {
    return `${this.#ids}heading`;
  }

  protected override renderHeading(step: OvStep): string {
    return step.screen === 'sign-in' ? strings.identifyHeading : strings.passwordHeading;
  }

  protected override renderBody(step: OvStep, flow: OvFlowContext) {
    const find = (name: string) => step.inputs.find((i) => i.name === name);
    const isSignIn = step.screen === 'sign-in';
    // The password screen has one input, named `password` or (no authenticator key) `verificationCode`.
    const password = isSignIn ? find('password') : step.inputs[0];
    // Okta may offer nothing to type, only "Sign in with Okta FastPass": then it is the one button.
    const form = step.inputs.length > 0;
    return html`${problemNotice(flow)} ${formMessages(step.messages)}
    ${
      form
        ? html`<form part="form" @submit=${this.handleSubmit} @input=${this.handleInput} novalidate>
            ${this.renderInput(find('username'), 'username', 'text')}
            ${this.renderInput(password, 'current-password', 'password')} ${this.renderKeepSignedIn(step)}
            <div class="actions" part="actions">
              <button type="submit" part="button button-primary" aria-disabled=${flow.state.busy ? 'true' : nothing}>
                ${flow.state.busy ? strings.working : isSignIn && !password ? strings.next : isSignIn ? strings.signIn : strings.verify}
              </button>
              ${this.renderForgotPassword(step, flow)}
            </div>
            <p class="visually-hidden" role="status">${flow.state.busy ? strings.working : nothing}</p>
          </form>`
        : nothing
    }
    ${
      step.can.launchFastPass
        ? html`<div class="actions" part="actions">
            <button
              type="button"
              class=${form ? 'secondary' : nothing}
              part=${form ? 'button button-secondary' : 'button button-primary'}
              data-fastpass
              aria-disabled=${flow.state.busy ? 'true' : nothing}
              @click=${() => flow.controller.launchFastPass()}
            >
              ${strings.fastPassLaunch}
            </button>
          </div>`
        : nothing
    }
    ${isSignIn && form ? nothing : stepActions(flow)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-identify': OvIdentify;
  }
}
