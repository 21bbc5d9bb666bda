// Run by package.test.ts in a fresh Node process: imports the module named on the command line
// with every browser global trapped, and prints who read or wrote which global, as JSON.
const BROWSER_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'customElements',
  'HTMLElement',
  'Element',
  'Node',
  'ShadowRoot',
  'CSSStyleSheet',
  'trustedTypes',
  'getComputedStyle',
  'matchMedia',
  'requestAnimationFrame',
];

const accesses = [];
/** The first stack frame outside this file: the code that touched the global. */
const caller = () =>
  new Error().stack
    .split('\n')
    .slice(1)
    .find((line) => !line.includes(import.meta.url))
    ?.trim() ?? '';

for (const name of BROWSER_GLOBALS) {
  let value = globalThis[name];
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      accesses.push({ name, kind: 'read', at: caller() });
      return value;
    },
    set(next) {
      accesses.push({ name, kind: 'write', at: caller() });
      value = next;
    },
  });
}

await import(process.argv[2]);
process.stdout.write(JSON.stringify(accesses));
