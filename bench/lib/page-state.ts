/** What bench/pages/probe.js keeps in `window.bench`, typed for page.evaluate callbacks. */
export interface BenchEvent {
  type: string;
  /** Date.now() in the page: the same clock as the Node process on this machine. */
  at: number;
  detail?: string;
}

export interface BenchPageState {
  /** performance.now() (ms since navigation start) when the username field became interactive. */
  interactiveAt?: number;
  /**
   * performance.now() of `<ov-signin>`'s first `ov-step` (bench/pages/ov-signin-start.js): Okta's
   * first step is on screen, so a submit is sent at once rather than held.
   */
  firstStepAt?: number;
  events: BenchEvent[];
  errors: string[];
  findAllDeep(root: ParentNode, selector: string): Element[];
  /** Mounts the page's widget again (into the page's host element). */
  mount(): void;
  /** Removes the page's widget, by the widget's own teardown where it has one. */
  unmount(): void;
}

declare global {
  interface Window {
    bench: BenchPageState;
  }
}
