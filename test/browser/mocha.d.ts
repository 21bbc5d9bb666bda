// The globals web-test-runner's mocha provides (no @types/mocha in this project).
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: unknown, done: MochaDone) => void | Promise<unknown>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn?: MochaFn | (() => void | Promise<unknown>)): void;
declare function beforeEach(fn: MochaFn | (() => void | Promise<unknown>)): void;
declare function afterEach(fn: MochaFn | (() => void | Promise<unknown>)): void;
declare function before(fn: MochaFn | (() => void | Promise<unknown>)): void;
declare function after(fn: MochaFn | (() => void | Promise<unknown>)): void;
declare namespace it {
  function skip(title: string, fn?: MochaFn | (() => void | Promise<unknown>)): void;
}
declare namespace describe {
  function skip(title: string, fn: () => void): void;
}
