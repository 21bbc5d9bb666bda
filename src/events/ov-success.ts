import type { Tokens } from '@okta/okta-auth-js';
import type { OvTransaction } from '../controller/types.js';

/**
 * The user is signed in; the tokens are already saved in `authClient.tokenManager`. In server mode
 * (`endpoint`) there are no tokens in the page: `shared` holds what the server's `onSuccess` returned.
 * When Okta finished without tokens, at a page of its own (`transaction`'s step has a `redirect`),
 * `<ov-signin redirect="auto">` goes there unless a listener calls `preventDefault()`.
 */
export class OvSuccessEvent extends Event {
  readonly detail: {
    readonly tokens: Tokens | undefined;
    readonly transaction: OvTransaction;
    /** Server mode only: what the server chose to share, e.g. the user's name and email. */
    readonly shared?: Readonly<Record<string, unknown>>;
  };

  constructor(tokens: Tokens | undefined, transaction: OvTransaction) {
    // Cancelable: `preventDefault()` keeps `<ov-signin redirect="auto">` from following `step.redirect`.
    super('ov-success', { bubbles: true, composed: true, cancelable: true });
    // The server-mode client (endpoint-client.ts) puts the server's shared data on its transaction.
    const { shared } = transaction as { shared?: Readonly<Record<string, unknown>> };
    this.detail = { tokens, transaction, ...(shared && { shared }) };
  }
}

// In the map every element, `document` and `window` extend, so any listener of a bubbled, composed
// event is typed, e.g. `document.addEventListener('ov-success', (e) => e.detail.tokens)`.
declare global {
  interface GlobalEventHandlersEventMap {
    'ov-success': OvSuccessEvent;
  }
}
