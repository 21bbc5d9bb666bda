import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlApi, OutboxMessage, PendingPush, UserView } from 'ov-sim/client';

const REFRESH_MS = 1000;

/**
 * Plays the Okta Verify app through the simulator's control API: scans the QR the widget shows,
 * opens activation links, answers pushes, shows TOTP codes. Demo only; not part of the package.
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
      this.users = (await this.client.state()).users;
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

  private async act(label: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.status = label;
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
        ${this.pushes.length ? this.pushes.map((p) => this.renderPush(p)) : html`<p class="muted">No sign-in requests.</p>`}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-phone': DemoPhone;
  }
}
