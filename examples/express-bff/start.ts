/**
 * `npm run example:server`: the simulator (a local Okta org with a virtual Okta Verify) and the
 * example app, in one process. Ports: `npm run example:server -- --port 3001 --sim-port 8788`, or
 * PORT (default 3000) and OV_SIM_PORT (default 8787; SIM_PORT also works).
 *
 * Several processes behind a load balancer: each with REDIS_URL (or `--redis-url`), the same
 * CSRF_SECRET, and OKTA_ISSUER (a real org, or one simulator started with `npm run sim`), so none
 * starts a simulator of its own. OKTA_CLIENT_ID, OKTA_CLIENT_SECRET and OKTA_REDIRECT_URI default
 * to the simulator's seeded web app.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { startSimulator, DEMO_PASSWORD, SERVER_CLIENT_ID, SERVER_CLIENT_SECRET } from 'ov-sim';
import type { RunningSimulator } from 'ov-sim';
import { exitIfPortTaken, portOption } from '../../scripts/ports.ts';
import { SERVER_TIMEOUTS } from '../../src/server/index.ts';
import { createApp } from './server.ts';

const COMMAND = 'npm run example:server';
const env = process.env;
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string' }, 'sim-port': { type: 'string' }, 'redis-url': { type: 'string' } },
});
const redisUrl = values['redis-url'] ?? env.REDIS_URL;
if (redisUrl && !env.CSRF_SECRET) {
  console.error(`${COMMAND}: with Redis, set CSRF_SECRET (32 characters or more), the same in every process.`);
  process.exit(2);
}
const app = portOption({ flag: '--port', given: values.port, env: 'PORT', fallback: 3000 });
const appPort = app.port;

/** The org: OKTA_ISSUER's, or a simulator of this process's own that registers this port's redirect URI. */
async function org(): Promise<{ issuer: string; redirectUri: string; sim?: RunningSimulator }> {
  if (env.OKTA_ISSUER) {
    return { issuer: env.OKTA_ISSUER, redirectUri: env.OKTA_REDIRECT_URI ?? 'http://localhost:3000/login/callback' };
  }
  const simPort = portOption({
    flag: '--sim-port',
    given: values['sim-port'] ?? env.SIM_PORT,
    env: 'OV_SIM_PORT',
    fallback: 8787,
  });
  const redirectUri = `http://localhost:${appPort}/login/callback`;
  // The seeded confidential client registers port 3000's URI; another PORT registers its own.
  const sim = await startSimulator({
    port: simPort.port,
    config: { redirectUris: { [SERVER_CLIENT_ID]: [redirectUri] } },
  }).catch((error: unknown) => exitIfPortTaken(error, simPort, 'the Okta org simulator', COMMAND));
  return { issuer: sim.issuer, redirectUri, sim };
}

const { issuer, redirectUri, sim } = await org();
const redis = redisUrl ? await createClient({ url: redisUrl }).connect() : undefined;
const closeAll = () => Promise.all([sim?.close(), redis?.close()]);
const example = createApp({
  issuer,
  clientId: env.OKTA_CLIENT_ID ?? SERVER_CLIENT_ID,
  clientSecret: env.OKTA_CLIENT_SECRET ?? SERVER_CLIENT_SECRET,
  redirectUri,
  ...(redis && { redis }),
  ...(env.CSRF_SECRET && { csrfSecret: env.CSRF_SECRET }),
});
// Express 5 hands a listen error to this callback (and, before, printed the addresses all the same).
const server = example.listen(appPort, '127.0.0.1', (error?: Error) => {
  if (error) {
    void closeAll().then(() => exitIfPortTaken(error, app, 'the example app', COMMAND));
    return;
  }
  const { port } = server.address() as AddressInfo;
  const sessions = redisUrl ? `in Redis at ${new URL(redisUrl).host}` : 'in this process (REDIS_URL to share them)';
  console.log(`
Example app (server mode):   http://localhost:${port}/
Sessions:                    ${sessions}`);
  if (!sim) {
    console.log(`Okta org:                    ${issuer}\n`);
    return;
  }
  console.log(`Simulator and virtual phone: ${sim.url}/sim/   (approve pushes, read codes, scan a QR code, open activation links)

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
    void closeAll().then(() => process.exit(0));
  });
}
