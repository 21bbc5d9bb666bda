/**
 * Okta's own test responses (okta/okta-signin-widget, playground/mocks/data/idp/idx/; see
 * responses/SOURCES.md) replayed as the first screen: the real widget and okta-auth-js sign in
 * against the simulator, whose `respond` fault answers introspect with the recorded body (and the
 * status its name says: error-401-… with 401). For each, what a user must get from any response.
 */
import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { control, issuer, requestsSince } from '../e2e/support/control-api.js';
import { eventually, queryAllDeep, textOf } from '../e2e/support/screen.js';
import { markRequests } from '../e2e/support/polls.js';
import { CLIENT_ID, startFresh } from '../e2e/support/widget.js';
import { RESPONSES } from './responses.js';

type Json = Record<string, unknown>;

/** The checks of one replay, by name; each true when it passed. */
type Checks = Record<Check, boolean>;
type Check =
  | 'rendered'
  | 'no QR refusal without a QR code'
  | 'success page offered'
  | 'every message shown'
  | 'no empty message'
  | 'no id on screen'
  | 'no push claimed that was not sent'
  | 'Okta Verify only for Okta Verify'
  | 'at most one extra interact'
  | 'FastPass offered where Okta offers it'
  | 'an OAuth error described'
  | 'a grace period goes on'
  | 'no uncaught error';

function statusOf(file: string): number {
  if (file === 'error-pre-versioning-ff-session-expired.json') return 401;
  const found = /^error-(\d{3})-/.exec(file);
  return found ? Number(found[1]) : 200;
}

/** Every `message` text of the response (top level and at fields), as Okta sent it. */
function messageTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => messageTexts(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Json;
    if (typeof record.message === 'string' && record.i18n && typeof record.class === 'string') {
      if (record.message.trim()) out.push(record.message.replace(/\s+/g, ' ').trim());
    }
    Object.values(record).forEach((v) => messageTexts(v, out));
  }
  return out;
}

/** Authenticator, enrollment and device ids (Okta's `aut…`, `pfd…`, … of 15 to 25 characters). */
function idsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Json)) {
      if ((key === 'id' || key === 'enrollmentId') && typeof v === 'string' && /^[A-Za-z0-9]{15,25}$/.test(v))
        out.add(v);
      if (
        key === 'value' &&
        typeof v === 'string' &&
        /^(aut|pfd|opf|eae|ost|sms|emf|lae|auo)[A-Za-z0-9]{12,22}$/.test(v)
      )
        out.add(v);
      idsOf(v, out);
    }
  }
  return out;
}

/** Okta sent a push in this answer: a challenge-poll of an authenticator whose methods are push (no FastPass challenge). */
function pushWasSent(body: Json): boolean {
  const remediations = ((body.remediation as Json | undefined)?.value ?? []) as Json[];
  const polling = remediations.some((r) => r.name === 'challenge-poll' || r.name === 'resend');
  const current = ((body.currentAuthenticator ?? body.currentAuthenticatorEnrollment) as Json | undefined)?.value as
    Json | undefined;
  const data = (current?.contextualData ?? {}) as Json;
  const methods = ((current?.methods ?? []) as Json[]).map((m) => m.type);
  return polling && methods.includes('push') && data.challenge === undefined;
}

/** Okta offers the remediation `name` in this answer. */
function offers(body: Json, name: string): boolean {
  const remediations = ((body.remediation as Json | undefined)?.value ?? []) as Json[];
  return remediations.some((r) => r.name === name);
}

/** What each response showed (its heading), printed at the end for the record. */
const shown: string[] = [];

function successPage(body: Json): boolean {
  const success = body.success as Json | undefined;
  return typeof success?.href === 'string' && body.successWithInteractionCode === undefined;
}

