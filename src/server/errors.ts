/** Every error `ov-signin/server` throws; handler.ts and node.ts turn each into a wire error. */

/** The session has no transaction to continue (never started, finished, cancelled or forgotten). */
export class NoTransactionError extends Error {
  constructor() {
    super('This session has no sign-in transaction');
    this.name = 'NoTransactionError';
  }
}

/** The request asks for something the transaction does not offer, or is malformed. */
export class InvalidRequestError extends Error {
  constructor(detail: string) {
    super(`Invalid sign-in request: ${detail}`);
    this.name = 'InvalidRequestError';
  }
}

/** A request body over `MAX_BODY_BYTES` (node.ts). */
export class BodyTooLargeError extends Error {
  constructor() {
    super('The request body is too large');
    this.name = 'BodyTooLargeError';
  }
}

/**
 * A store refused a write: the session changed (or ended) after this request read it, e.g. because
 * the request outlived its lock. Saving it would bring back an older state; the page starts again.
 */
export class StaleSessionError extends Error {
  constructor() {
    super('The session changed since this request read it; the write was refused');
    this.name = 'StaleSessionError';
  }
}

/** The session store could not serve the request now (unreachable, or the session stayed locked): try again. */
export class SessionStoreUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SessionStoreUnavailableError';
  }
}

/** A request body that did not arrive within the adapter's body timeout (node.ts). */
export class BodyTimeoutError extends Error {
  constructor() {
    super('The request body did not arrive in time');
    this.name = 'BodyTimeoutError';
  }
}
