/** `ov-sim` as a user runs it: the server on a free port, then the device subcommands against it. */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { identify, pollWhile, startPush } from './support/flows.ts';
import { assertStep, currentContextualData } from './support/idx-assert.ts';
import { createAuthClient, type OrgAddress } from './support/sdk-client.ts';
import { verifyTokens } from './support/token-verifier.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = [process.execPath, '--import', 'tsx', 'sim/cli.ts'] as const;
const dir = mkdtempSync(join(tmpdir(), 'ov-sim-cli-'));

let server: ChildProcess;
let org: OrgAddress;

/** Starts `ov-sim --port 0` and reads the address it prints. */
before(async () => {
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ testing: true }));
  server = spawn(CLI[0], [...CLI.slice(1), '--port', '0', '--config', configFile], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  for await (const chunk of server.stdout!) {
    printed += String(chunk);
    const issuer = /issuer\s+(\S+)/.exec(printed)?.[1];
    const clientId = /client id\s+(\S+)/.exec(printed)?.[1];
    const url = /listening on (\S+)/.exec(printed)?.[1];
    if (issuer && clientId && url) {
      org = { url, issuer, clientId };
      break;
    }
  }
  assert.ok(org, `ov-sim printed no address: ${printed}`);
});

after(async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function ovSim(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(CLI[0], [...CLI.slice(1), ...args, '--url', org.url], {
      cwd: REPO,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function ovSimJson<T>(...args: string[]): Promise<T> {
  const run = await ovSim(...args);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

test('ov-sim --port 0 serves an org on the port it picked', async () => {
  assert.match(org.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(new URL(org.url).port, '0');
  assert.equal(org.issuer, `${org.url}/oauth2/default`);
  const discovery = (await (await fetch(`${org.issuer}/.well-known/openid-configuration`)).json()) as {
    issuer: string;
  };
  assert.equal(discovery.issuer, org.issuer);
});

test('ov-sim device list and approve complete a push sign-in; totp prints a code', async () => {
  const { deviceIds } = await ovSimJson<{ deviceIds: string[] }>('device', 'list', 'push@example.com');
  assert.equal(deviceIds.length, 1);
  const [deviceId] = deviceIds;
  assert.ok(deviceId);

  const auth = createAuthClient(org);
  await startPush(auth, 'push@example.com');
  assert.deepEqual(await ovSimJson('device', 'approve', deviceId), { result: 'approved' });
  const done = await pollWhile(auth, 'challenge-poll');
  assert.equal(done.status, 'SUCCESS');
  await verifyTokens(org, done.tokens, 'push@example.com');

  const totp = await ovSimJson<{ code: string; expiresIn: number }>('device', 'totp', deviceId);
  assert.match(totp.code, /^\d{6}$/);

  const nothingPending = await ovSim('device', 'approve', deviceId);
  assert.equal(nothingPending.code, 1);
  assert.match(nothingPending.stderr, /No pending push/);
});

test('ov-sim device enroll --qr @file enrolls from the QR the browser got; reset forgets it', async () => {
  const auth = createAuthClient(org);
  assertStep(await identify(auth, 'enroll@example.com'), 'select-authenticator-enroll');
  const enrolling = await auth.idx.proceed({ step: 'select-authenticator-enroll', authenticator: 'okta_verify' });
  const qrFile = join(dir, 'qr.txt');
  writeFileSync(qrFile, currentContextualData(enrolling).qrcode!.href);

  const { deviceId } = await ovSimJson<{ deviceId: string }>('device', 'enroll', '--qr', `@${qrFile}`);
  assert.match(deviceId, /^pfd/);
  assert.equal((await pollWhile(auth, 'enroll-poll')).status, 'SUCCESS');

  assert.deepEqual(await ovSimJson('reset'), { ok: true });
  assert.deepEqual(await ovSimJson('device', 'list', 'enroll@example.com'), { deviceIds: [] });
});

test('ov-sim clients: lists the seeded clients; register adds an exact redirect URI', async () => {
  const uri = 'http://localhost:4173/callback';
  const before =
    await ovSimJson<Array<{ clientId: string; redirectUris: string[]; tokenEndpointAuthMethod: string }>>('clients');
  assert.deepEqual(
    before.map((c) => [c.clientId, c.tokenEndpointAuthMethod]),
    [
      ['ov-demo', 'none'],
      ['ov-server', 'client_secret_basic'],
    ],
  );
  assert.ok(!before[0]!.redirectUris.includes(uri));
  const after = await ovSimJson<Array<{ clientId: string; redirectUris: string[] }>>(
    'clients',
    'register',
    'ov-demo',
    uri,
  );
  assert.ok(after.find((c) => c.clientId === 'ov-demo')!.redirectUris.includes(uri));
  const refused = await ovSim('clients', 'register', 'ov-demo', 'not a uri');
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /not an absolute URI/);
});
