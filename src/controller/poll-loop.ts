/**
 * The one poll timer of a flow. It holds at most one pending timeout and never starts a tick while
 * the previous one is still running: the next tick is scheduled only after the answer has been
 * applied, by whoever applies it.
 */
export class PollLoop {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #tick?: () => void;

  schedule(delay: number, tick: () => void): void {
    this.stop();
    this.#tick = tick;
    this.#timer = setTimeout(() => this.runNow(), delay);
  }

  /** Runs the scheduled tick at once (the page came back to the foreground); nothing if none is due. */
  runNow(): void {
    const tick = this.#tick;
    if (this.#timer === undefined || !tick) return;
    this.stop();
    tick();
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#tick = undefined;
  }
}
