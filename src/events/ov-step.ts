import type { OvStep } from '../controller/types.js';

/** A new step is on screen; `detail.step` is its immutable snapshot. */
export class OvStepEvent extends Event {
  readonly detail: { readonly step: OvStep };

  constructor(step: OvStep) {
    super('ov-step', { bubbles: true, composed: true });
    this.detail = { step };
  }
}

// In the map every element, `document` and `window` extend, so any listener of a bubbled, composed
// event is typed, e.g. `document.addEventListener('ov-success', (e) => e.detail.tokens)`.
declare global {
  interface GlobalEventHandlersEventMap {
    'ov-step': OvStepEvent;
  }
}
