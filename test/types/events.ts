/**
 * Type-level test, checked by `npm run typecheck` (never run): the `ov-*` events are declared in
 * `GlobalEventHandlersEventMap`, so listeners on `document`, `window` or any element get the event
 * class and its `detail`. Without the declarations, `event.detail` is an error on `Event`.
 */
import type { Tokens } from '@okta/okta-auth-js';
import type { OvProblem, OvStep } from '../../src/controller/types.js';
import type { OvCancelEvent } from '../../src/events/ov-cancel.js';
import '../../src/events/ov-error.js';
import '../../src/events/ov-step.js';
import '../../src/events/ov-success.js';
import '../../src/events/ov-terminal.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exactly = <A, B>(_proof: Equals<A, B>): void => {};

export function listenEverywhere(element: HTMLElement): void {
  document.addEventListener('ov-success', (event) => {
    const tokens: Tokens | undefined = event.detail.tokens;
    void tokens;
  });
  window.addEventListener('ov-error', (event) => {
    const problem: OvProblem = event.detail.problem;
    void problem;
  });
  element.addEventListener('ov-step', (event) => {
    const step: OvStep = event.detail.step;
    void step;
  });
  document.addEventListener('ov-terminal', (event) => void event.detail.messages);
}

// OvCancelEvent has no members of its own (Event would pass for it), so check the map's keys too.
export const declared: ReadonlyArray<keyof GlobalEventHandlersEventMap> = [
  'ov-step',
  'ov-success',
  'ov-terminal',
  'ov-error',
  'ov-cancel',
];
exactly<GlobalEventHandlersEventMap['ov-cancel'], OvCancelEvent>(true);
