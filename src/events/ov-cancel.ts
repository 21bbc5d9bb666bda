/** The user cancelled the sign-in; the widget starts a fresh one. */
export class OvCancelEvent extends Event {
  constructor() {
    super('ov-cancel', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ov-cancel': OvCancelEvent;
  }
}
