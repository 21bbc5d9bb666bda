/**
 * Server mode at scale: three app processes (the Node adapter) sharing one redis-server behind
 * nginx's round robin, no sticky sessions, so consecutive requests of a sign-in land on different
 * processes. 100 concurrent push sign-ins against the simulator must all complete, each with its
 * own user's token, each with exactly one onSuccess; then Redis restarts mid-run (sign-ins continue
 * or start again, never as another user); then one process is killed mid-run (its sign-ins go on
 * on the others; only those whose tokens died with it start again). bench/server-scale.ts runs the same with 1,000.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { redisSkip } from './support/redis-server.ts';
import { nginxSkip } from './support/scale/nginx.ts';
import { audit, runSignIns, startScaleSimulator, startStack, until } from './support/scale/stack.ts';
import type { RunResult, Stack } from './support/scale/stack.ts';

const SIGN_INS = 100;
const APPS = 3;
/** Short, so a killed holder's lock frees soon; requests take far less. */
const LOCK_TTL_MS = 2000;
const skip = redisSkip || nginxSkip;

let sim: RunningSimulator;
let stack: Stack;

before(async () => {
  if (skip) return;
  sim = await startScaleSimulator(SIGN_INS);
  stack = await startStack(sim, APPS, LOCK_TTL_MS);
});
after(async () => {
  await stack?.close();
  await sim?.close();
});

/** A fresh org and no earlier onSuccess: each scenario is judged on its own. */
async function freshRun(during?: () => Promise<void>): Promise<RunResult> {
  await new ControlApi(sim).reset();
  stack.successes.length = 0;
  return runSignIns(stack, SIGN_INS, { during });
}

function summary(result: RunResult): string {
  const kinds = new Map<string, number>();
  for (const problem of result.outcomes.flatMap((o) => o.problems)) kinds.set(problem, (kinds.get(problem) ?? 0) + 1);
  const resumed = result.outcomes.filter((o) => o.resumed > 0).length;
  const again = result.outcomes.filter((o) => o.startedAgain > 0).length;
  const errors = new Map<string, number>();
  for (const error of stack.apps.flatMap((app) => app.errors.splice(0)))
    errors.set(error.slice(0, 120), (errors.get(error.slice(0, 120)) ?? 0) + 1);
  return `${result.outcomes.length} sign-ins in ${result.seconds.toFixed(1)} s; ${resumed} resumed, ${again} started again; problems: ${JSON.stringify(Object.fromEntries(kinds))}; reported by the apps: ${JSON.stringify(Object.fromEntries(errors))}`;
}

test(
  `${SIGN_INS} concurrent sign-ins through nginx over ${APPS} processes and one Redis: none lost, none mixed, one onSuccess each`,
  { skip },
  async (t) => {
    const result = await freshRun();
    t.diagnostic(summary(result));
    const { lost, mixed, notOnce, orphans } = audit(result, stack.successes);
    assert.deepEqual(
      lost.map((o) => `${o.login}: ${o.lost}`),
      [],
      'lost',
    );
    assert.deepEqual(mixed, [], 'mixed');
    assert.deepEqual(notOnce, [], 'exactly one onSuccess per sign-in');
    assert.deepEqual(orphans, [], 'no onSuccess without its sign-in');
    assert.equal(stack.successes.length, SIGN_INS);
    // Every request was answered by a process that saw its session: nothing but 200s, nothing resumed.
    assert.deepEqual(
      result.timings.filter((call) => call.status !== 200),
      [],
    );
    const served = await Promise.all(stack.apps.map((app) => app.served()));
    t.diagnostic(`requests served per process: ${served.join(', ')}`);
    for (const count of served) assert.ok(count > 0, 'every process served requests');
    // Round robin: a sign-in's requests went to more than one process.
    assert.ok(new Set(stack.successes.map((s) => s.app)).size === APPS, 'every process completed sign-ins');
  },
);

test(
  'Redis restarts mid-run (its data gone): each sign-in continues or starts again, never as another user',
  { skip },
  async (t) => {
    const result = await freshRun(async () => {
      await until(() => stack.successes.length >= SIGN_INS / 4, 'a quarter of the sign-ins');
      await stack.redis.restart();
    });
    t.diagnostic(summary(result));
    const { lost, mixed, notOnce } = audit(result, stack.successes);
    assert.deepEqual(mixed, [], 'never a wrong user');
    assert.deepEqual(notOnce, [], 'exactly one onSuccess per sign-in that succeeded');
    // What the pages heard: the session gone (start again), or "try again" while Redis was away.
    const unclear = result.timings.filter((call) => ![200, 403, 404, 502].includes(call.status));
    assert.deepEqual(unclear, [], 'every answer was a step, "start again" or "try again"');
    assert.deepEqual(
      lost.map((o) => `${o.login}: ${o.lost}`),
      [],
      'after starting again, every sign-in completed',
    );
    assert.ok(
      result.outcomes.some((o) => o.startedAgain > 0),
      'the restart did end sessions in progress',
    );
  },
);

test('one app process killed mid-run: the sign-ins it was serving go on on the others', { skip }, async (t) => {
  const [victim, ...survivors] = stack.apps as [Stack['apps'][number], ...Stack['apps']];
  let servedAtKill: number[] = [];
  const result = await freshRun(async () => {
    await until(() => stack.successes.length >= SIGN_INS / 4, 'a quarter of the sign-ins');
    servedAtKill = await Promise.all(survivors.map((app) => app.served()));
    await victim.kill();
  });
  t.diagnostic(summary(result));
  const { lost, mixed, notOnce, orphans } = audit(result, stack.successes);
  t.diagnostic(`onSuccess calls whose answer died with the process: ${orphans.length}`);
  assert.deepEqual(
    lost.map((o) => `${o.login}: ${o.lost}`),
    [],
    'lost',
  );
  assert.deepEqual(mixed, [], 'mixed');
  assert.deepEqual(notOnce, [], 'exactly one onSuccess per sign-in');
  // A step Okta took just before the process died is found by the resume, never refused as stale.
  assert.deepEqual(
    result.timings.filter((call) => call.status === 400),
    [],
  );
  const servedAfter = await Promise.all(survivors.map((app) => app.served()));
  survivors.forEach((_, i) => assert.ok(servedAfter[i]! > servedAtKill[i]!, 'the survivors took over'));
  assert.ok(
    stack.successes.filter((s) => s.app !== victim.index).length >= (SIGN_INS * 3) / 4 - orphans.length,
    'the survivors completed the rest',
  );
});
