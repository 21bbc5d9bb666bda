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
