import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlApi, DesktopAppView, OutboxMessage, PendingPush, UserView, WaitingFastPass } from 'ov-sim/client';

const REFRESH_MS = 1000;

const LINK_KINDS: Record<WaitingFastPass['method'], string> = {
  CUSTOM_URI: 'custom URI',
  UNIVERSAL_LINK: 'universal link',
  APP_LINK: 'app link',
};

/**
 * Plays the Okta Verify app through the simulator's control API: scans the QR the widget shows,
 * opens activation links, answers pushes, shows TOTP codes; and Okta Verify on this computer for
 * FastPass: its desktop app on or off, approving or denying, and the custom URI or link a sign-in
 * waits on, opened as the operating system would (a browser cannot open Okta Verify's links here).
 * Demo only; not part of the package.
 */
@customElement('demo-phone')
export class DemoPhone extends LitElement {
  static override styles = css`
    :host { display: block; font: 14px/1.4 system-ui, sans-serif; }
    .phone { border: 10px solid #222; border-radius: 28px; padding: 16px; min-height: 420px; background: Canvas; color: CanvasText; }
    h2 { font-size: 1.1rem; margin: 0 0 0.75rem; }
    h3 { font-size: 0.9rem; margin: 1rem 0 0.4rem; text-transform: uppercase; letter-spacing: 0.04em; color: GrayText; }
    .card { border: 1px solid #8886; border-radius: 10px; padding: 10px; margin-block-end: 8px; }
    .code { font: 600 1.5rem ui-monospace, monospace; letter-spacing: 0.15em; }
    .row { display: flex; flex-wrap: wrap; gap: 6px; margin-block-start: 6px; }
    button { font: inherit; padding: 6px 12px; border-radius: 8px; border: 1px solid #8888; cursor: pointer; }
    button.primary { background: #1662dd; color: white; border-color: #1662dd; }
    button:disabled { opacity: 0.45; cursor: not-allowed; }
    button:focus-visible { outline: 3px solid #1662dd; outline-offset: 2px; }
    .muted { color: GrayText; }
    [role='status'] { min-height: 1.4em; margin-block-start: 0.5rem; }
  `;

  @property({ attribute: false }) client?: ControlApi;
  /** Where the QR code on screen is read from, as a camera would see it. */
  @property({ attribute: false }) findQr: () => string | undefined = () => undefined;

