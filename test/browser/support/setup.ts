/**
 * Loaded before every test file (web-test-runner.config.mjs, testRunnerHtml). axe-core measures
 * colour contrast on the colours of the moment, so `expect(el).to.be.accessible()` first waits for
 * the animations under `el` (inside its shadow roots too) to end: a button mid-fade otherwise fails
 * it on a loaded machine.
 */
import { chai } from '@open-wc/testing';
import { animationsFinished } from './animations.js';

chai.use((_chai, utils) => {
  utils.overwriteMethod(
    chai.Assertion.prototype,
    'accessible',
    (axeTest: (...args: unknown[]) => PromiseLike<unknown>) =>
      function settledFirst(this: object, ...args: unknown[]): Promise<unknown> {
        const fixture = utils.flag(this, 'object') as Node;
        return animationsFinished(fixture).then(() => new Promise((resolve, reject) => axeTest.apply(this, args).then(resolve, reject)));
      },
  );
});
