import type { AddressInfo } from 'node:net';
import { readConfigFile, resolveConfig, DEMO_CLIENT_ID, type ConfigInput } from './config.ts';
import { allowedHostNames } from './http/request-guard.ts';
import { createSimServer } from './http/server.ts';
import { SimStore } from './state/store.ts';

export interface SimulatorOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine. */
  host?: string;
  /**
   * Host names it answers besides localhost, 127.0.0.1, [::1] and `host` (e.g. a LAN name, when
   * `host` is 0.0.0.0). Any other `Host` is refused, against DNS rebinding.
   */
  allowedHosts?: string[];
  /** Users, clients, origins and settings; merged over the defaults. */
  config?: ConfigInput;
  /** A JSON file in the shape of ConfigInput; `config` wins where both say something. */
  configFile?: string;
  /** Keep users, enrollments and the signing key in this file across restarts. */
  dataFile?: string;
}

export interface RunningSimulator {
  /** `http://host:port` */
  url: string;
  /** The `default` authorization server, what the widget's `issuer` should be. */
  issuer: string;
  clientId: string;
  store: SimStore;
  close(): Promise<void>;
}

/** Starts an Okta org simulator and resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const fromFile = options.configFile ? readConfigFile(options.configFile) : {};
  const input: ConfigInput = {
    ...fromFile,
    ...options.config,
    settings: { ...fromFile.settings, ...options.config?.settings },
  };
  const store = await SimStore.open(resolveConfig(input), options.dataFile);
  let url = '';
  const host = options.host ?? '127.0.0.1';
  const server = createSimServer(
    { store, settings: store.config.settings },
    () => url,
    allowedHostNames(host, options.allowedHosts),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    issuer: `${url}/oauth2/default`,
    clientId: DEMO_CLIENT_ID,
    store,
    close: async () => {
      await store.desktopApps.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export {
  resolveConfig,
  DEMO_CLIENT_ID,
  SERVER_CLIENT_ID,
  SERVER_CLIENT_SECRET,
  SEEDED_REDIRECT_URIS,
  type ClientConfig,
  type ClientInput,
  DEMO_PASSWORD,
  type ConfigInput,
  type SimSettings,
  type UserConfig,
} from './config.ts';
