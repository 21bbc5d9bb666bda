/**
 * Several tabs (a duplicated tab, a reopened one) can hold the same transaction. Only one of them
 * polls it: the one holding a Web Lock named after the transaction. The others wait for the lock and
 * take over when that tab stops polling or closes. Without Web Locks every tab polls.
 */
export class PollLeadership {
  #name?: string;
  #held = false;
  #abort?: AbortController;
  #release?: () => void;

  /** Whether this tab may poll the transaction `name` now; if not, `granted` runs once it may. */
  claim(name: string, granted: () => void): boolean {
    // Web Locks are missing in older browsers and outside secure contexts, and Node has no navigator.
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
    if (!locks) return true;
    if (this.#name === name) return this.#held;
    this.release();
    this.#name = name;
    const abort = (this.#abort = new AbortController());
    locks
      .request(
        name,
        { signal: abort.signal },
        () =>
          new Promise<void>((release) => {
            this.#held = true;
            this.#release = release;
            granted();
          }),
      )
      .catch(() => {}); // aborted: this tab stopped waiting
    return false;
  }

  release(): void {
    this.#abort?.abort();
    this.#release?.();
    this.#name = undefined;
    this.#held = false;
    this.#abort = undefined;
    this.#release = undefined;
  }
}
