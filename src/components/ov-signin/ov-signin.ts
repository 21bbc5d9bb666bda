import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OvFlowContext } from '../../context.js';
import { OvFlowController } from '../../controller/flow-controller.js';
import { createAuthClient, type OvTokenStorage } from '../../transport/create-auth-client.js';
import { createEndpointClient } from '../../transport/endpoint-client.js';
import { hasSavedTransaction } from '../../transport/auth-client-options.js';
import { NoticeCode } from '../../controller/types.js';
import type { OvAuthClient, OvScreen, OvStep } from '../../controller/types.js';
import { OvFlowElement } from '../../internal/flow-element.js';
import { formMessages, messageContent, problemNotice, screenHeading, stepActions } from '../../internal/templates.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { strings } from '../../i18n/strings.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { noticeText } from '../../i18n/problem-text.js';
import { LIGHT_DOM_ATTRIBUTE } from '../ov-identify/light-dom-styles.js';
import { signinStyles } from './ov-signin.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';

/**
 * @tagname ov-signin
 * @summary Signs a user in through the Okta Identity Engine, Okta Verify included, one screen per
 * server step. Give it `issuer`, `client-id` and `redirect-uri`, or an `authClient`; or, in server
 * mode, the `endpoint` of `ov-signin/server` on the page's own server (docs/server-mode.md).
 * It speaks the language of its `lang`, else the closest ancestor's, else the browser's (en, ar, de,
 * es, fr, ja, nl, pt-BR; right to left in Arabic). See docs/localization.md.
 * @fires ov-step - Each new step, with its snapshot.
 * @fires ov-success - Signed in; tokens are saved in `authClient.tokenManager` (in server mode they stay on the server, and `detail.shared` carries what it shared).
 * @fires ov-terminal - The server ended the sign-in.
 * @fires ov-error - A recoverable problem, also shown on screen.
 * @fires ov-cancel - The user cancelled.
 *
 * Colours default to a light or a dark palette after the element's `color-scheme` (see `theme`);
 * a page may give any colour property a `light-dark()` value to set both. See docs/theming.md.
 * @cssprop [--ov-accent=light-dark(#1662dd, #8ab4f8)] - Primary buttons, links, secondary button text; the focus ring unless `--ov-focus-ring` is set.
 * @cssprop [--ov-accent-text=light-dark(#ffffff, #0b1b36)] - Text on the accent colour.
 * @cssprop [--ov-text=light-dark(#1d1d21, #e6e7eb)] - Body text.
 * @cssprop [--ov-muted=light-dark(#4b4f58, #b0b5bf)] - Secondary text: progress lines, details, the signed-in user.
 * @cssprop [--ov-error=light-dark(#b3261e, #ffb4ab)] - Error text and the edge of problem notices and invalid fields.
 * @cssprop [--ov-border=light-dark(#6e7380, #8b909b)] - Edges of fields, choices and the QR code.
 * @cssprop [--ov-surface=light-dark(#ffffff, #1c1d22)] - Background of the frame, secondary buttons and choices.
 * @cssprop [--ov-input-background=light-dark(#ffffff, #26282e)] - Background of text fields.
 * @cssprop [--ov-focus-ring=var(--ov-accent)] - The 2px focus ring of every control.
 * @cssprop [--ov-font=400 medium/1.5 system-ui, sans-serif] - The `font` shorthand of all text. `medium` is the user's default size, unaffected by the page's root font size.
 * @cssprop [--ov-radius=6px] - Corner radius of the frame, fields and buttons.
 * @cssprop [--ov-space=1em] - The spacing unit: gaps, margins and control padding scale with it.
 * @cssprop [--ov-padding=calc(1.5 * var(--ov-space))] - Padding inside the frame.
 * @cssprop [--ov-width=25em] - Inline size of the widget on every screen (never wider than its container).
 * @cssprop [--ov-frame-border=light-dark(#c4c7ce, #464a54)] - Colour of the frame's 1px border and of the line under the header (`transparent` with `appearance="plain"`).
 * @cssprop [--ov-frame-shadow=0 1px 2px …, 0 4px 16px …] - The frame's `box-shadow` (`none` with `appearance="plain"`).
 * @cssprop [--ov-logo-height=2.5em] - Height of the `logo` slot's image.
 *
 * @slot logo - The organisation's logo (an `<img>` or `<svg>`), in the header above every screen.
 *
 * @csspart base - The frame around every screen.
 * @csspart header - The header above every screen: the logo and the brand name.
 * @csspart brand-name - The `brand-name` text in the header.
 * @csspart screen - The screen inside the frame (the `base` of a step element).
 * @csspart heading - The heading of each screen.
 * @csspart form - Each form.
 * @csspart label - A field's label, around its input.
 * @csspart input - Each text field.
 * @csspart field-error - The message under a field.
 * @csspart button - Every filled button (primary and secondary).
 * @csspart button-primary - The main action of a screen.
 * @csspart button-secondary - Other actions shown as buttons (skip, start over, email or SMS).
 * @csspart link-button - Actions shown as links (cancel, resend, verify with something else).
 * @csspart actions - The row of actions under a form or screen.
 * @csspart option - Each choice in a list of authenticators or methods.
 * @csspart option-label - The name of a choice.
 * @csspart option-detail - The description under a choice's name.
 * @csspart option-icon - The icon of a choice.
 * @csspart activity - The activity indicator while Okta waits for the user (still under `prefers-reduced-motion`).
 * @csspart qr - The QR code image.
 * @csspart number - The number to tap (number challenge).
 * @csspart status - A polite status line: progress while waiting, loading, signed in.
 * @csspart messages - The list of server messages above a form.
 * @csspart message - One message; also `message-error` or `message-info` by its level.
 * @csspart message-error - A message of level error.
 * @csspart message-info - A message of level info.
 * @csspart problem - A problem notice (network, unreadable answer) with its ways out.
 * @csspart link - A link Okta sent with a message or a step (download Okta Verify), or the Continue link to Okta's success page.
 * @csspart continue - The Continue link to Okta's success page (with `link`).
 * @csspart identity - Who is signing in, under the title of every screen after the first (with "Use a different account" on the password and method screens).
 * @csspart username - The username in `identity`.
 * @csspart checkbox - "Keep me signed in", "Send push automatically".
 * @csspart notice - Why the sign-in began anew (the previous one expired) or took another way (Okta Verify did not answer), above the screen.
 */
