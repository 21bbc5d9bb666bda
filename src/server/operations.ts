/** The calls the API makes on okta-auth-js, one per route, each validated first (requests.ts). */
import type { IdxTransaction } from '@okta/okta-auth-js';
import { ApiRoute } from '../transport/protocol.js';
import {
  readActionParams,
  readString,
  readValues,
  requirePoll,
  requireRemediation,
  requireResend,
} from './requests.js';
import type { SdkSession } from './sdk-session.js';
import { NoTransactionError } from './errors.js';

/**
 * Step mode, as the in-page widget runs it (flow-controller.ts): the SDK sends exactly the step
 * named. A fresh object per call, because okta-auth-js writes into the options it is given.
 */
const stepMode = () => ({ enableLegacyMode: false, useGenericRemediator: false }) as const;

export interface OperationResult {
  readonly transaction: IdxTransaction;
  /** A new transaction began (it gets a new opaque id). */
  readonly started: boolean;
}

type Operation = (sdk: SdkSession, body: Record<string, unknown>) => Promise<OperationResult>;

/**
 * The session's transaction as the SDK saved it. okta-auth-js keeps the last IDX response in its
 * storage on the server, so this asks Okta nothing.
 */
async function current(sdk: SdkSession): Promise<IdxTransaction> {
  if (!sdk.auth.idx.canProceed()) throw new NoTransactionError();
  return sdk.auth.idx.proceed({ ...stepMode(), autoRemediate: false });
}

const continued = (transaction: IdxTransaction): OperationResult => ({ transaction, started: false });

export const operations: Readonly<Record<Exclude<ApiRoute, 'session'>, Operation>> = {
  [ApiRoute.START]: async (sdk, body) => {
    if (body.resume === true && sdk.auth.idx.canProceed()) return continued(await current(sdk));
    return { transaction: await sdk.auth.idx.start({ ...stepMode() }), started: true };
  },
  [ApiRoute.PROCEED]: async (sdk, body) => {
    const step = readString(body, 'step');
    const values = readValues(body.values);
    requireRemediation(await current(sdk), step);
    return continued(await sdk.auth.idx.proceed({ ...stepMode(), ...values, step }));
  },
  [ApiRoute.POLL]: async (sdk, body) => {
    const step = readString(body, 'step');
    requirePoll(await current(sdk), step);
    return continued(await sdk.auth.idx.proceed({ ...stepMode(), step }));
  },
  [ApiRoute.RESEND]: async (sdk, body) => {
    const action = readString(body, 'action');
    const params = readActionParams(body.params);
    requireResend(await current(sdk), action);
    return continued(
      await sdk.auth.idx.proceed({ ...stepMode(), actions: [params ? { name: action, params } : action] }),
    );
  },
  [ApiRoute.CANCEL]: async (sdk) => {
    await current(sdk);
    return continued(await sdk.auth.idx.cancel({ ...stepMode() }));
  },
};
