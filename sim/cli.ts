import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ControlApi } from './client.ts';
import { startSimulator } from './index.ts';
import { isLoopbackHost } from './http/request-guard.ts';

const USAGE = `ov-sim: a local Okta org with a virtual Okta Verify device

  ov-sim [--port 8787] [--host 127.0.0.1] [--allowed-host NAME]... [--config FILE] [--data FILE]
  (--port defaults to $OV_SIM_PORT, else 8787; --port 0 picks a free port)

The virtual device, against a running simulator (--url, default http://127.0.0.1:8787):
  ov-sim device list <login>                      device ids of a user
  ov-sim device enroll --qr <data URI | @file>    scan an enrollment QR code
  ov-sim device enroll --link <activation link>   tap an activation link
  ov-sim device pushes <deviceId>                 pending pushes
  ov-sim device approve <deviceId> [pushId] [--number N]
  ov-sim device reject <deviceId> [pushId]
  ov-sim device expire <deviceId> [pushId]        let the push time out now
  ov-sim device totp <deviceId>                   the current code
  ov-sim outbox                                   emails and SMS sent
  ov-sim clients                                  the OIDC apps and their redirect URIs
  ov-sim clients register <clientId> <uri>...     registers sign-in redirect URIs (exact)
  ov-sim reset                                    back to the configured state`;

/** A mistake of the person running the command: said in one sentence, no stack trace. */
class UsageError extends Error {}

/** `--port`, else OV_SIM_PORT, else 8787; anything but a port number is refused here, not by listen(). */
function portOf(given: string | undefined): number {
  const raw = given ?? process.env.OV_SIM_PORT ?? '8787';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, not "${raw}".`);
  return port;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      config: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const port = portOf(values.port);
  if (!isLoopbackHost(values.host)) {
    // Users' passwords are public and the control API answers pushes: other machines can now sign in as anyone.
    console.warn(
      `ov-sim warning: --host ${values.host} is not a loopback address: other machines on the network can reach this simulator, sign in as its users (their passwords are in its config) and use its control API. It answers only Host names localhost, 127.0.0.1, [::1], ${values.host} and those given with --allowed-host NAME.`,
    );
  }
  const sim = await startSimulator({
    port,
    host: values.host,
    allowedHosts: values['allowed-host'],
    configFile: values.config,
    dataFile: values.data,
  }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    const other = port + 1;
    throw new UsageError(
      `Port ${port} is taken by another program (on ${values.host}), so the simulator cannot start there.\n` +
        `Stop that program, or choose another port: npm run sim -- --port ${other}` +
        `   (or ov-sim --port ${other}, or OV_SIM_PORT=${other}; --port 0 picks a free one).`,
    );
  });
  console.log(
    `ov-sim listening on ${sim.url}\n  issuer     ${sim.issuer}\n  client id  ${sim.clientId}\n  page       ${sim.url}/sim/\n` +
      sim.store.config.clients
        .map(
          (c) => `  client     ${c.clientId} (${c.clientSecret ? `confidential, secret ${c.clientSecret}` : 'public'})`,
        )
        .join('\n'),
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function firstPendingPush(api: ControlApi, deviceId: string): Promise<string> {
  const [push] = await api.pushes(deviceId);
  if (!push) throw new Error('No pending push on this device.');
  return push.id;
}

async function control(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8787' },
      qr: { type: 'string' },
      link: { type: 'string' },
      number: { type: 'string' },
    },
  });
  const api = new ControlApi(values.url);
  const [group, command, given, pushId] = positionals;
  if (group === 'outbox') return api.call('GET', '/outbox');
  if (group === 'clients' && !command) return api.clients();
  if (group === 'clients' && command === 'register' && given)
    return api.registerRedirectUris(given, positionals.slice(3));
  if (group === 'reset') return api.call('POST', '/reset');
  // Every device command but enroll names a user or a device.
  if (group !== 'device' || (command !== 'enroll' && !given)) throw new Error(USAGE);
  const id = given ?? '';
  switch (command) {
    case 'list':
      return api.call('GET', `/users/${encodeURIComponent(id)}/devices`);
    case 'enroll': {
      const qr = values.qr?.startsWith('@') ? readFileSync(values.qr.slice(1), 'utf8').trim() : values.qr;
      return api.call('POST', '/devices/enroll', qr ? { qr } : { link: values.link });
    }
    case 'pushes':
      return api.call('GET', `/devices/${id}/pushes`);
    case 'approve':
    case 'reject':
    case 'expire':
      return api.call('POST', `/devices/${id}/pushes/${pushId ?? (await firstPendingPush(api, id))}`, {
        action: command,
        ...(values.number ? { number: values.number } : {}),
      });
    case 'totp':
      return api.call('GET', `/devices/${id}/totp`);
    default:
      throw new Error(USAGE);
  }
}

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
} else if (argv[0] && !argv[0].startsWith('-')) {
  control(argv).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
} else {
  await serve(argv).catch((error: unknown) => {
    // parseArgs's own errors (an unknown option, a missing value) are usage mistakes too.
    const code = String((error as { code?: unknown }).code);
    if (!(error instanceof UsageError) && !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    console.error((error as Error).message);
    // exit, not exitCode: the seeded devices' loopback servers (FastPass) may already listen.
    process.exit(1);
  });
}
