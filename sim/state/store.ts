import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { DesktopApps } from '../device/desktop-app.ts';
import type { SimConfig } from '../config.ts';
import { FaultPlan } from '../faults/rules.ts';
import { generateTotpSecret } from '../crypto/totp.ts';
import { oktaId, randomToken } from '../crypto/ids.ts';
import { createSigningKey, exportSigningKey, importSigningKey, type SigningKey } from '../crypto/jwt.ts';
import { DeviceMap, PushMap } from './indexed-maps.ts';
import type {
  Device,
  FastPassChallenge,
  OutboxMessage,
  RefreshGrant,
  RequestRecord,
  Transaction,
  UserState,
} from './types.ts';

/**
 * What `--data FILE` keeps across restarts: who the users are and what they enrolled, the signing
 * key, and the token state that must outlive a restart as it outlives one at Okta: refresh tokens
 * still valid, and revoked access tokens until they would have expired.
 */
interface PersistedData {
  users: Array<{ login: string; id: string }>;
  devices: Device[];
  signingKey: { privatePem: string };
  refreshTokens?: RefreshGrant[];
  /** [jti, the token's own expiry (seconds)]. */
  revokedAccessTokens?: Array<[string, number]>;
}

const REQUEST_LOG_LIMIT = 10_000;
/** The log is cut back to its limit once this many more have come: cutting at every request moved 10,000 entries each time. */
const REQUEST_LOG_SLACK = 1_000;
/** Expired transactions and pushes are swept at most this often (each sweep visits them all). */
const SWEEP_INTERVAL_MS = 1_000;

/** All simulator state, in memory; users, devices and the signing key optionally in a data file. */
export class SimStore {
  readonly users = new Map<string, UserState>();
  readonly devices = new DeviceMap();
  readonly pushes = new PushMap();
  readonly fastPass = new Map<string, FastPassChallenge>();
  /** Okta Verify's desktop app on each FastPass device: its loopback server, on or off. */
  readonly desktopApps = new DesktopApps(this);
  readonly outbox: OutboxMessage[] = [];
  readonly requests: RequestRecord[] = [];
  /**
   * Access tokens revoked before they expired, by `jti`, with that expiry in seconds (the tokens
   * themselves are signed JWTs, kept nowhere). Use revokeAccessTokens().
   */
  readonly revokedAccessTokens = new Map<string, number>();
  /** Refresh tokens issued, by token. */
  readonly refreshTokens = new Map<string, RefreshGrant>();
  /** Faults to inject; starts from the config's and goes back to them on reset. */
  readonly faults = new FaultPlan();
  signingKey: SigningKey;
  private readonly byStateHandle = new Map<string, Transaction>();
  private readonly byInteractionHandle = new Map<string, Transaction>();
  private requestSeq = 0;
  private lastSweep = 0;

  /** The data file's users, devices and signing key if it has them; else the configured users and a new key. */
  static async open(config: SimConfig, dataFile?: string): Promise<SimStore> {
    const saved =
      dataFile && existsSync(dataFile) ? (JSON.parse(readFileSync(dataFile, 'utf8')) as PersistedData) : undefined;
    const signingKey = saved ? await importSigningKey(saved.signingKey) : await createSigningKey();
    return new SimStore(config, signingKey, await exportSigningKey(signingKey), dataFile, saved);
  }

  private constructor(
    readonly config: SimConfig,
    signingKey: SigningKey,
    /** What save() writes of the key (exporting it is asynchronous, saving is not). */
    private readonly savedSigningKey: PersistedData['signingKey'],
    private readonly dataFile?: string,
    saved?: PersistedData,
  ) {
    this.signingKey = signingKey;
    if (saved) this.load(saved);
    else this.seed();
    this.faults.replace(config.faults);
  }

  /** Back to the configured users and devices; transactions, pushes and outbox emptied. */
  reset(): void {
    this.byStateHandle.clear();
    this.byInteractionHandle.clear();
    this.pushes.clear();
    this.fastPass.clear();
    void this.desktopApps.closeAll();
    this.revokedAccessTokens.clear();
    this.refreshTokens.clear();
    this.outbox.length = 0;
    this.requests.length = 0;
    this.faults.replace(this.config.faults);
    this.seed();
    this.save();
  }

  private seed(): void {
    this.users.clear();
    this.devices.clear();
    for (const config of this.config.users) {
      this.users.set(config.login, {
        id: oktaId('00u'),
        config,
        totpFailures: 0,
        lockedUntil: 0,
        createdAt: Date.now(),
      });
      if (config.desktop) this.addDevice(config.login, 'Virtual desktop', true);
      else if (config.enrolled) this.addDevice(config.login, 'Virtual Okta Verify');
    }
  }