  @state() private users: UserView[] = [];
  @state() private pushes: PendingPush[] = [];
  @state() private outbox: OutboxMessage[] = [];
  @state() private fastPass: WaitingFastPass[] = [];
  @state() private codes = new Map<string, { code: string; expiresIn: number }>();
  @state() private status = '';
  @state() private qrVisible = false;
  @state() private offline = false;
  #timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => void this.refresh(), REFRESH_MS);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  private async refresh(): Promise<void> {
    if (!this.client) return;
    try {
      const state = await this.client.state();
      this.users = state.users;
      this.fastPass = state.fastPass;
      const devices = this.users.flatMap((u) => u.devices);
      const [pushes, outbox, codes] = await Promise.all([
        Promise.all(devices.map((d) => this.client!.pushes(d.id))).then((lists) => lists.flat()),
        this.client.outbox(),
        Promise.all(devices.map(async (d) => [d.id, await this.client!.totp(d.id)] as const)),
      ]);
      this.pushes = pushes;
      this.outbox = outbox;
      this.codes = new Map(codes);
      this.offline = false;
    } catch {
      this.offline = true;
    }
    this.qrVisible = !!this.findQr();
  }

  /** Runs a control API call; the status says `label` (or what `label` makes of the answer), or the error. */
  private async act<T>(label: string | ((answer: T) => string), action: () => Promise<T>): Promise<void> {
    try {
      const answer = await action();
      this.status = typeof label === 'string' ? label : label(answer);
    } catch (error) {
      this.status = (error as Error).message;
    }
    await this.refresh();
  }

  private scan(): void {
    const qr = this.findQr();
    if (!qr) {
      this.status = 'No QR code on screen.';
      return;
    }
    void this.act('Scanned. Okta Verify is set up.', () => this.client!.enroll({ qr }));
  }

  override render() {
    return html`
      <div class="phone">
        <h2>Okta Verify (virtual phone)</h2>
        ${this.offline ? html`<p class="muted">The simulator does not answer at ${this.client?.url}.</p>` : nothing}
        <button class="primary" type="button" ?disabled=${!this.qrVisible} @click=${this.scan}>Scan the QR code on screen</button>
        <h3>Notifications</h3>
        ${this.pushes.length || this.fastPass.length
          ? [...this.pushes.map((p) => this.renderPush(p)), ...this.fastPass.map((c) => this.renderWaiting(c))]
          : html`<p class="muted">No sign-in requests.</p>`}
        ${this.renderComputer()}
        <h3>Email and SMS</h3>
        ${this.outbox.length ? [...this.outbox].reverse().map((m) => this.renderMessage(m)) : html`<p class="muted">No messages.</p>`}
        <h3>Accounts</h3>
        ${this.renderAccounts()}
        <p role="status">${this.status}</p>
      </div>
    `;
  }

  private renderPush(push: PendingPush) {
    const approve = (number?: string) => this.act('Approved.', () => this.client!.answer(push.deviceId, push.id, 'approve', number));
    return html`
      <div class="card">
        <strong>Are you trying to sign in?</strong>
        <div>${push.login}</div>
        ${push.choices ? html`<div class="muted">Tap the number shown in the browser:</div>` : nothing}
        <div class="row">
          ${push.choices
            ? push.choices.map((n) => html`<button type="button" @click=${() => approve(n)}>${n}</button>`)
            : html`<button class="primary" type="button" @click=${() => approve()}>Yes, it's me</button>`}
          <button type="button" @click=${() => this.act('Denied.', () => this.client!.answer(push.deviceId, push.id, 'reject'))}>No, it's not me</button>
        </div>
      </div>
    `;
  }

  private renderMessage(message: OutboxMessage) {
    return html`
      <div class="card">
        <div>${message.channel === 'email' ? 'Email' : 'SMS'} to ${message.to}: activate Okta Verify</div>
        <div class="row">
          <button type="button" @click=${() => this.act('Link opened. Okta Verify is set up.', () => this.client!.enroll({ link: message.link }))}>Open the link</button>
        </div>
      </div>
    `;
  }

  private renderAccounts() {
    const enrolled = this.users.filter((u) => u.devices.length);
    if (!enrolled.length) return html`<p class="muted">No accounts yet.</p>`;
    return enrolled.map((user) =>
      user.devices.map((device) => {
        const totp = this.codes.get(device.id);
        return html`
          <div class="card">
            <div>${user.login}</div>
            <div class="code" aria-label="Current code">${totp?.code ?? '------'}</div>
            <div class="muted">${totp ? `${totp.expiresIn} s left` : ''}</div>
          </div>
        `;
      }),
    );
  }

  /** Okta Verify's desktop app on each FastPass device. */
  private renderComputer() {
    const apps = this.users.flatMap((user) =>
      user.devices.flatMap((device) => (device.desktop ? [{ login: user.login, id: device.id, app: device.desktop }] : [])),
    );
    if (!apps.length) return nothing;
    return html`
      <h3>Okta Verify on this computer</h3>
      ${apps.map(({ login, id, app }) => this.renderDesktopApp(login, id, app))}
    `;
  }

  /** A FastPass custom URI or link the sign-in page opened: the operating system would hand it to Okta Verify. */
  private renderWaiting(challenge: WaitingFastPass) {
    const open = (deviceId: string) =>
      this.act(
        (result) => (result === 'denied' ? 'Okta Verify denied the sign-in.' : 'Okta Verify confirmed the sign-in.'),
        () => this.client!.open(deviceId, challenge.href),
      );
    return html`
      <div class="card">
        <strong>Sign in with Okta FastPass?</strong>
        <div>${challenge.login ?? 'Any account on this computer'}</div>
        <div class="muted">The sign-in page opened a ${LINK_KINDS[challenge.method]} for Okta Verify.</div>
        <div class="row">
          ${challenge.deviceIds.map(
            (deviceId, _, all) =>
              html`<button class="primary" type="button" @click=${() => open(deviceId)}>
                ${all.length > 1 ? `Open in Okta Verify on ${deviceId}` : 'Open in Okta Verify'}
              </button>`,
          )}
        </div>
      </div>
    `;
  }

  private renderDesktopApp(login: string, deviceId: string, app: DesktopAppView) {
    const set = (change: { on?: boolean; deny?: boolean }, done: string) =>
      this.act(done, () => this.client!.setDesktop(deviceId, change));
    const listening = app.port ? `Listening on port ${app.port}` : 'On; it listens from the first FastPass sign-in';
    return html`
      <div class="card">
        <div>${login}: desktop app</div>
        <div class="muted">${app.on ? listening : 'Off: the sign-in page falls back to a link'}</div>
        <div class="muted">${app.deny ? 'You deny sign-ins' : 'You approve sign-ins'}</div>
        <div class="row">
          <button type="button" @click=${() => set({ on: !app.on }, app.on ? 'Desktop app off.' : 'Desktop app on.')}>${app.on ? 'Switch off' : 'Switch on'}</button>
          <button type="button" @click=${() => set({ deny: !app.deny }, app.deny ? 'Sign-ins approved.' : 'Sign-ins denied.')}>${app.deny ? 'Approve sign-ins' : 'Deny sign-ins'}</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-phone': DemoPhone;
  }
}
