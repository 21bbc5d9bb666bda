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
  /** ov-signin pages only: adds one more <ov-signin> to the page. */
  mount(): HTMLElement;
}

declare global {
  interface Window {
    bench: BenchPageState;
  }
}
