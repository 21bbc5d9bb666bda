/**
 * `npm run example:server`: the simulator (a local Okta org with a virtual Okta Verify) and the
 * example app, in one process. Ports: SIM_PORT (default 8787) and PORT (default 3000).
 */
import { startSimulator, DEMO_PASSWORD, SERVER_CLIENT_ID, SERVER_CLIENT_SECRET } from 'ov-sim';
import { SERVER_TIMEOUTS } from '../../src/server/index.ts';
import { createApp } from './server.ts';

const simPort = Number(process.env.SIM_PORT ?? 8787);
const appPort = Number(process.env.PORT ?? 3000);

const redirectUri = `http://localhost:${appPort}/login/callback`;
// The seeded confidential client registers port 3000's URI; another PORT registers its own.
const sim = await startSimulator({ port: simPort, config: { redirectUris: { [SERVER_CLIENT_ID]: [redirectUri] } } });
const app = createApp({
  issuer: sim.issuer,
  clientId: SERVER_CLIENT_ID,
  clientSecret: SERVER_CLIENT_SECRET,
  redirectUri,
});
const server = app.listen(appPort, '127.0.0.1', () => {
  console.log(`
Example app (server mode):   http://localhost:${appPort}/
Simulator and virtual phone: ${sim.url}/sim/   (approve pushes, read codes, scan QR codes)

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
