import { createContext } from '@lit/context';
import type { OvFlowController } from './controller/flow-controller.js';
import type { OvFlowState } from './controller/types.js';

/**
 * What a flow controller provides to the elements inside its host (`<ov-signin>`): the controller
 * (stable, for intents) and its current state (a new frozen object on every change, so
 * `subscribe: true` consumers re-render).
 */
export interface OvFlowContext {
  readonly controller: OvFlowController;
  readonly state: OvFlowState;
}

export const ovFlowContext = createContext<OvFlowContext | undefined>(Symbol('ov-flow'));