export class OvSignin extends LitElement {
  static override styles = [sharedStyles, themeStyles, signinStyles];

  /** The flow behind the screens; a page may call its methods (e.g. `restart()`). */
  readonly controller = new OvFlowController(this, {
    authClient: () =>
      this.authClient ??
      (this.endpoint
        ? createEndpointClient(this.endpoint, { allowCrossOrigin: this.allowCrossOriginEndpoint })
        : createAuthClient({
            issuer: this.issuer,
            clientId: this.clientId,
            redirectUri: this.redirectUri,
            scopes: this.scopes.split(/\s+/).filter(Boolean),
            tokenStorage: this.tokenStorage,
          })),
    // Only the widget's own client is known to start afresh before it exists; a page's client or
    // a server (whose session cookie the page cannot read) may resume any step.
    mayResume: () => !!(this.authClient || this.endpoint) || hasSavedTransaction(),
  });

  /** Chooses the locale from `lang` (see docs/localization.md) and re-renders when it changes. */
  protected readonly locale = new LocaleController(this);

  /** The authorization server, e.g. `https://example.okta.com/oauth2/default`. */
  @property() issuer = '';
  @property({ attribute: 'client-id' }) clientId = '';
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /** Space-separated scopes. */
  @property() scopes = 'openid profile email';
  /**
   * Where okta-auth-js keeps the tokens after an in-page sign-in: `sessionStorage` (the default: the
   * tab only, gone with it), `localStorage` (every tab, kept after the browser closes, read by
   * every script of the origin) or `memory` (a reload signs out). The transaction (PKCE verifier)
   * is kept in `sessionStorage` whatever this says; nothing goes to `localStorage` unless asked
   * here. Server mode keeps the tokens off the browser altogether.
   */
  @property({ attribute: 'token-storage' }) tokenStorage: OvTokenStorage = 'sessionStorage';
  /** An `OktaAuth` the page already has (used instead of the attributes). */
  @property({ attribute: false }) authClient?: OvAuthClient;
  /**
   * Server mode: the base path (or same-origin URL) of `ov-signin/server`, e.g. `/auth`, resolved
   * against the page's address. The sign-in then runs on that server and no okta-auth-js runs in the
   * page; `issuer` and the others are not needed. Another origin is refused unless
   * `allow-cross-origin-endpoint` is set.
   */
  @property() endpoint = '';
  /**
   * Server mode: lets `endpoint` be on another origin than the page's. Without it, such an endpoint
   * is refused before any request (the password would go there): the widget says so and sends
   * `ov-error` with code `cross-origin-endpoint`. A relative endpoint is always resolved against the
   * page's address, never a `<base href>`. With it, the session cookie is sent to that origin, whose
   * server must answer CORS with credentials for this page. See docs/server-mode.md.
   */
  @property({ type: Boolean, attribute: 'allow-cross-origin-endpoint' }) allowCrossOriginEndpoint = false;
  /** Milliseconds before a resend is offered on push and activation-link screens. */
  @property({ type: Number, attribute: 'resend-delay' }) resendDelay = 30_000;
  /**
   * `light` or `dark` fixes the colour scheme; `auto` (or none) follows the user's preference.
   * It sets the element's `color-scheme`, which the screens inherit.
   */
  @property({ reflect: true }) theme?: OvTheme;
  /**
   * Renders the username and password form in the page's DOM (a child of this element, slotted in)
   * rather than in a shadow root, for password managers that do not look into shadow roots. The
   * page's CSS then reaches that form. See docs/password-managers.md.
   */
  @property({ type: Boolean, attribute: 'credentials-in-light-dom' }) credentialsInLightDom = false;
  /**
   * When Okta finishes a sign-in at a page of its own rather than with tokens (`success` without an
   * interaction code, e.g. after an Okta Verify enrolment finished on the device): `auto` (the
   * default) goes there once `ov-success` has been dispatched, unless a listener called
   * `preventDefault()`; `manual` stays and shows a Continue link to it (shown in both).
   */
  @property() redirect: OvRedirect = 'auto';
  /**
   * `card` (the default) draws the frame as a card: a surface with an edge and a shadow. `plain`
   * draws the surface alone, for pages that frame the widget themselves.
   */
  @property({ reflect: true }) appearance?: OvAppearance;
  /** The organisation's name, shown in the header (under the `logo` slot's image, or alone). */
  @property({ attribute: 'brand-name' }) brandName = '';

