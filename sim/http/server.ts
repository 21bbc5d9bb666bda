import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { originMatches } from '../config.ts';
import { deliver, type Delivery } from '../faults/deliver.ts';
import { match } from './router.ts';
import { controlRefusal, hostRefusal } from './request-guard.ts';
import { json, type SimContext, type SimRequest, type SimResponse } from './types.ts';

/** Okta refuses bodies far smaller than this; it keeps a hostile client from filling memory. */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** Browsers call with credentials, so the allowed origin is echoed (never `*`) and credentials allowed. */
function corsHeaders(ctx: SimContext, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !originMatches(origin, ctx.store.config.corsOrigins)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'WWW-Authenticate, Retry-After',
    Vary: 'Origin',
  };
}

function preflight(req: IncomingMessage, cors: Record<string, string>): SimResponse {
  if (!cors['Access-Control-Allow-Origin'])
    return json(403, { errorCode: 'E0000004', errorSummary: 'Origin not allowed.' });
  return {
    status: 204,
    body: '',
    headers: {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    },
  };
}

function internalError(): SimResponse {
  return json(500, { errorCode: 'E0000009', errorSummary: 'Internal Server Error', errorCauses: [] });
}

/** CORS headers go on every answer, faults included, so a browser sees the status rather than a CORS error. */
async function handle(
  ctx: SimContext,
  req: IncomingMessage,
  fallbackOrigin: string,
  allowedHosts: ReadonlySet<string>,
): Promise<Delivery> {
  const path = pathOf(req);
  const method = req.method ?? 'GET';
  const cors = corsHeaders(ctx, req);
  const refusal =
    hostRefusal(req.headers.host, allowedHosts) ??
    controlRefusal({ method, path, headers: req.headers }, ctx.store.config.corsOrigins);
  if (refusal) return { response: { ...refusal, headers: { ...cors, ...refusal.headers } } };
  const fault = path.startsWith('/sim/') ? undefined : ctx.store.faults.take(method, path);
  const delivery = await deliver(fault, path, () => answer(ctx, req, cors, fallbackOrigin));
  return 'drop' in delivery
    ? delivery
    : { ...delivery, response: { ...delivery.response, headers: { ...cors, ...delivery.response.headers } } };
}

async function answer(
  ctx: SimContext,
  req: IncomingMessage,
  cors: Record<string, string>,
  fallbackOrigin: string,
): Promise<SimResponse> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return preflight(req, cors);
  const found = match(method === 'HEAD' ? 'GET' : method, url.pathname);
  if (!found)
    return json(404, { errorCode: 'E0000022', errorSummary: 'The endpoint does not exist.', errorCauses: [] });
  if ('allowed' in found) {
    return json(
      405,
      { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method.' },
      { Allow: found.allowed.join(', ') },
    );
  }
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return json(413, { errorCode: 'E0000003', errorSummary: 'The request body is too large.' });
    throw error;
  }
  const host = req.headers.host;
  const simRequest: SimRequest = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: headersOf(req),
    body,
    origin: host && /^[\w.\-[\]:]+$/.test(host) ? `http://${host}` : fallbackOrigin,
  };
  return found.route(ctx, simRequest, found.params);
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

function send(res: ServerResponse, delivery: Delivery): void {
  if ('drop' in delivery) {
    res.socket?.destroy();
    return;
  }
  const { response } = delivery;
  const whole = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const payload = delivery.truncate ? whole.slice(0, Math.floor(whole.length / 2)) : whole;
  res.writeHead(response.status, {
    ...(payload ? { 'Content-Type': response.contentType ?? 'application/json' } : {}),
    'X-Content-Type-Options': 'nosniff',
    ...response.headers,
  });
  res.end(payload);
}

/**
 * The simulator's HTTP server: every answer JSON (or a page), never a stack trace. It answers only
 * requests whose `Host` is one of `allowedHosts` (request-guard.ts).
 */
export function createSimServer(
  ctx: SimContext,
  fallbackOrigin: () => string,
  allowedHosts: ReadonlySet<string>,
): Server {
  const server = createServer((req, res) => {
    const started = performance.now();
    handle(ctx, req, fallbackOrigin(), allowedHosts)
      .catch((error: unknown): Delivery => {
        console.error(`ov-sim: ${req.method} ${pathOf(req)} failed: ${(error as Error)?.message ?? String(error)}`);
        return { response: internalError() };
      })
      .then((delivery) => {
        send(res, delivery);
        const path = pathOf(req);
        if (!path.startsWith('/sim/')) {
          const status = 'drop' in delivery ? 0 : delivery.response.status;
          ctx.store.recordRequest({
            at: Date.now(),
            method: req.method ?? '',
            path,
            status,
            durationMs: performance.now() - started,
          });
        }
      });
  });
  // Node's 5 s lets a saturated server's timers close a kept-alive socket whose next request is
  // already waiting unread, which the client sees as a reset; 30 s outlasts any load test's backlog.
  server.keepAliveTimeout = 30_000;
  return server;
}
