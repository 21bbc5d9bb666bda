import type { OvMessage } from '../controller/types.js';

/** The server ended this sign-in (expired, denied, timed out…); the user can only start again. */
export class OvTerminalEvent extends Event {
  readonly detail: { readonly messages: readonly OvMessage[] };

  constructor(messages: readonly OvMessage[]) {
    super('ov-terminal', { bubbles: true, composed: true });
    this.detail = { messages };
  }
}

declare global {
  interface HTMLElementEventMap {
    'ov-terminal': OvTerminalEvent;
  }
}
