import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, startSimulator, type RunningSimulator } from 'ov-sim';
import { IdxTransaction } from 'ov-sim/idx-driver';

/** Bounded, loopback only: a thousand sign-ins waiting on a push at once, none lost or crossed. */
const TRANSACTIONS = 1000;
const LOGIN = 'push@example.com';

/**
 * Requests in flight at once. The thousand transactions all wait in the simulator together; only
 * their HTTP requests queue. A thousand connects at once overflow the listen backlog, and on a loaded
 * machine the retried connects time out ("fetch failed").
 */
const IN_FLIGHT = 32;
const unboundedFetch = globalThis.fetch;
let inFlight = 0;
const waiting: Array<() => void> = [];

/** fetch with at most IN_FLIGHT requests open, each holding its slot until its body is read. */
async function boundedFetch(...args: Parameters<typeof fetch>): Promise<Response> {
  while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    const response = await unboundedFetch(...args);
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

let sim: RunningSimulator;
before(async () => {
  globalThis.fetch = boundedFetch;
  // Long push lifetime: the run must not race the expiry on a slow machine.
  sim = await startSimulator({ port: 0, config: { testing: true, settings: { pushLifetimeMs: 120_000 } } });
});
after(async () => {
  globalThis.fetch = unboundedFetch;
  await sim.close();
});

async function toChallengePoll(): Promise<IdxTransaction> {
  const tx = await IdxTransaction.start(sim);
  await tx.proceed('identify', { identifier: LOGIN, credentials: { passcode: DEMO_PASSWORD } });
  const reply = await tx.proceed('select-authenticator-authenticate', {
    authenticator: { id: tx.oktaVerifyId(), methodType: 'push' },
  });
  assert.ok(
    reply.body.remediation?.value.some((r) => r.name === 'challenge-poll'),
    `status ${reply.status}`,
  );
  return tx;
}

async function control<T>(method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${sim.url}/sim/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return (await response.json()) as T;
}

test(
  `${TRANSACTIONS} concurrent transactions polling at once: every one is approved and redeemed once`,
  { timeout: 10 * 60_000 },
  async () => {
    const transactions = await Promise.all(Array.from({ length: TRANSACTIONS }, toChallengePoll));
    const handles = new Set(transactions.map((tx) => tx.interactionHandle));
    assert.equal(handles.size, TRANSACTIONS);

    const waiting = await Promise.all(transactions.map((tx) => tx.proceed('challenge-poll')));
    assert.ok(
      waiting.every((r) => r.status === 200 && r.body.remediation?.value.some((f) => f.name === 'challenge-poll')),
    );

    const [deviceId] = (await control<{ deviceIds: string[] }>('GET', `/users/${LOGIN}/devices`)).deviceIds;
    const { pushes } = await control<{ pushes: Array<{ id: string }> }>('GET', `/devices/${deviceId}/pushes`);
    assert.equal(pushes.length, TRANSACTIONS);
    const answers = await Promise.all(
      pushes.map((p) =>
        control<{ result: string }>('POST', `/devices/${deviceId}/pushes/${p.id}`, { action: 'approve' }),
      ),
    );
    assert.ok(answers.every((a) => a.result === 'approved'));

    const done = await Promise.all(transactions.map((tx) => tx.proceed('challenge-poll')));
    const codes = done.map(
      (r) => r.body.successWithInteractionCode?.value.find((f) => f.name === 'interaction_code')?.value,
    );
    assert.equal(codes.filter(Boolean).length, TRANSACTIONS);
    assert.equal(new Set(codes).size, TRANSACTIONS);

    const tokens = await Promise.all(transactions.map((tx) => tx.token()));
    assert.equal(tokens.filter((t) => t.status === 200).length, TRANSACTIONS);
  },
);
