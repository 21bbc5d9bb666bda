import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ovFlowContext } from '../context.js';
import type { OvFlowContext } from '../context.js';
import type { OvFlowController } from '../controller/flow-controller.js';
import type { OvStep } from '../controller/types.js';

/**
 * Base of the step elements. Inside `<ov-signin>` they take the flow from context; on a page that
 * composes its own flow they are given a `controller` and follow its state themselves.
 */
export class OvFlowElement extends LitElement {
  @consume({ context: ovFlowContext, subscribe: true })
  @state()
  protected provided?: OvFlowContext;

  /** The flow controller to render and drive; not needed inside `<ov-signin>`. */
  @property({ attribute: false }) controller?: OvFlowController;

  #unsubscribe?: () => void;
  #renderedStep?: OvStep;

  protected get flow(): OvFlowContext | undefined {
    return this.controller ? { controller: this.controller, state: this.controller.state } : this.provided;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) this.#subscribe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const step = this.flow?.state.step;
    if (step === this.#renderedStep) return;
    const previous = this.#renderedStep;
    this.#renderedStep = step;
    this.stepRendered(previous, step);
  }

  /**
   * Called once a new snapshot is on screen. `previous` with the same name as `step` means the server
   * answered the same form again (a wrong password or code, a refused address).
   */
  protected stepRendered(_previous: OvStep | undefined, _step: OvStep | undefined): void {}

  /** Moves focus to the step's heading (called by `<ov-signin>` on each new step). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-heading]')?.focus(options);
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.controller?.subscribe(() => this.requestUpdate());
  }
}
