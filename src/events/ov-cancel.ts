/** The user cancelled the sign-in; the widget starts a fresh one. */
export class OvCancelEvent extends Event {
  constructor() {
    super('ov-cancel', { bubbles: true, composed: true });
  }
}

// In the map every element, `document` and `window` extend, so any listener of a bubbled, composed
// event is typed, e.g. `document.addEventListener('ov-success', (e) => e.detail.tokens)`.
declare global {
  interface GlobalEventHandlersEventMap {
    'ov-cancel': OvCancelEvent;
  }
}