  /** Whether the page gave a logo (the header shows only with a logo or a brand name). */
  @state() private hasLogo = false;
  /**
   * The first screen leaves focus where the page has it. Without it, the first field of the first
   * screen (the username) takes focus on load, as Okta's widget does.
   */
  @property({ type: Boolean, attribute: 'no-autofocus' }) noAutofocus = false;

  #started = false;
  #shownStep?: OvStep;
  /** Last update showed the provisional sign-in form: whether a submit was held on it (undefined: not shown). */
  #shownHeld?: boolean;
  /** Focus was in the widget before this update (a new screen may remove the element it was in). */
  #hadFocus = false;

  constructor() {
    super();
    this.addEventListener('ov-success', this.#followRedirect);
  }

  /** The controller provides this to the screens itself; here for the templates ov-signin renders. */
  private get flow(): OvFlowContext {
    return { controller: this.controller, state: this.controller.state };
  }

  private get configured(): boolean {
    return !!this.authClient || !!this.endpoint || !!(this.issuer && this.clientId && this.redirectUri);
  }

  /** Renders, and runs the lifecycle callbacks, with every string in this element's locale. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- LitElement's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.locale.render(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#hadFocus = this.matches(':focus-within');
    // Started before rendering, so its first state is part of this update rather than a second one.
    if (!this.#started && this.configured) {
      this.#started = true;
      this.controller.start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { step, provisional, busy } = this.controller.state;
    this.#placeCredentialsForm(
      this.credentialsInLightDom && (step?.screen === 'sign-in' || step?.screen === 'password'),
    );
    const held = this.#shownHeld;
    this.#shownHeld = provisional ? busy : undefined;
    if (step !== this.#shownStep) {
      const previous = this.#shownStep;
      this.#shownStep = step;
      if (held !== undefined) {
        // After the provisional form, focus moves only with the person: into a screen that replaced
        // the form they were in, or to the field Okta's form added that a held submit still lacks.
        if (step?.screen !== previous?.screen ? this.#hadFocus : held && !busy) void this.#focusScreen(true);
      } else if (previous) void this.#focusScreen(!step || !isSameScreen(previous, step));
      else if (!this.noAutofocus) void this.#focusFirstField();
    }
  }

  /**
   * A new screen: its heading takes focus. The same form answered again (a wrong code, a poll with
   * news) leaves focus where that screen put it, e.g. on the field in error; else its heading.
   */
  async #focusScreen(isNewScreen: boolean): Promise<void> {
    const found = this.renderRoot.querySelector<HTMLElement>('[data-screen]');
    const screen = found instanceof HTMLSlotElement ? (found.assignedElements()[0] as HTMLElement | undefined) : found;
    if (screen instanceof OvFlowElement) await screen.updateComplete;
    if (!isNewScreen && screen?.matches(':focus-within')) return;
    if (screen instanceof OvFlowElement) screen.focus();
    else screen?.querySelector<HTMLElement>('[data-heading]')?.focus();
  }

