import type { OvProblem } from '../controller/types.js';

/** A recoverable problem, also shown on screen: the user can retry or start over. */
export class OvErrorEvent extends Event {
  readonly detail: { readonly problem: OvProblem; readonly error?: unknown };

  constructor(problem: OvProblem, error?: unknown) {
    super('ov-error', { bubbles: true, composed: true });
    this.detail = { problem, ...(error !== undefined && { error }) };
  }
}

// In the map every element, `document` and `window` extend, so any listener of a bubbled, composed
// event is typed, e.g. `document.addEventListener('ov-success', (e) => e.detail.tokens)`.
declare global {
  interface GlobalEventHandlersEventMap {
    'ov-error': OvErrorEvent;
  }
}
