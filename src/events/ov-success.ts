import type { Tokens } from '@okta/okta-auth-js';
import type { OvTransaction } from '../controller/types.js';

/** The user is signed in; the tokens are already saved in `authClient.tokenManager`. */
export class OvSuccessEvent extends Event {
  readonly detail: { readonly tokens: Tokens | undefined; readonly transaction: OvTransaction };

  constructor(tokens: Tokens | undefined, transaction: OvTransaction) {
    super('ov-success', { bubbles: true, composed: true });
    this.detail = { tokens, transaction };
  }
}

declare global {
  interface HTMLElementEventMap {
    'ov-success': OvSuccessEvent;
  }
}
