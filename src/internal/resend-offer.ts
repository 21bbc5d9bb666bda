import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * "Resend" is offered only a while after a push or activation link went out, so that a user does
 * not send a second one before the first had time to arrive. The host arms the offer when such a
 * screen appears and renders the resend action once `ready`; leaving the page withdraws it.
 *
 * ```ts
 * private readonly resendOffer = new ResendOffer(this, () => this.resendDelay);
 * ```
 */
export class ResendOffer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #delay: () => number;
  #timer?: ReturnType<typeof setTimeout>;
  #ready = false;

  constructor(host: ReactiveControllerHost, delay: () => number) {
    (this.#host = host).addController(this);
    this.#delay = delay;
  }

  /** The delay has passed since the offer was armed: show the resend action. */
  get ready(): boolean {
    return this.#ready;
  }

  /** Starts (or restarts) the wait before the offer. */
  arm(): void {
    this.withdraw();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#ready = true;
      this.#host.requestUpdate();
    }, this.#delay());
  }

  /** No offer, and no wait for one. */
  withdraw(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#ready) return;
    this.#ready = false;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.withdraw();
  }
}
