/**
 * Loaded before every test file (web-test-runner.config.mjs, testRunnerHtml). axe-core measures
 * colour contrast on the colours of the moment, so `expect(el).to.be.accessible()` first waits for
 * the animations under `el` (inside its shadow roots too) to end: a button mid-fade otherwise fails
 * it on a loaded machine.
 *
 * This runs before mocha has set up its globals, and @open-wc/testing registers its fixture cleanup
 * only if `afterEach` exists when it loads: so it is imported from a root `before` hook, once mocha is there.
 */
import { animationsFinished } from './animations.js';

async function waitAccessibleOnAnimations(): Promise<void> {
  const { chai } = await import('@open-wc/testing');
  chai.use((_chai, utils) => {
    utils.overwriteMethod(
      chai.Assertion.prototype,
      'accessible',
      (axeTest: (...args: unknown[]) => PromiseLike<unknown>) =>
        function settledFirst(this: object, ...args: unknown[]): Promise<unknown> {
          const fixture = utils.flag(this, 'object') as Node;
          return animationsFinished(fixture).then(
            () => new Promise((resolve, reject) => axeTest.apply(this, args).then(resolve, reject)),
          );
        },
    );
  });
}

function whenMochaIsSetUp(then: () => void): void {
  if ('before' in window && 'afterEach' in window) then();
  else setTimeout(() => whenMochaIsSetUp(then), 0);
}

whenMochaIsSetUp(() => before(waitAccessibleOnAnimations));
