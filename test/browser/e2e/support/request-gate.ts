/**
 * Holds the page's requests to one path of the simulator until the test opens the gate: the request
 * is not even sent before, so the simulator answers it only when the test lets it. okta-auth-js
 * reads `window.fetch` at each call, so the real SDK goes through the gate unchanged.
 */
export interface RequestGate {
  /** Requests to the path made so far (held while the gate is shut). */
  readonly arrived: number;
  /** Lets the held requests and every later one through. */
  open(): void;
  /** Puts the page's own `fetch` back (after the test, whatever happened). */
  remove(): void;
}

/** `path`: the exact path, or a pattern it matches (a path with an id in it). */
export function gateRequests(path: string | RegExp): RequestGate {
  const original = window.fetch;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let arrived = 0;
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const pathname = new URL(url, location.href).pathname;
    if (typeof path === 'string' ? pathname === path : path.test(pathname)) {
      arrived += 1;
      await opened;
    }
    return original.call(window, input, init);
  };
  return {
    get arrived() {
      return arrived;
    },
    open,
    remove: () => {
      window.fetch = original;
    },
  };
}
