import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, startSimulator, type RunningSimulator } from 'ov-sim';
import { IdxTransaction } from 'ov-sim/idx-driver';

/** Bounded, loopback only: a thousand sign-ins waiting on a push at once, none lost or crossed. */
const TRANSACTIONS = 1000;
const LOGIN = 'push@example.com';

let sim: RunningSimulator;
before(async () => {
  // Long push lifetime: the run must not race the expiry on a slow machine.
  sim = await startSimulator({ port: 0, config: { testing: true, settings: { pushLifetimeMs: 120_000 } } });
});
after(() => sim.close());

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
  { timeout: 90_000 },
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
