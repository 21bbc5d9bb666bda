// `npm start`: the Okta org simulator with its virtual device, and vite serving the demo page.
// Ports: `npm start -- --port 5174 --sim-port 8788`, or OV_DEMO_PORT and OV_SIM_PORT.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { portOption, exitIfPortTaken } from './ports.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string' }, 'sim-port': { type: 'string' } },
});
const demoPort = portOption({ flag: '--port', given: values.port, env: 'OV_DEMO_PORT', fallback: 5173 });
const simPort = portOption({ flag: '--sim-port', given: values['sim-port'], env: 'OV_SIM_PORT', fallback: 8787 });

const sim = await startSimulator({ port: simPort.port }).catch((error: unknown) =>
  exitIfPortTaken(error, simPort, 'the Okta org simulator', 'npm start'),
);
process.env.OV_SIM_URL = sim.url;
// A port asked for is kept to (or refused, saying so); the default moves on to the next free one.
const vite = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: { port: demoPort.port, strictPort: demoPort.chosen },
});
await vite.listen().catch(async (error: unknown) => {
  await sim.close();
  return exitIfPortTaken(error, demoPort, 'the demo page', 'npm start');
});

const demoUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demoPort.port}/`;
// The seeded client registers 5173's callback; if vite took another port, register that one.
await new ControlApi(sim).registerRedirectUris(sim.clientId, [new URL('/login/callback', demoUrl).href]);
console.log(`
  Demo                 ${demoUrl}
  Okta org simulator   ${sim.url}/sim/   (issuer ${sim.issuer}, client id ${sim.clientId})
  Password of every demo user: Ov-Demo-2026!   Ctrl+C stops both.
`);

const stop = () => void Promise.all([vite.close(), sim.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