  /** On load: the first field of the first screen, when it has one (never a heading: the page keeps its place). */
  async #focusFirstField(): Promise<void> {
    const found = this.renderRoot.querySelector<HTMLElement>('[data-screen]');
    const screen = found instanceof HTMLSlotElement ? (found.assignedElements()[0] as HTMLElement | undefined) : found;
    if (screen instanceof OvFlowElement) await screen.updateComplete;
    const root = screen instanceof OvFlowElement ? screen.renderRoot : screen;
    root?.querySelector<HTMLInputElement>('input:not([type="checkbox"]):not([type="hidden"])')?.focus();
  }

  /**
   * Follows Okta's success page in `auto` mode, once every listener has seen `ov-success` (they run
   * synchronously in its dispatch; the microtask runs after it) and none prevented it.
   */
  readonly #followRedirect = (event: Event): void => {
    const href = this.controller.state.step?.redirect;
    if (event.target !== this || !href || this.redirect !== 'auto') return;
    queueMicrotask(() => {
      if (!event.defaultPrevented && this.isConnected) window.location.assign(href);
    });
  };

  private handleLogoChange(event: Event): void {
    this.hasLogo = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }

  /** The light-DOM `<ov-identify>` of `credentials-in-light-dom`: a child only while its step is on screen. */
  #placeCredentialsForm(wanted: boolean): void {
    const form = this.querySelector(`:scope > ov-identify[slot="credentials"]`);
    if (wanted && !form) {
      const created = this.ownerDocument.createElement('ov-identify');
      created.slot = 'credentials';
      created.setAttribute(LIGHT_DOM_ATTRIBUTE, '');
      this.append(created);
    } else if (!wanted) {
      form?.remove();
    }
  }

  /** One template per screen: adding a screen adds a line here (and its element). */
  private readonly screens: Record<OvScreen, (step: OvStep) => TemplateResult> = {
    'sign-in': () => this.renderCredentials(),
    password: () => this.renderCredentials(),
    code: () => html`<ov-totp-entry data-screen exportparts=${SCREEN_PARTS}></ov-totp-entry>`,
    'enroll-picker': () => this.renderPicker(),
    'verify-picker': () => this.renderPicker(),
    'method-picker': () => this.renderPicker(),
    'enroll-qr': () => this.renderEnroll(),
    'enroll-channel': () => this.renderEnroll(),
    'enroll-address': () => this.renderEnroll(),
    'link-sent': () => this.renderEnroll(),
    'enroll-same-device': () => this.renderEnroll(),
    'enroll-on-device': () => this.renderEnroll(),
    'enroll-bootstrap': () => this.renderEnroll(),
    push: () => this.renderPollStatus(),
    number: () => this.renderPollStatus(),
    'resend-push': () => this.renderPollStatus(),
    'send-push': () => html`<ov-send-push data-screen exportparts=${SCREEN_PARTS}></ov-send-push>`,
    fastpass: () => html`<ov-fastpass data-screen exportparts=${SCREEN_PARTS}></ov-fastpass>`,
    terminal: (step) => this.renderTerminal(step),
    success: (step) => this.renderSuccess(step),
    unsupported: (step) => this.renderUnsupported(step),
    'grace-period': (step) => this.renderGracePeriod(step),
  };

  private renderCredentials() {
    return this.credentialsInLightDom
      ? html`<slot name="credentials" data-screen></slot>`
      : html`<ov-identify data-screen exportparts=${SCREEN_PARTS}></ov-identify>`;
  }

  private renderPicker() {
    return html`<ov-authenticator-picker data-screen exportparts=${SCREEN_PARTS}></ov-authenticator-picker>`;
  }

  private renderEnroll() {
    return html`<ov-qr-enroll data-screen exportparts=${SCREEN_PARTS} .resendDelay=${this.resendDelay}></ov-qr-enroll>`;
  }

  private renderPollStatus() {
    return html`<ov-poll-status
      data-screen
      exportparts=${SCREEN_PARTS}
      .resendDelay=${this.resendDelay}
    ></ov-poll-status>`;
  }

  /** Okta ended the sign-in; after an expiry the widget restarted by itself once, the next start is the user's. */
  private renderTerminal(step: OvStep) {
    const expired = this.controller.state.notice === 'expired';
    return html`<section data-screen aria-labelledby="heading">
      ${screenHeading(strings.terminalHeading)}
      <div role="alert" aria-live="assertive" part="messages">
        ${step.messages.map((m) => html`<p part="message message-${m.level}">${messageContent(m)}</p>`)}
      </div>
      <div class="actions" part="actions">
        <button type="button" part="button button-primary" @click=${() => this.controller.restart()}>
          ${expired ? strings.startAgain : strings.backToSignIn}
        </button>
      </div>
    </section>`;
  }

  private renderSuccess(step: OvStep) {
    return html`<section data-screen aria-labelledby="heading">
      ${screenHeading(strings.successHeading)} ${problemNotice(this.flow)}
      <p class="status" role="status" part="status">
        ${
          step.redirect && this.redirect === 'auto'
            ? strings.redirecting
            : step.identifier
              ? strings.signedInAs(step.identifier)
              : strings.successText
        }
      </p>
      ${
        step.redirect
          ? html`<div class="actions" part="actions">
              <a href=${step.redirect} part="link continue" data-continue>${strings.continueLink}</a>
            </div>`
          : nothing
      }
    </section>`;
  }

  /**
   * Okta's device assurance found the device wanting, but within a grace period: its messages say
   * what to fix and by when; the sign-in may go on meanwhile (the remediation has nothing to fill).
   */
  private renderGracePeriod(step: OvStep) {
    return html`<section data-screen aria-labelledby="heading">
      ${screenHeading(strings.gracePeriodHeading)} ${problemNotice(this.flow)} ${formMessages(step.messages)}
      <div class="actions" part="actions">
        <button
          type="button"
          part="button button-primary"
          aria-disabled=${this.controller.state.busy ? 'true' : nothing}
          @click=${() => this.controller.submit()}
        >
          ${strings.continueLink}
        </button>
      </div>
      ${stepActions(this.flow)}
    </section>`;
  }

  /** A step Okta may send but this widget has no screen for: say so, never show a blank widget. */
  private renderUnsupported(step: OvStep) {
    return html`<section data-screen aria-labelledby="heading">
      ${screenHeading(strings.unsupportedHeading)} ${formMessages(step.messages)}
      <p>${strings.unsupportedText(step.remediation ?? step.name)}</p>
      <div class="actions" part="actions">
        <button type="button" part="button button-primary" @click=${() => this.controller.restart()}>
          ${strings.startOver}
        </button>
      </div>
      ${stepActions(this.flow)}
    </section>`;
  }

  private renderWithoutStep() {
    const { problem } = this.controller.state;
    if (problem) {
      return html`<section data-screen aria-labelledby="heading">
        ${screenHeading(strings.problemHeading)} ${problemNotice(this.flow)}
      </section>`;
    }
    if (!this.configured) return html`<p role="alert" part="message message-error">${strings.configMissing}</p>`;
    return html`<p class="status" role="status" part="status">${strings.loading}</p>`;
  }

  /** The logo slot stays in the tree, so that a logo added later is seen (slotchange). */
  private renderHeader() {
    return html`<div class="header" part="header" ?hidden=${!this.hasLogo && !this.brandName}>
      <slot name="logo" @slotchange=${this.handleLogoChange}></slot>
      ${this.brandName ? html`<p class="brand-name" part="brand-name">${this.brandName}</p>` : nothing}
    </div>`;
  }

  override render() {
    const { step, busy, notice } = this.controller.state;
    // "We sent it again" is said by the screen's own status line, beside the resend.
    const shown = notice === NoticeCode.RESENT ? undefined : notice;
    // Always in the tree, so that a notice written into it is announced.
    return html`<div part="base" dir=${this.locale.dir} aria-busy=${busy ? 'true' : 'false'}>
      ${this.renderHeader()}
      <p class="notice" role="status" part="notice">${shown ? noticeText(shown) : nothing}</p>
      ${step ? this.screens[step.screen](step) : this.renderWithoutStep()}
    </div>`;
  }
}

