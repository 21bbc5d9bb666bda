// Starts an Okta org simulator on a free port for the browser tests and hands its URL to them
// through the `sim-url` server command. wtr runs under `tsx`, so the TypeScript sources load directly.
export function simulatorPlugin() {
  let sim;
  return {
    name: 'ov-simulator',
    /** The running simulator's URL, for the server side (the CSP of the hostile pages names it). */
    get url() {
      return sim?.url;
    },
    async serverStart() {
      const { startSimulator } = await import('../../sim/index.ts');
      sim = await startSimulator({ port: 0, config: { testing: true } });
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