/** The authenticator the step is about is Okta Verify (or, with none, Okta Verify is among the choices). */
function currentIsOktaVerify(body: Json): boolean {
  const current = ((body.currentAuthenticator ?? body.currentAuthenticatorEnrollment) as Json | undefined)?.value as
    Json | undefined;
  if (current) return current.key === 'okta_verify';
  // A device challenge of its own (FastPass probing, `device-challenge-poll`) is Okta Verify's.
  return body.authenticatorChallenge !== undefined || JSON.stringify(body).includes('"okta_verify"');
}

async function replay(file: string): Promise<{ checks: Checks; onScreen: string }> {
  const body = (await (await fetch(new URL(`./responses/${file}`, import.meta.url))).json()) as Json;
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await control('POST', '/faults', { kind: 'respond', path: '/idp/idx/introspect', status: statusOf(file), body });
    const mark = await markRequests();
    // redirect="manual": a success page is shown as a Continue link, the test page stays.
    const widget = await fixture<OvSignin>(
      html`<ov-signin
        issuer=${await issuer()}
        client-id=${CLIENT_ID}
        redirect-uri=${`${location.origin}/callback`}
        redirect="manual"
        resend-delay="600000"
      ></ov-signin>`,
    );
    const settled = () =>
      queryAllDeep(widget, 'h2[data-heading]').length > 0 &&
      widget.controller.state.busy === false &&
      !widget.controller.state.provisional;
    await eventually(settled, `a settled screen for ${file}`, 15_000).catch(() => undefined);
    // Long enough for a restart loop to show itself (it ran at ~25 a second).
    await aTimeout(400);
    await widget.updateComplete;
    const text = textOf(widget);
    const interacts = (await requestsSince(mark)).filter((r) => r.path.endsWith('/v1/interact')).length;
    const messages = queryAllDeep(widget, '[part~="message"], [part~="field-error"]');
    const raw = JSON.stringify(body);
    // Okta's own messages may name Okta Verify (biometrics required, …): only the widget's words count.
    const ownWords = messageTexts(body).reduce((rest, m) => rest.split(m).join(' '), text);
    const checks: Checks = {
      rendered: settled() && !text.includes('Loading…'),
      // Okta's `success.href` without an interaction code: followed or offered, never a dead end.
      'success page offered': !successPage(body) || queryAllDeep(widget, 'a[data-continue]').length === 1,
      'no QR refusal without a QR code':
        !text.includes('The QR code could not be shown safely') || raw.includes('"qrcode"'),
      'every message shown': messageTexts(body).every((m) => text.includes(m)),
      'no empty message': messages.every((m) => textOf(m) !== ''),
      'no id on screen': [...idsOf(body)].every((id) => !text.includes(id)),
      'no push claimed that was not sent': !/Push notification sent/.test(text) || pushWasSent(body),
      'Okta Verify only for Okta Verify': !ownWords.includes('Okta Verify') || currentIsOktaVerify(body),
      'at most one extra interact': interacts <= 2,
      'FastPass offered where Okta offers it':
        !offers(body, 'launch-authenticator') || queryAllDeep(widget, 'button[data-fastpass]').length === 1,
      'an OAuth error described': typeof body.error_description !== 'string' || text.includes(body.error_description),
      'a grace period goes on':
        !offers(body, 'device-assurance-grace-period') ||
        queryAllDeep(widget, 'button').some((b) => textOf(b) === 'Continue'),
      'no uncaught error': uncaught.length === 0,
    };
    shown.push(`${file}: ${text.slice(0, 160)}`);
    return { checks, onScreen: text };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    fixtureCleanup();
    await control('DELETE', '/faults');
  }
}

describe(`replay: ${RESPONSES.length} of Okta's playground responses as the first screen`, () => {
  beforeEach(startFresh);
  // The test runner prints browser logs: the list of what each response showed.
  after(() => console.log(`replayed ${shown.length}:\n${shown.join('\n')}`));

  for (const file of RESPONSES) {
    it(file, async () => {
      const { checks, onScreen } = await replay(file);
      const failed = (Object.keys(checks) as Check[]).filter((c) => !checks[c]);
      expect(failed, `${file}: failed checks; on screen: ${onScreen}`).to.deep.equal([]);
    });
  }
});
