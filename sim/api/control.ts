import { addRedirectUris, redirectUriProblem, type SimSettings } from '../config.ts';
import {
  answerPush,
  currentTotp,
  DeviceError,
  enrollFromLink,
  enrollFromQr,
  pendingPushes,
  type PushAnswer,
} from '../device/virtual-device.ts';
import { json, parseJsonObject, type Route, type SimResponse } from '../http/types.ts';
import { activateDevice, EnrollmentError } from '../idx/activation.ts';
import { answerChallenge, challengeRequestOf, FastPassError } from '../idx/fastpass.ts';
import { ruleProblem, type FaultRule } from '../faults/rules.ts';
import { stateView } from './state-view.ts';

/** Errors of the control API: `{error}` with a status that says what went wrong. */
function guarded(route: Route): Route {
  return async (ctx, req, params) => {
    try {
      return await route(ctx, req, params);
    } catch (error) {
      if (error instanceof DeviceError || error instanceof FastPassError)
        return json(error.status, { error: error.message });
      if (error instanceof EnrollmentError) return json(410, { error: error.message });
      throw error;
    }
  };
}

/** Keys that would reach an object's prototype when merged (`Object.assign`): dropped at any depth. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function body(raw: string): Record<string, unknown> {
  const parsed = parseJsonObject(raw || '{}');
  if (!parsed) throw new DeviceError(400, 'The body must be a JSON object.');
  return withoutPrototypeKeys(parsed) as Record<string, unknown>;
}

function withoutPrototypeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypeKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PROTOTYPE_KEYS.has(key))
      .map(([key, v]) => [key, withoutPrototypeKeys(v)]),
  );
}

const reset: Route = (ctx) => {
  ctx.store.reset();
  return json(200, { ok: true });
};

const outbox: Route = (ctx) => json(200, { messages: ctx.store.outbox });

const enroll: Route = (ctx, req) => {
  const { qr, link } = body(req.body);
  if (typeof qr === 'string') return json(200, { deviceId: enrollFromQr(ctx.store, qr).id });
  if (typeof link === 'string') return json(200, { deviceId: enrollFromLink(ctx.store, link).id });
  throw new DeviceError(400, 'Give "qr" (the data URI shown to the user) or "link" (an activation link).');
};

const userDevices: Route = (ctx, _req, [login = '']) => {
  const user = ctx.store.user(decodeURIComponent(login));
  if (!user) throw new DeviceError(404, `No user ${login}.`);
  return json(200, { deviceIds: ctx.store.devicesOf(user.config.login).map((d) => d.id) });
};

const pushes: Route = (ctx, _req, [deviceId = '']) => json(200, { pushes: pendingPushes(ctx.store, deviceId) });

const answer: Route = (ctx, req, [deviceId = '', pushId = '']) => {
  const { action, number } = body(req.body);
  if (action !== 'approve' && action !== 'reject' && action !== 'expire')
    throw new DeviceError(400, '"action" must be "approve", "reject" or "expire".');
  const given = typeof number === 'string' || typeof number === 'number' ? number : undefined;
  const pushAnswer: PushAnswer = action === 'approve' ? { action, number: given } : { action };
  return json(200, answerPush(ctx.store, deviceId, pushId, pushAnswer));
};

function desktopDevice(ctx: Parameters<Route>[0], deviceId: string): void {
  if (!ctx.store.devices.get(deviceId)?.desktop)
    throw new DeviceError(404, `No Okta Verify desktop app on device ${deviceId}.`);
}

const getDesktop: Route = (ctx, _req, [deviceId = '']) => {
  desktopDevice(ctx, deviceId);
  return json(200, ctx.store.desktopApps.state(deviceId));
};

/** `{on, deny}`: switch the desktop app's loopback server off (probes fail) or on; deny the next sign-ins. */
const setDesktop: Route = async (ctx, req, [deviceId = '']) => {
  desktopDevice(ctx, deviceId);
  const { on, deny } = body(req.body);
  if ((on !== undefined && typeof on !== 'boolean') || (deny !== undefined && typeof deny !== 'boolean'))
    throw new DeviceError(400, '"on" and "deny" must be true or false.');
  return json(200, await ctx.store.desktopApps.set(deviceId, { on, deny }));
};

/** `{href}`: the operating system opens a FastPass custom URI or link, and Okta Verify answers it. */
const open: Route = async (ctx, req, [deviceId = '']) => {
  desktopDevice(ctx, deviceId);
  const { href } = body(req.body);
  if (typeof href !== 'string') throw new DeviceError(400, 'Give "href", the custom URI or link the page opened.');
  const deny = ctx.store.desktopApps.state(deviceId).deny;
  await answerChallenge(ctx.store, deviceId, challengeRequestOf(href), deny);
  return json(200, { result: deny ? 'denied' : 'verified' });
};

/**
 * Okta Verify adds the user's account: on this device (same-device enrolment) or on a device that
 * already has Okta Verify (device bootstrap). Ends the user's `enroll-poll` on either channel.
 */
const addAccount: Route = (ctx, _req, [login = '']) => {
  const user = ctx.store.user(decodeURIComponent(login));
  if (!user) throw new DeviceError(404, `No user ${login}.`);
  const tx = ctx.store
    .transactions()
    .find(
      (t) =>
        t.login === user.config.login &&
        t.step.name === 'enroll-poll' &&
        (t.step.channel === 'samedevice' || t.step.channel === 'devicebootstrap'),
    );
  if (!tx || tx.step.name !== 'enroll-poll')
    throw new DeviceError(409, 'No sign-in of this user waits for Okta Verify to add the account.');
  const name = tx.step.channel === 'devicebootstrap' ? ctx.store.devicesOf(user.config.login)[0]?.name : undefined;
  const device = activateDevice(ctx.store, tx.step.activationToken, name ?? 'Virtual Okta Verify (this device)');
  return json(200, { deviceId: device.id });
};

