import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { originMatches } from '../config.ts';
import { match } from './router.ts';
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
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
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
  if (!cors['Access-Control-Allow-Origin']) return json(403, { errorCode: 'E0000004', errorSummary: 'Origin not allowed.' });
  return {
    status: 204,
    body: '',
    headers: {
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    },
  };
}

function internalError(): SimResponse {
  return json(500, { errorCode: 'E0000009', errorSummary: 'Internal Server Error', errorCauses: [] });
}

async function handle(ctx: SimContext, req: IncomingMessage, fallbackOrigin: string): Promise<SimResponse> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const cors = corsHeaders(ctx, req);
  const withCors = (response: SimResponse): SimResponse => ({ ...response, headers: { ...cors, ...response.headers } });
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return withCors(preflight(req, cors));
  const found = match(method === 'HEAD' ? 'GET' : method, url.pathname);
  if (!found) return withCors(json(404, { errorCode: 'E0000022', errorSummary: 'The endpoint does not exist.', errorCauses: [] }));
  if ('allowed' in found) {
    return withCors(json(405, { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method.' }, { Allow: found.allowed.join(', ') }));
  }
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) return withCors(json(413, { errorCode: 'E0000003', errorSummary: 'The request body is too large.' }));
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
  return withCors(await found.route(ctx, simRequest, found.params));
}

function send(res: ServerResponse, response: SimResponse): void {
  const payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(payload ? { 'Content-Type': response.contentType ?? 'application/json' } : {}),
    'X-Content-Type-Options': 'nosniff',
    ...response.headers,
  });
  res.end(payload);
}

/** The simulator's HTTP server: every answer JSON (or a page), never a stack trace. */
export function createSimServer(ctx: SimContext, fallbackOrigin: () => string): Server {
  return createServer((req, res) => {
    const started = performance.now();
    handle(ctx, req, fallbackOrigin())
      .catch((error: unknown) => {
        console.error(`ov-sim: ${req.method} ${req.url?.split('?')[0]} failed: ${(error as Error)?.message ?? String(error)}`);
        return internalError();
      })
      .then((response) => {
        send(res, response);
        const path = (req.url ?? '/').split('?')[0];
        if (!path.startsWith('/sim/')) {
          ctx.store.recordRequest({ at: Date.now(), method: req.method ?? '', path, status: response.status, durationMs: performance.now() - started });
        }
      });
  });
}
