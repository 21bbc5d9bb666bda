// `npm start`: the Okta org simulator with its virtual device, and vite serving the demo page.
import { createServer } from 'vite';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';

const sim = await startSimulator({ port: Number(process.env.OV_SIM_PORT ?? 8787) });
process.env.OV_SIM_URL = sim.url;
const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await vite.listen();

const demoUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
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
