import type { Transaction } from '../state/types.ts';
import {
  JSON_TYPE,
  json,
  parseJsonObject,
  type Route,
  type SimContext,
  type SimRequest,
  type SimResponse,
} from '../http/types.ts';
import { arrayValue, ION_CONTENT_TYPE } from './forms.ts';
import { applyTimeouts } from './policy.ts';
import { findRemediation, IDX_PATTERNS, REMEDIATIONS, type IdxResult } from './remediations.ts';
import { message, renderIdx, sessionExpiredBody, type RenderContext } from './render.ts';

function idxResponse(ctx: SimContext, status: number, body: object): SimResponse {
  return { status, body, contentType: ctx.settings.idxContentType === 'ion' ? ION_CONTENT_TYPE : JSON_TYPE };
}

function errorBody(text: string, key: string): object {
  return { version: '1.0.0', messages: arrayValue([message(text, key)]) };
}

export function renderContext(ctx: SimContext, req: SimRequest): RenderContext {
  return { store: ctx.store, settings: ctx.settings, origin: req.origin };
}

/** Checks shared by every IDX call; returns the parsed body or the error response to send. */
function readIdxBody(ctx: SimContext, req: SimRequest): { body: Record<string, unknown> } | { refusal: SimResponse } {
  if (!/json/i.test(req.headers['content-type'] ?? '')) {
    return { refusal: idxResponse(ctx, 415, errorBody('Unsupported media type: send application/json.', 'E0000003')) };
  }
  const body = parseJsonObject(req.body);
  return body
    ? { body }
    : { refusal: idxResponse(ctx, 400, errorBody('The request body was not well-formed.', 'E0000003')) };
}

function respond(ctx: SimContext, req: SimRequest, tx: Transaction, result: IdxResult): SimResponse {
  tx.expiresAt = Date.now() + ctx.settings.transactionLifetimeMs;
  const status = tx.step.name === 'terminal' && result.status === 200 ? tx.step.httpStatus : result.status;
  const response = idxResponse(ctx, status, renderIdx(renderContext(ctx, req), tx, result.extras));
  return result.headers ? { ...response, headers: result.headers } : response;
}

/** The current state by interaction handle (the SDK's resume path) or by state handle. */
export const introspect: Route = (ctx, req) => {
  const read = readIdxBody(ctx, req);
  if ('refusal' in read) return read.refusal;
  const { body } = read;
  const tx =
    ctx.store.transactionByInteractionHandle(body.interactionHandle) ??
    ctx.store.transactionByStateHandle(body.stateToken ?? body.stateHandle);
  if (!tx) return idxResponse(ctx, 401, sessionExpiredBody());
  applyTimeouts(ctx.store, ctx.settings, tx);
  return respond(ctx, req, tx, { status: 200 });
};

/** Any form or action the simulator offers; the step decides whether it may be used now. */
export const remediation: Route = async (ctx, req) => {
  const found = findRemediation(req.path);
  // Routed here only for IDX_PATHS and IDX_PATTERNS; a path without an endpoint is no route at all.
  if (!found)
    return json(404, { errorCode: 'E0000022', errorSummary: 'The endpoint does not exist.', errorCauses: [] });
  const read = readIdxBody(ctx, req);
  if ('refusal' in read) return read.refusal;
  const { body } = read;
  const tx = ctx.store.transactionByStateHandle(body.stateHandle);
  if (!tx) return idxResponse(ctx, 401, sessionExpiredBody());
  applyTimeouts(ctx.store, ctx.settings, tx);
  const { endpoint, params } = found;
  if (!endpoint.steps.includes(tx.step.name)) {
    return respond(ctx, req, tx, {
      status: 400,
      extras: { messages: [message('This action is not available at this step of the sign-in.', 'E0000001')] },
    });
  }
  return respond(ctx, req, tx, await endpoint.handle(renderContext(ctx, req), tx, body, params));
};

export const IDX_PATHS = Object.keys(REMEDIATIONS);
export { IDX_PATTERNS };
