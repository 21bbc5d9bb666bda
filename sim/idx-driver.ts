/** Drives the simulator over raw HTTP the way okta-auth-js does (okta-auth-js-notes.md §1.1, §3.5), without the SDK. */
import { createHash, randomBytes } from 'node:crypto';
import type { RunningSimulator } from './index.ts';
import { fetchTransport, type Exchange, type JsonReply, type Transport } from './client.ts';

export { fetchTransport, type Exchange, type Transport };

const REDIRECT_URI = 'http://localhost:8080/login/callback';
const ION = 'application/ion+json; okta-version=1.0.0';

/** The few parts of an IDX body the driver reads; the rest is only digested. */
export interface IdxBody {
  stateHandle?: string;
  remediation?: { value: Array<{ name: string; href: string }> };
  successWithInteractionCode?: { value: Array<{ name: string; value?: string }> };
  authenticators?: { value: Array<{ key: string; id: string }> };
  cancel?: { href: string };
}

export type Reply = JsonReply<IdxBody>;

/** Sends through `transport`; the simulator's IDX answers are what `IdxBody` reads. */
function send(transport: Transport, url: string, exchange: Exchange): Promise<Reply> {
  return transport(url, exchange) as Promise<Reply>;
}

export function postForm(url: string, fields: Record<string, string>, transport = fetchTransport): Promise<Reply> {
  return send(transport, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
  });
}

export function postIdx(url: string, body: object, transport = fetchTransport): Promise<Reply> {
  return send(transport, url, {
    method: 'POST',
    headers: { 'Content-Type': ION, Accept: ION },
    body: JSON.stringify(body),
  });
}

export function get(url: string, transport = fetchTransport): Promise<Reply> {
  return send(transport, url, { method: 'GET', headers: { Accept: 'application/json' } });
}

/** `/v1/interact` with a PKCE S256 challenge, as the SDK sends it; `clientId` lets a test ask as an unknown client. */
export function interact(
  sim: RunningSimulator,
  codeVerifier: string,
  clientId = sim.clientId,
  transport = fetchTransport,
): Promise<Reply> {
  return postForm(
    `${sim.issuer}/v1/interact`,
    {
      client_id: clientId,
      scope: 'openid email profile',
      redirect_uri: REDIRECT_URI,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: randomBytes(32).toString('hex'),
      nonce: randomBytes(32).toString('hex'),
    },
    transport,
  );
}

/** One sign-in: interact, introspect, then the forms of each response in turn. */
export class IdxTransaction {
  private constructor(
    private readonly sim: RunningSimulator,
    readonly interactionHandle: string,
    readonly codeVerifier: string,
    /** The latest IDX response; `proceed` posts one of its forms. */
    public last: Reply,
    private readonly transport: Transport,
  ) {}

  static async start(sim: RunningSimulator, transport = fetchTransport): Promise<IdxTransaction> {
    const codeVerifier = randomBytes(32).toString('hex');
    const { body } = await interact(sim, codeVerifier, sim.clientId, transport);
    const interactionHandle = (body as { interaction_handle: string }).interaction_handle;
    const transaction = new IdxTransaction(sim, interactionHandle, codeVerifier, { status: 0, body: {} }, transport);
    await transaction.introspect();
    return transaction;
  }

  async introspect(): Promise<Reply> {
    this.last = await postIdx(
      `${this.sim.url}/idp/idx/introspect`,
      { interactionHandle: this.interactionHandle },
      this.transport,
    );
    return this.last;
  }

  /** Posts remediation `name` of the latest response with `values` and the state handle. */
  async proceed(name: string, values: object = {}): Promise<Reply> {
    const form = this.last.body.remediation?.value.find((r) => r.name === name);
    if (!form) throw new Error(`No remediation ${name} in the last response (status ${this.last.status})`);
    this.last = await postIdx(form.href, { ...values, stateHandle: this.last.body.stateHandle }, this.transport);
    return this.last;
  }

  /** The top-level `cancel` action of the latest response. */
  async cancel(): Promise<Reply> {
    const href = this.last.body.cancel?.href;
    if (!href) throw new Error('No cancel action in the last response');
    this.last = await postIdx(href, { stateHandle: this.last.body.stateHandle }, this.transport);
    return this.last;
  }

  /** The id of Okta Verify in the latest response's `authenticators`, as a client picks it. */
  oktaVerifyId(): string {
    const id = this.last.body.authenticators?.value.find((authenticator) => authenticator.key === 'okta_verify')?.id;
    if (!id) throw new Error('No Okta Verify in the last response');
    return id;
  }

  /** The interaction_code grant at `/v1/token`, with this transaction's verifier unless told otherwise. */
  token(codeVerifier = this.codeVerifier): Promise<Reply> {
    const code = this.last.body.successWithInteractionCode?.value.find(
      (field) => field.name === 'interaction_code',
    )?.value;
    if (!code) throw new Error('The last response carries no interaction code');
    return postForm(
      `${this.sim.issuer}/v1/token`,
      {
        client_id: this.sim.clientId,
        redirect_uri: REDIRECT_URI,
        grant_type: 'interaction_code',
        code_verifier: codeVerifier,
        interaction_code: code,
      },
      this.transport,
    );
  }
}
