import type { SimSettings } from '../config.ts';
import { challengeValue } from '../idx/fastpass.ts';
import type { SimStore } from '../state/store.ts';
import type { FastPassChallenge } from '../state/types.ts';

/**
 * What the /sim/ page shows: users, their devices (with the desktop app of a FastPass device), live
 * transactions, pending pushes, FastPass challenges waiting for a link to be opened, the outbox. No secrets.
 */
export function stateView(store: SimStore, settings: SimSettings, origin: string) {
  const now = Date.now();
  return {
    users: [...store.users.values()].map((u) => ({
      login: u.config.login,
      name: `${u.config.firstName} ${u.config.lastName}`,
      methods: u.config.methods,
      numberChallenge: u.config.numberChallenge,
      lockedOut: u.lockedUntil > now,
      devices: store.devicesOf(u.config.login).map((d) => ({
        id: d.id,
        name: d.name,
        createdAt: new Date(d.createdAt).toISOString(),
        ...(d.desktop && { desktop: store.desktopApps.state(d.id) }),
      })),
    })),
    transactions: store.transactions().map((tx) => ({
      login: tx.login ?? null,
      step: tx.step.name,
      createdAt: new Date(tx.createdAt).toISOString(),
      expiresInSeconds: Math.round((tx.expiresAt - now) / 1000),
    })),
    pushes: [...store.pushes.values()]
      .filter((p) => p.status === 'pending' && p.expiresAt > now)
      .map((p) => ({
        id: p.id,
        deviceIds: p.deviceIds,
        numberChallenge: p.correctAnswer !== undefined,
        expiresInSeconds: Math.round((p.expiresAt - now) / 1000),
      })),
    fastPass: [...store.fastPass.values()]
      // Loopback and the SSO extension need no one to open a link: the page reaches Okta Verify itself.
      .filter((c) => c.method !== 'LOOPBACK' && c.method !== 'APPLE_SSO_EXTENSION' && waitedFor(store, c, now))
      .map((c) => ({
        id: c.id,
        login: c.login || null,
        method: c.method,
        // What the page opened: the operating system hands it to Okta Verify (`POST …/devices/<id>/open`).
        href: challengeValue(c, settings, origin, {}).href as string,
        // Before identify any desktop app may answer; after, those of the user's devices.
        deviceIds: (c.login ? store.devicesOf(c.login) : [...store.devices.values()])
          .filter((d) => d.desktop)
          .map((d) => d.id),
        expiresInSeconds: Math.round((c.expiresAt - now) / 1000),
      })),
    outbox: store.outbox,
  };
}

/** Pending, unexpired, and still the challenge its sign-in polls for (not one a cancel or fallback replaced). */
function waitedFor(store: SimStore, challenge: FastPassChallenge, now: number): boolean {
  if (challenge.status !== 'pending' || challenge.expiresAt <= now) return false;
  const step = store.transactionByInteractionHandle(challenge.interactionHandle)?.step;
  return step !== undefined && 'challengeId' in step && step.challengeId === challenge.id;
}
