import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { ovFlowContext } from '../../context.js';
import type { OvFlowContext } from '../../context.js';
import { OvFlowController } from '../../controller/flow-controller.js';
import { createAuthClient } from '../../controller/create-auth-client.js';
import { OutcomeStep } from '../../controller/types.js';
import type { OvAuthClient, OvStep } from '../../controller/types.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { problemNotice, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { isPasswordStep } from '../ov-identify/ov-identify.js';
import { PICKER_STEPS } from '../ov-authenticator-picker/ov-authenticator-picker.js';
import { ENROLL_STEPS } from '../ov-qr-enroll/ov-qr-enroll.js';
import { POLL_STATUS_STEPS } from '../ov-poll-status/ov-poll-status.js';
import { signinStyles } from './ov-signin.styles.js';

/**
 * @summary Signs a user in through the Okta Identity Engine, Okta Verify included, one screen per
 * server step. Give it `issuer`, `client-id` and `redirect-uri`, or an `authClient`.
 * @fires ov-step - Each new step, with its snapshot.
 * @fires ov-success - Signed in; tokens are saved in `authClient.tokenManager`.
 * @fires ov-terminal - The server ended the sign-in.
 * @fires ov-error - A recoverable problem, also shown on screen.
 * @fires ov-cancel - The user cancelled.
 * @csspart base - The frame around every screen.
 * @cssproperty [--ov-accent=#1662dd] - Buttons, links and focus rings.
 */
export class OvSignin extends LitElement {
  static override styles = [sharedStyles, signinStyles];

  /** The flow behind the screens; a page may call its methods (e.g. `restart()`). */
  readonly controller = new OvFlowController(this, {
    authClient: () =>
      this.authClient ??
      createAuthClient({
        issuer: this.issuer,
        clientId: this.clientId,
        redirectUri: this.redirectUri,
        scopes: this.scopes.split(/\s+/).filter(Boolean),
      }),
  });

  @provide({ context: ovFlowContext })
  @state()
  protected flowContext?: OvFlowContext;

  /** The authorization server, e.g. `https://example.okta.com/oauth2/default`. */
  @property() issuer = '';
  @property({ attribute: 'client-id' }) clientId = '';
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /** Space-separated scopes. */
  @property() scopes = 'openid profile email';
  /** An `OktaAuth` the page already has (used instead of the attributes). */
  @property({ attribute: false }) authClient?: OvAuthClient;
  /** Milliseconds before a resend is offered on push and activation-link screens. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;

  #started = false;
  #shownStep?: OvStep;

  private get configured(): boolean {
    return !!this.authClient || !!(this.issuer && this.clientId && this.redirectUri);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Started before rendering, so its first state is part of this update rather than a second one.
    if (!this.#started && this.configured) {
      this.#started = true;
      this.controller.start();
    }
    if (this.flowContext?.state !== this.controller.state) {
      this.flowContext = { controller: this.controller, state: this.controller.state };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const step = this.controller.state.step;
    if (step !== this.#shownStep) {
      const previous = this.#shownStep;
      this.#shownStep = step;
      // The first screen does not take focus from the page.
      if (previous) void this.#focusScreen(!step || !isSameScreen(previous, step));
    }
  }

  /**
   * A new screen: its heading takes focus. The same form answered again (a wrong code, a poll with
   * news) leaves focus where that screen put it, e.g. on the field in error; else its heading.
   */
  async #focusScreen(isNewScreen: boolean): Promise<void> {
    const screen = this.renderRoot.querySelector<HTMLElement>('[data-screen]');
    if (screen instanceof OvFlowElement) await screen.updateComplete;
    if (!isNewScreen && screen?.matches(':focus-within')) return;
    if (screen instanceof OvFlowElement) screen.focus();
    else screen?.querySelector<HTMLElement>('[data-heading]')?.focus();
  }

  private renderStep(step: OvStep) {
    const flow = this.flowContext;
    if (isPasswordStep(step)) return html`<ov-identify data-screen></ov-identify>`;
    if (step.name === 'challenge-authenticator') return html`<ov-totp-entry data-screen></ov-totp-entry>`;
    if (PICKER_STEPS.has(step.name)) return html`<ov-authenticator-picker data-screen></ov-authenticator-picker>`;
    if (ENROLL_STEPS.has(step.name)) return html`<ov-qr-enroll data-screen .resendDelay=${this.resendDelay}></ov-qr-enroll>`;
    if (POLL_STATUS_STEPS.has(step.name)) {
      return html`<ov-poll-status data-screen .resendDelay=${this.resendDelay}></ov-poll-status>`;
    }
    if (step.name === OutcomeStep.TERMINAL) {
      return html`<section data-screen aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" data-heading>${strings.terminalHeading}</h2>
        <div role="alert" aria-live="assertive" part="messages">
          ${step.messages.map((m) => html`<p>${m.text}</p>`)}
        </div>
        <div class="actions">
          <button type="button" @click=${() => this.controller.restart()}>${strings.backToSignIn}</button>
        </div>
      </section>`;
    }
    if (step.name === OutcomeStep.SUCCESS) {
      return html`<section data-screen aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" data-heading>${strings.successHeading}</h2>
        ${problemNotice(flow)}
        <p class="status" role="status">${step.identifier ? strings.signedInAs(step.identifier) : strings.successText}</p>
      </section>`;
    }
    // A step Okta may send but this widget has no screen for: say so, never show a blank widget.
    return html`<section data-screen aria-labelledby="heading">
      <h2 id="heading" tabindex="-1" data-heading>${strings.unsupportedHeading}</h2>
      <p>${strings.unsupportedText(step.remediation ?? step.name)}</p>
      <div class="actions">
        <button type="button" @click=${() => this.controller.restart()}>${strings.startOver}</button>
      </div>
      ${flow ? stepActions(flow) : nothing}
    </section>`;
  }

  private renderWithoutStep() {
    const { problem } = this.controller.state;
    if (problem) {
      return html`<section data-screen aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" data-heading>${strings.problemHeading}</h2>
        ${problemNotice(this.flowContext)}
      </section>`;
    }
    if (!this.configured) return html`<p role="alert">${strings.configMissing}</p>`;
    return html`<p class="status" role="status">${strings.loading}</p>`;
  }

  override render() {
    const { step, busy } = this.controller.state;
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${step ? this.renderStep(step) : this.renderWithoutStep()}
    </div>`;
  }
}

/** Both steps are the same form: one step name, about the same authenticator. */
function isSameScreen(previous: OvStep, next: OvStep): boolean {
  return previous.name === next.name && previous.authenticator?.key === next.authenticator?.key;
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-signin': OvSignin;
  }
}
