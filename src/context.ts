import { createContext } from '@lit/context';
import type { OvFlowController } from './controller/flow-controller.js';
import type { OvFlowState } from './controller/types.js';

/**
 * What `<ov-signin>` provides to the elements inside it: the controller (stable, for intents) and
 * its current state (a new frozen object on every change, so `subscribe: true` consumers re-render).
 */
export interface OvFlowContext {
  readonly controller: OvFlowController;
  readonly state: OvFlowState;
}

export const ovFlowContext = createContext<OvFlowContext | undefined>(Symbol('ov-flow'));
