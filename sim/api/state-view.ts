import type { SimStore } from '../state/store.ts';

/** What the /sim/ page shows: users, their devices, live transactions, pending pushes, the outbox. No secrets. */
export function stateView(store: SimStore) {
  const now = Date.now();
  return {
    users: [...store.users.values()].map((u) => ({
      login: u.config.login,
      name: `${u.config.firstName} ${u.config.lastName}`,
      methods: u.config.methods,
      numberChallenge: u.config.numberChallenge,
      lockedOut: u.lockedUntil > now,
      devices: store
        .devicesOf(u.config.login)
        .map((d) => ({ id: d.id, name: d.name, createdAt: new Date(d.createdAt).toISOString() })),
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
    outbox: store.outbox,
  };
}
