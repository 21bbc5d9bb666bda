/**
 * What keeps a web page from driving the simulator on the developer's machine. Its control API
 * approves pushes, reads TOTP codes and resets the org, so:
 *
 * - **Host** (DNS rebinding): a site whose name is made to resolve to 127.0.0.1 reaches the
 *   simulator as its own origin, and could read every answer; its requests carry that name as
 *   `Host`. Only loopback names, the address the simulator listens on and names allowed with
 *   `--allowed-host` are answered. A request without `Host` (HTTP/1.0 tools) is not a browser's.
 * - **Origin** (CSRF) on control API mutations: a browser names the page that sent a request; only
 *   the simulator's own page and the org's trusted origins (`corsOrigins`, the pages that sign in
 *   against it: any loopback port by default) may change it. A request without `Origin` comes from a
 *   program (`ov-sim/client` in Node, curl), not from another site's page: browsers send `Origin`
 *   on every cross-origin POST, PUT, PATCH and DELETE.
 * - **Content-Type** on mutations: `application/json`, which no HTML form can send, and which makes
 *   a browser ask first (a CORS preflight, refused for an origin that is not trusted).
 */
import { originMatches } from '../config.ts';
import { json, type SimResponse } from './types.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
/** Listening on every interface names no host a client would use. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '[::]', '']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A host name as `Host` and URLs spell it: lower case, IPv6 in brackets, no port. */
export function hostName(host: string): string | undefined {
  const bracketed = host.includes(':') && !host.startsWith('[') && host.split(':').length > 2 ? `[${host}]` : host;
  try {
    return new URL(`http://${bracketed}`).hostname;
  } catch {
    return undefined;
  }
}

/** Whether binding to `host` keeps the simulator on this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = hostName(host);
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name ?? '');
}

/** The names `Host` may carry: loopback, the listening address, and those the developer allowed. */
export function allowedHostNames(listeningOn: string, allowed: readonly string[] = []): ReadonlySet<string> {
  const names = [...LOOPBACK_NAMES, listeningOn, ...allowed].map(hostName);
  return new Set(names.filter((name): name is string => name !== undefined && !WILDCARD_ADDRESSES.has(name)));
}

export function hostRefusal(host: string | undefined, allowed: ReadonlySet<string>): SimResponse | undefined {
  if (host === undefined) return undefined;
  const name = hostName(host);
  if (name !== undefined && allowed.has(name)) return undefined;
  return json(403, {
    errorCode: 'E0000006',
    errorSummary: `This simulator does not answer to the host name "${host.slice(0, 100)}" (a defence against DNS rebinding). Start it with --allowed-host NAME (or allowedHosts) to reach it by another name.`,
    errorCauses: [],
  });
}

export interface ControlRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A control API mutation that does not come from the simulator's page, a trusted origin or a program. */
export function controlRefusal(req: ControlRequest, corsOrigins: string[]): SimResponse | undefined {
  if (!req.path.startsWith('/sim/api/') || SAFE_METHODS.has(req.method)) return undefined;
  const { origin, host } = req.headers;
  if (typeof origin === 'string' && origin !== `http://${String(host)}` && !originMatches(origin, corsOrigins)) {
    return json(403, {
      error: `The control API takes changes from the simulator's page, the org's trusted origins and programs (no Origin), not from ${origin.slice(0, 100)}.`,
    });
  }
  const mediaType = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (mediaType !== 'application/json') {
    return json(415, {
      error: 'Control API changes need Content-Type: application/json (a form on another site cannot send it).',
    });
  }
  return undefined;
}
