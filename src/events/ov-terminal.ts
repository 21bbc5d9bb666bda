import type { OvMessage } from '../controller/types.js';

/** The server ended this sign-in (expired, denied, timed out…); the user can only start again. */
export class OvTerminalEvent extends Event {
  readonly detail: { readonly messages: readonly OvMessage[] };

  constructor(messages: readonly OvMessage[]) {
    super('ov-terminal', { bubbles: true, composed: true });
    this.detail = { messages };
  }
}

// In the map every element, `document` and `window` extend, so any listener of a bubbled, composed
// event is typed, e.g. `document.addEventListener('ov-success', (e) => e.detail.tokens)`.
declare global {
  interface GlobalEventHandlersEventMap {
    'ov-terminal': OvTerminalEvent;
  }
}
