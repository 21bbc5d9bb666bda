// @open-wc/testing's waitUntil gives up after 1 s unless told otherwise, a guess at how fast the
// machine is: on a loaded one (a build beside the tests) a condition that does come took longer and
// the test failed. Its default is raised here for every test; the tests still wait on their
// condition and pass as soon as it holds, and only a failing test waits the longer bound.
export const WAIT_UNTIL_TIMEOUT_MS = 15_000;

const DEFAULT = 'const { interval = 50, timeout = 1000 } = options;';

export function patientWaitPlugin() {
  return {
    name: 'ov-patient-wait-until',
    transform(context) {
      if (!context.path.endsWith('/@open-wc/testing-helpers/src/helpers.js')) return undefined;
      const body = String(context.body);
      if (!body.includes(DEFAULT))
        throw new Error(
          '@open-wc/testing-helpers: waitUntil has a new signature; update test/support/patient-wait-plugin.mjs',
        );
      return { body: body.replace(DEFAULT, `const { interval = 50, timeout = ${WAIT_UNTIL_TIMEOUT_MS} } = options;`) };
    },
  };
}
