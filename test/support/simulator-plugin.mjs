// Starts an Okta org simulator on a free port for the browser tests and hands its URL to them
// through the `sim-url` server command. wtr runs under `tsx`, so the TypeScript sources load directly.
// The simulator matches redirect URIs exactly, as Okta does, and wtr picks its port at start-up: the
// test pages' `${location.origin}/callback` is registered with the demo client once it is known.
export function simulatorPlugin() {
  let sim;
  return {
    name: 'ov-simulator',
    /** The running simulator's URL, for the server side (the CSP of the hostile pages names it). */
    get url() {
      return sim?.url;
    },
    async serverStart({ config }) {
      const { startSimulator, DEMO_CLIENT_ID } = await import('../../sim/index.ts');
      const origin = `${config.http2 ? 'https' : 'http'}://${config.hostname}:${config.port}`;
      sim = await startSimulator({
        port: 0,
        config: { testing: true, redirectUris: { [DEMO_CLIENT_ID]: [`${origin}/callback`] } },
      });
    },
    async serverStop() {
      await sim?.close();
    },
    async executeCommand({ command }) {
      if (command === 'sim-url') return sim.url;
      return undefined;
    },
  };
}
