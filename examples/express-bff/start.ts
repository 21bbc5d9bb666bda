/**
 * `npm run example:server`: the simulator (a local Okta org with a virtual Okta Verify) and the
 * example app, in one process. Ports: `npm run example:server -- --port 3001 --sim-port 8788`, or
 * PORT (default 3000) and OV_SIM_PORT (default 8787; SIM_PORT also works).
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startSimulator, DEMO_PASSWORD, SERVER_CLIENT_ID, SERVER_CLIENT_SECRET } from 'ov-sim';
import { exitIfPortTaken, portOption } from '../../scripts/ports.ts';
import { SERVER_TIMEOUTS } from '../../src/server/index.ts';
import { createApp } from './server.ts';

const COMMAND = 'npm run example:server';
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string' }, 'sim-port': { type: 'string' } },
});
const app = portOption({ flag: '--port', given: values.port, env: 'PORT', fallback: 3000 });
const simPort = portOption({
  flag: '--sim-port',
  given: values['sim-port'] ?? process.env.SIM_PORT,
  env: 'OV_SIM_PORT',
  fallback: 8787,
});
const appPort = app.port;

const redirectUri = `http://localhost:${appPort}/login/callback`;
// The seeded confidential client registers port 3000's URI; another PORT registers its own.
const sim = await startSimulator({
  port: simPort.port,
  config: { redirectUris: { [SERVER_CLIENT_ID]: [redirectUri] } },
}).catch((error: unknown) => exitIfPortTaken(error, simPort, 'the Okta org simulator', COMMAND));
const example = createApp({
  issuer: sim.issuer,
  clientId: SERVER_CLIENT_ID,
  clientSecret: SERVER_CLIENT_SECRET,
  redirectUri,
});
// Express 5 hands a listen error to this callback (and, before, printed the addresses all the same).
const server = example.listen(appPort, '127.0.0.1', (error?: Error) => {
  if (error) {
    void sim.close().then(() => exitIfPortTaken(error, app, 'the example app', COMMAND));
    return;
  }
  const { port } = server.address() as AddressInfo;
  console.log(`
Example app (server mode):   http://localhost:${port}/
Simulator and virtual phone: ${sim.url}/sim/   (approve pushes, read codes, scan a QR code, open activation links)

Users (password ${DEMO_PASSWORD}):
  push@example.com     Okta Verify push      number@example.com   push with number challenge
  totp@example.com     Okta Verify code      enroll@example.com   enrols Okta Verify (QR)
`);
});

// Slow clients cannot hold connections: bounded header, request and keep-alive times.
Object.assign(server, SERVER_TIMEOUTS);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void sim.close().then(() => process.exit(0));
  });
}
