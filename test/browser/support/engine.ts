/** Which engine runs the test page, for tests that need a protocol only one engine has. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

export const engine: Engine = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/**
 * A test that runs in Chromium only, skipped (and reported as skipped) in the other engines. Its
 * name says so and why, e.g. `itInChromium('… [Chromium: CDP forced-colors emulation]', …)`.
 */
export function itInChromium(name: string, test: () => Promise<unknown>): void {
  if (!/\[Chromium[:\]]/.test(name)) throw new Error(`a Chromium-only test says so in its name: ${name}`);
  if (engine === 'chromium') it(name, test);
  else it.skip(name, test);
}

/** A suite that runs in Chromium only; its name says so and why, like itInChromium's. */
export function describeInChromium(name: string, suite: () => void): void {
  if (!/\(Chromium: /.test(name) && !/\[Chromium[:\]]/.test(name))
    throw new Error(`a Chromium-only suite says so in its name: ${name}`);
  if (engine === 'chromium') describe(name, suite);
  else describe.skip(name, suite);
}
