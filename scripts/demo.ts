// `npm start`: the Okta org simulator with its virtual device, and vite serving the demo page.
import { createServer } from 'vite';
import { startSimulator } from 'ov-sim';

const sim = await startSimulator({ port: Number(process.env.OV_SIM_PORT ?? 8787) });
process.env.OV_SIM_URL = sim.url;
const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await vite.listen();

const demoUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`
  Demo                 ${demoUrl}
  Okta org simulator   ${sim.url}/sim/   (issuer ${sim.issuer}, client id ${sim.clientId})
  Password of every demo user: Ov-Demo-2026!   Ctrl+C stops both.
`);

const stop = () => void Promise.all([vite.close(), sim.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
