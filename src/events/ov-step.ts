import type { OvStep } from '../controller/types.js';

/** A new step is on screen; `detail.step` is its immutable snapshot. */
export class OvStepEvent extends Event {
  readonly detail: { readonly step: OvStep };

  constructor(step: OvStep) {
    super('ov-step', { bubbles: true, composed: true });
    this.detail = { step };
  }
}

declare global {
  interface HTMLElementEventMap {
    'ov-step': OvStepEvent;
  }
}
