/**
 * The one poll timer of a flow. It holds at most one pending timeout and never starts a tick while
 * the previous one is still running: the next tick is scheduled only after the answer has been
 * applied, by whoever applies it.
 */
export class PollLoop {
  #timer: ReturnType<typeof setTimeout> | undefined;

  get scheduled(): boolean {
    return this.#timer !== undefined;
  }

  schedule(delay: number, tick: () => void): void {
    this.stop();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      tick();
    }, delay);
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
