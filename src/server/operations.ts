/** The calls the API makes on okta-auth-js, one per route, each validated first (requests.ts). */
import { IdxStatus } from '@okta/okta-auth-js';
import type { IdxTransaction } from '@okta/okta-auth-js';
import { ApiRoute } from '../transport/protocol.js';
import {
  offersOf,
  readActionParams,
  readString,
  readValues,
  requirePoll,
  requireRemediation,
  requireResend,
} from './requests.js';
import type { SdkSession } from './sdk-session.js';
import type { TransactionOffers } from './session-store.js';
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

/** `saved`: what the session's record says its transaction offers, when it says. */
type Operation = (
  sdk: SdkSession,
  body: Record<string, unknown>,
  saved: TransactionOffers | undefined,
) => Promise<OperationResult>;

/**
 * The session's transaction as the SDK saved it. okta-auth-js keeps the last IDX response in its
 * storage on the server, so this asks Okta nothing.
 */
async function current(sdk: SdkSession): Promise<IdxTransaction> {
  if (!sdk.auth.idx.canProceed()) throw new NoTransactionError();
  return sdk.auth.idx.proceed({ ...stepMode(), autoRemediate: false });
}

/**
 * The session's transaction as Okta has it now (one introspect). A page resumes after a failed
 * call, and the process that served that call may have died after Okta took the step but before
 * the record was saved: the saved response would be a step behind.
 */
async function fromOkta(sdk: SdkSession): Promise<IdxTransaction> {
  sdk.auth.transactionManager.clearIdxResponse();
  return current(sdk);
}

/** What the session's transaction offers: as its record says, or else as okta-auth-js replays it. */
async function offered(sdk: SdkSession, saved: TransactionOffers | undefined): Promise<TransactionOffers> {
  return saved ?? offersOf(await current(sdk));
}

/**
 * What to keep in the record for the next request's check: the offers of `tx` when okta-auth-js
 * saved it as the session's transaction (a pending answer that succeeded; an error answer is not
 * saved, and the transaction before it stays current).
 */
export function offersToSave(tx: IdxTransaction): TransactionOffers | undefined {
  return tx.status === IdxStatus.PENDING && tx.requestDidSucceed === true ? offersOf(tx) : undefined;
}

const continued = (transaction: IdxTransaction): OperationResult => ({ transaction, started: false });

export const operations: Readonly<Record<Exclude<ApiRoute, 'session'>, Operation>> = {
  [ApiRoute.START]: async (sdk, body) => {
    if (body.resume === true && sdk.auth.idx.canProceed()) return continued(await fromOkta(sdk));
    return { transaction: await sdk.auth.idx.start({ ...stepMode() }), started: true };
  },
  [ApiRoute.PROCEED]: async (sdk, body, saved) => {
    const step = readString(body, 'step');
    const values = readValues(body.values);
    requireRemediation(await offered(sdk, saved), step);
    return continued(await sdk.auth.idx.proceed({ ...stepMode(), ...values, step }));
  },
  [ApiRoute.POLL]: async (sdk, body, saved) => {
    const step = readString(body, 'step');
    requirePoll(await offered(sdk, saved), step);
    return continued(await sdk.auth.idx.proceed({ ...stepMode(), step }));
  },
  [ApiRoute.RESEND]: async (sdk, body, saved) => {
    const action = readString(body, 'action');
    const params = readActionParams(body.params);
    requireResend(await offered(sdk, saved), action);
    return continued(
      await sdk.auth.idx.proceed({ ...stepMode(), actions: [params ? { name: action, params } : action] }),
    );
  },
  [ApiRoute.CANCEL]: async (sdk, _body, saved) => {
    await offered(sdk, saved);
    return continued(await sdk.auth.idx.cancel({ ...stepMode() }));
  },
};