const totp: Route = (ctx, _req, [deviceId = '']) => json(200, currentTotp(ctx.store, deviceId));

const getSettings: Route = (ctx) => json(200, ctx.settings);

/** Changes settings at run time (tests shorten lifetimes, switch content types); unknown keys are refused. */
const patchSettings: Route = (ctx, req) => {
  const changes = body(req.body);
  const settings = ctx.settings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (!Object.hasOwn(settings, key) || typeof value !== typeof settings[key])
      throw new DeviceError(400, `Unknown or mistyped setting: ${key}.`);
  }
  Object.assign(ctx.settings, changes as Partial<SimSettings>);
  return json(200, ctx.settings);
};

const requests: Route = (ctx, req) => {
  const since = Number(req.query.get('since') ?? 0);
  return json(200, { requests: ctx.store.requests.filter((r) => r.seq > since) });
};

const state: Route = (ctx, req) => json(200, stateView(ctx.store, ctx.settings, req.origin));

function faultRules(value: unknown): FaultRule[] {
  const rules = Array.isArray(value) ? value : [value];
  for (const rule of rules) {
    const problem = ruleProblem(rule);
    if (problem) throw new DeviceError(400, problem);
  }
  return rules as FaultRule[];
}

const listFaults: Route = (ctx) => json(200, { faults: ctx.store.faults.list() });

/** One rule (`{kind, path, ...}`) added after the others. */
const addFault: Route = (ctx, req) => {
  for (const rule of faultRules(body(req.body))) ctx.store.faults.add(rule);
  return listFaults(ctx, req, []);
};

/** `{faults: [...]}` replaces every rule. */
const replaceFaults: Route = (ctx, req) => {
  ctx.store.faults.replace(faultRules(body(req.body).faults ?? []));
  return listFaults(ctx, req, []);
};

const clearFaults: Route = (ctx, req) => {
  ctx.store.faults.replace([]);
  return listFaults(ctx, req, []);
};

/** The org's OIDC apps, secrets left out. */
const clients: Route = (ctx) =>
  json(200, {
    clients: ctx.store.config.clients.map(({ clientSecret, ...client }) => ({
      ...client,
      tokenEndpointAuthMethod: clientSecret ? 'client_secret_basic' : 'none',
    })),
  });

/**
 * Registers sign-in (`redirectUris`) and sign-out (`postLogoutRedirectUris`) redirect URIs with a
 * client, as an admin adds them in Okta: a change to the org's configuration, kept across resets.
 */
const registerRedirectUris: Route = (ctx, req, [clientId = '']) => {
  const client = ctx.store.config.clients.find((c) => c.clientId === decodeURIComponent(clientId));
  if (!client) throw new DeviceError(404, `No client ${clientId}.`);
  const { redirectUris = [], postLogoutRedirectUris = [] } = body(req.body);
  if (!Array.isArray(redirectUris) || !Array.isArray(postLogoutRedirectUris))
    throw new DeviceError(400, '"redirectUris" and "postLogoutRedirectUris" must be lists of URIs.');
  for (const uri of [...redirectUris, ...postLogoutRedirectUris] as unknown[]) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new DeviceError(400, problem);
  }
  addRedirectUris(client, redirectUris as unknown[]);
  client.postLogoutRedirectUris = [
    ...new Set([...client.postLogoutRedirectUris, ...(postLogoutRedirectUris as string[])]),
  ];
  return clients(ctx, req, []);
};

export const CONTROL_ROUTES: Array<[method: string, pattern: RegExp, route: Route]> = [
  ['POST', /^\/sim\/api\/reset$/, reset],
  ['GET', /^\/sim\/api\/clients$/, clients],
  ['POST', /^\/sim\/api\/clients\/([^/]+)\/redirect-uris$/, registerRedirectUris],
  ['GET', /^\/sim\/api\/state$/, state],
  ['GET', /^\/sim\/api\/outbox$/, outbox],
  ['GET', /^\/sim\/api\/requests$/, requests],
  ['GET', /^\/sim\/api\/settings$/, getSettings],
  ['PATCH', /^\/sim\/api\/settings$/, patchSettings],
  ['GET', /^\/sim\/api\/faults$/, listFaults],
  ['POST', /^\/sim\/api\/faults$/, addFault],
  ['PUT', /^\/sim\/api\/faults$/, replaceFaults],
  ['DELETE', /^\/sim\/api\/faults$/, clearFaults],
  ['POST', /^\/sim\/api\/devices\/enroll$/, enroll],
  ['GET', /^\/sim\/api\/users\/([^/]+)\/devices$/, userDevices],
  ['GET', /^\/sim\/api\/devices\/([^/]+)\/pushes$/, pushes],
  ['POST', /^\/sim\/api\/devices\/([^/]+)\/pushes\/([^/]+)$/, answer],
  ['GET', /^\/sim\/api\/devices\/([^/]+)\/totp$/, totp],
  ['GET', /^\/sim\/api\/devices\/([^/]+)\/desktop$/, getDesktop],
  ['POST', /^\/sim\/api\/devices\/([^/]+)\/desktop$/, setDesktop],
  ['POST', /^\/sim\/api\/devices\/([^/]+)\/open$/, open],
  ['POST', /^\/sim\/api\/users\/([^/]+)\/add-account$/, addAccount],
].map(([method, pattern, route]) => [method as string, pattern as RegExp, guarded(route as Route)]);

export type { SimResponse };
