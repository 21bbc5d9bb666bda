/**
 * Server mode in the browser tests: the widget with `endpoint="/auth"`, and what the API on wtr's
 * server saw (test/support/server-mode-plugin.mjs), asked over server commands.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { mountSignin, startFresh } from '../../e2e/support/widget.js';
import type { MountedSignin, MountOptions } from '../../e2e/support/widget.js';
import { screenTitled, textOf } from '../../e2e/support/screen.js';

export const ENDPOINT = '/auth';

/** One request to the API and its answer, as the server recorded them. */
export interface Exchange {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  /** The request carried the session cookie. */
  readonly cookieSent: boolean;
  /** The session id the cookie carried (its first part), if any. */
  readonly sessionIdSent?: string;
  readonly csrfSent: boolean;
  /** `Sec-Fetch-Site` as the browser sent it. */
  readonly site: string;
  readonly origin: string;
  readonly setCookie: readonly string[];
  readonly body: string;
}

export interface SignInOnServer {
  readonly email: string;
  readonly amr: readonly string[];
  /** The Cookie header of the request that finished it, values masked. */
  readonly cookie: string;
}

export interface Leaks {
  readonly bodies: number;
  readonly transactionSecrets: number;
  readonly tokens: number;
  readonly found: readonly string[];
}

export interface BrowserCookie {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite?: string;
  readonly session: boolean;
}

export interface SecondUser {
  readonly steps: string[];
  readonly success?: { tokens: unknown; shared: { email?: string } | null };
  readonly cookieVisible: boolean;
}

export const serverLog = () => executeServerCommand<Exchange[], undefined>('server-mode-log');
export const signInsOnServer = () => executeServerCommand<SignInOnServer[], undefined>('server-mode-sign-ins');
/** Every token and transaction secret the server holds, looked for in every body it sent. */
export const leaks = () => executeServerCommand<Leaks, undefined>('server-mode-leaks');
export const sessionCookies = () => executeServerCommand<BrowserCookie[], undefined>('server-mode-cookies');
/** A second user signs in with an Okta Verify code, in a browser context of their own. */
export const secondUserSignsIn = (login: string, password = 'Ov-Demo-2026!') =>
  executeServerCommand<SecondUser, { login: string; password: string }>('server-mode-second-user', { login, password });

/** The usual clean slate, and a server without sessions (the browser may still hold an old cookie). */
export async function startFreshServerMode(): Promise<void> {
  await startFresh();
  await executeServerCommand('server-mode-reset');
}

export function mountServerMode(options: Omit<MountOptions, 'endpoint'> = {}): Promise<MountedSignin> {
  return mountSignin({ ...options, endpoint: ENDPOINT });
}

/**
 * Signed in, server-mode style: the success screen, one ov-success carrying what the server shared
 * and no tokens, nothing in the page's storage, and the tokens (pwd + mfa) with the server.
 */
export async function expectSignedInOnServer(mounted: MountedSignin, login: string): Promise<void> {
  const { widget } = mounted;
  await screenTitled(widget, 'You are signed in');
  expect(textOf(widget)).to.contain(`Signed in as ${login}`);
  const [success, ...more] = mounted.eventsOf('ov-success');
  expect(more, 'one ov-success').to.have.length(0);
  expect(success!.detail.tokens, 'no tokens in the page').to.equal(undefined);
  expect(success!.detail.shared?.email).to.equal(login);
  expect(Object.keys(success!.detail.shared ?? {})).to.have.members(['email', 'name']);
  expect(JSON.stringify(success!.detail), 'no JWT in the event').not.to.match(/eyJ[\w-]+\.eyJ/);
  expect(localStorage.getItem('okta-token-storage'), 'nothing in the page’s storage').to.equal(null);
  expect(mounted.eventsOf('ov-terminal'), 'no ov-terminal').to.have.length(0);
  const onServer = (await signInsOnServer()).filter((s) => s.email === login);
  expect(onServer, `tokens for ${login} on the server`).to.have.length(1);
  expect(onServer[0]!.amr).to.include.members(['pwd', 'mfa']);
}

/** The page loaded no okta-auth-js module (Resource Timing lists every script the page fetched). */
export function expectNoOktaAuthJsLoaded(): void {
  const scripts = performance.getEntriesByType('resource').map((entry) => entry.name);
  expect(scripts.length, 'the page loaded its modules').to.be.greaterThan(10);
  expect(scripts.filter((url) => url.includes('okta-auth-js'))).to.deep.equal([]);
}