export type OvTheme = 'light' | 'dark' | 'auto';

/** How `<ov-signin>` draws its frame: a card, or the surface alone. */
export type OvAppearance = 'card' | 'plain';

/** How `<ov-signin>` treats Okta's success page (`step.redirect`): follow it, or show a link. */
export type OvRedirect = 'auto' | 'manual';

/**
 * The parts of the step elements, passed on so a page styles `ov-signin::part(button)` as it would
 * a screen's own. Their `base` becomes `screen`, as `base` is the frame here.
 */
const SCREEN_PARTS = [
  'base: screen',
  'heading',
  'form',
  'label',
  'input',
  'field-error',
  'button',
  'button-primary',
  'button-secondary',
  'link-button',
  'actions',
  'option',
  'option-label',
  'option-detail',
  'option-icon',
  'activity',
  'qr',
  'number',
  'status',
  'messages',
  'message',
  'message-error',
  'message-info',
  'problem',
  'link',
  'identity',
  'username',
  'checkbox',
].join(', ');

/** Both steps are the same form: one screen, about the same authenticator. */
function isSameScreen(previous: OvStep, next: OvStep): boolean {
  return previous.screen === next.screen && previous.authenticator?.key === next.authenticator?.key;
}

declare global {
  interface HTMLElementTagNameMap {
    'ov-signin': OvSignin;
  }
}