  private load(saved: PersistedData): void {
    const ids = new Map(saved.users.map((u) => [u.login, u.id]));
    for (const config of this.config.users) {
      this.users.set(config.login, {
        id: ids.get(config.login) ?? oktaId('00u'),
        config,
        totpFailures: 0,
        lockedUntil: 0,
        createdAt: Date.now(),
      });
    }
    for (const device of saved.devices) {
      if (this.users.has(device.login)) this.devices.set(device.id, device);
    }
    for (const grant of saved.refreshTokens ?? []) this.refreshTokens.set(grant.token, grant);
    for (const [jti, exp] of saved.revokedAccessTokens ?? []) this.revokedAccessTokens.set(jti, exp);
  }

  /** Revokes access tokens (`exp`: when they expire anyway, seconds) and keeps that across restarts. */
  revokeAccessTokens(jtis: readonly string[], exp: number): void {
    for (const jti of jtis) this.revokedAccessTokens.set(jti, exp);
    this.save();
  }

  /** Written atomically, so a crash never leaves half a file. */
  save(): void {
    if (!this.dataFile) return;
    const now = Date.now() / 1000;
    const data: PersistedData = {
      users: [...this.users.values()].map((u) => ({ login: u.config.login, id: u.id })),
      devices: [...this.devices.values()],
      signingKey: this.savedSigningKey,
      refreshTokens: [...this.refreshTokens.values()].filter((grant) => grant.exp > now),
      revokedAccessTokens: [...this.revokedAccessTokens].filter(([, exp]) => exp > now),
    };
    writeFileSync(`${this.dataFile}.tmp`, JSON.stringify(data, null, 2));
    renameSync(`${this.dataFile}.tmp`, this.dataFile);
  }

  user(login: string | undefined): UserState | undefined {
    return login === undefined ? undefined : this.users.get(login.trim().toLowerCase());
  }

  devicesOf(login: string): Device[] {
    return this.devices.of(login);
  }

  addDevice(login: string, name: string, desktop = false): Device {
    const device: Device = {
      id: oktaId('pfd'),
      login,
      name,
      secret: generateTotpSecret(),
      createdAt: Date.now(),
      lastTotpCounter: -1,
      ...(desktop && { desktop: deviceKeyPair() }),
    };
    this.devices.set(device.id, device);
    this.save();
    return device;
  }

  addTransaction(tx: Transaction): void {
    this.sweepExpired();
    this.byStateHandle.set(tx.stateHandle, tx);
    this.byInteractionHandle.set(tx.interactionHandle, tx);
  }

  transactionByStateHandle(handle: unknown): Transaction | undefined {
    return typeof handle === 'string' ? this.live(this.byStateHandle.get(handle)) : undefined;
  }

  transactionByInteractionHandle(handle: unknown): Transaction | undefined {
    return typeof handle === 'string' ? this.live(this.byInteractionHandle.get(handle)) : undefined;
  }

  /** Cancel starts a new transaction under a new state handle, as Okta does. */
  renewStateHandle(tx: Transaction): void {
    this.byStateHandle.delete(tx.stateHandle);
    tx.stateHandle = newStateHandle();
    this.byStateHandle.set(tx.stateHandle, tx);
  }

  transactions(): Transaction[] {
    return [...this.byStateHandle.values()].filter((tx) => this.live(tx));
  }

  private live(tx: Transaction | undefined): Transaction | undefined {
    return tx && tx.expiresAt > Date.now() ? tx : undefined;
  }

  private sweepExpired(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [handle, tx] of this.byStateHandle) {
      if (tx.expiresAt > now) continue;
      this.byStateHandle.delete(handle);
      this.byInteractionHandle.delete(tx.interactionHandle);
    }
    for (const [id, push] of this.pushes) if (push.expiresAt < now - 60_000) this.pushes.delete(id);
  }

  recordRequest(record: Omit<RequestRecord, 'seq'>): void {
    this.requests.push({ seq: ++this.requestSeq, ...record });
    if (this.requests.length > REQUEST_LOG_LIMIT + REQUEST_LOG_SLACK)
      this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);
  }
}

/** The key Okta Verify keeps on a computer for FastPass; Okta holds the public half. */
function deviceKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Okta's current handles look like `02` + 40 url-safe characters. */
export function newStateHandle(): string {
  return `02${randomToken(30)}`;
}
