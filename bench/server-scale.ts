/**
 * Server mode at scale: 1,000 concurrent push sign-ins through nginx (round robin, no sticky
 * sessions) to 1 and then 3 app processes (the Node adapter, test/server/support/scale/) sharing one
 * redis-server, against the simulator in its own process. Sign-ins per second, p50/p99 of each API
 * call, and the checks of the scale test (none lost, none mixed, one onSuccess each).
 *
 * `npm run bench` includes it; `npx tsx --conditions=ov-sim-source bench/server-scale.ts` runs it
 * alone and writes its section of BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ControlApi } from 'ov-sim/client';
import { audit, runSignIns, scaleUsers, startStack } from '../test/server/support/scale/stack.ts';
import { ms, ratio } from './lib/format.ts';
import { markdownTable, type Row } from './lib/report.ts';
import { startSimProcess } from './lib/sim-process.ts';
import { percentile } from './lib/stats.ts';

export const SCALE_SIGN_INS = 1000;
const WARM_UP_SIGN_INS = 50;
const PROCESS_COUNTS = [1, 3];
const ROUTES = ['session', 'start', 'proceed', 'poll'];

export interface ScaleLevel {
  processes: number;
  signIns: number;
  seconds: number;
  signInsPerSecond: number;
  /** By route: [p50, p99, calls]. */
  calls: Record<string, [number, number, number]>;
  lost: number;
  mixed: number;
  notOnce: number;
  /** Answers other than 200, by status (0: no answer). */
  failures: Record<string, number>;
  served: number[];
  /** The machine's 1-minute load average before and after the run: other work skews the figures. */
  load: [number, number];
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

export async function measureServerScale(signIns = SCALE_SIGN_INS): Promise<ScaleLevel[]> {
  // Pushes and transactions outlive a saturated run; polls at the testing pace (300 ms).
  const sim = await startSimProcess({
    testing: true,
    settings: { pushLifetimeMs: 30 * 60_000, transactionLifetimeMs: 30 * 60_000 },
    users: scaleUsers(signIns),
  });
  const levels: ScaleLevel[] = [];
  try {
    for (const processes of PROCESS_COUNTS) {
      const stack = await startStack(sim, processes);
      try {
        log(`server scale: ${processes} process(es), warm-up`);
        await runSignIns(stack, WARM_UP_SIGN_INS);
        const servedBefore = await Promise.all(stack.apps.map((app) => app.served()));
        await new ControlApi(sim).reset();
        stack.successes.length = 0;
        log(`server scale: ${processes} process(es), ${signIns} sign-ins`);
        const loadBefore = loadavg()[0] ?? Number.NaN;
        const result = await runSignIns(stack, signIns, { timeoutMs: 15 * 60_000 });
        const checks = audit(result, stack.successes);
        const served = await Promise.all(stack.apps.map((app) => app.served()));
        const completed = result.outcomes.length - checks.lost.length;
        levels.push({
          processes,
          signIns,
          seconds: result.seconds,
          signInsPerSecond: completed / result.seconds,
          calls: Object.fromEntries(
            ROUTES.map((route) => {
              const times = result.timings.filter((t) => t.route === route).map((t) => t.ms);
              return [route, [percentile(times, 50), percentile(times, 99), times.length]];
            }),
          ),
          lost: checks.lost.length,
          mixed: checks.mixed.length,
          notOnce: checks.notOnce.length,
          failures: countBy(result.timings.filter((t) => t.status !== 200).map((t) => `${t.route} ${t.status}`)),
          served: served.map((count, i) => count - (servedBefore[i] ?? 0)),
          load: [loadBefore, loadavg()[0] ?? Number.NaN],
        });
      } finally {
        await stack.close();
      }
    }
  } finally {
    sim.close();
  }
  return levels;
}

export function serverScaleRows(levels: readonly ScaleLevel[]): Row[] {
  const one = levels.find((level) => level.processes === 1);
  return levels.map((level) => ({
    section: 'Server mode at scale',
    figure: `${level.signIns} concurrent push sign-ins, ${level.processes} app process(es), one Redis, nginx round robin`,
    value: `${level.signInsPerSecond.toFixed(1)} sign-ins/s (${level.seconds.toFixed(1)} s); ${ROUTES.map((route) => {
      const [p50, p99, count] = level.calls[route] ?? [Number.NaN, Number.NaN, 0];
      return `${route} p50 ${ms(p50)} p99 ${ms(p99)} (${count})`;
    }).join('; ')}`,
    against: `${one && level !== one ? `${ratio(level.signInsPerSecond, one.signInsPerSecond)} the throughput of 1 process; ` : ''}lost ${level.lost}, mixed ${level.mixed}, not exactly one onSuccess ${level.notOnce}, non-200 answers ${JSON.stringify(level.failures)}; requests per process ${level.served.join(', ')}; machine load average ${level.load.map((l) => l.toFixed(1)).join(' → ')}`,
    method:
      'bench/server-scale.ts: Node driver, cookie jar per sign-in, username+password, Okta Verify push approved through the control API, polls at the simulator’s testing refresh (300 ms); simulator, each app process, redis-server and nginx in their own processes on loopback; after 50 warm-up sign-ins',
  }));
}

const SECTION = '## Server mode at scale';

/** Replaces (or appends) this benchmark's section of BENCHMARKS.md. */
function writeSection(rows: readonly Row[]): void {
  const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');
  const before = readFileSync(file, 'utf8');
  const at = before.indexOf(`\n${SECTION}`);
  const kept = at < 0 ? before.trimEnd() : before.slice(0, at).trimEnd();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const section = `${SECTION}\n\nMeasured by \`bench/server-scale.ts\` on ${new Date().toISOString().slice(0, 10)} (${machine}; a machine shared with other work, so the figures are a floor, not a capacity).\n\n${markdownTable(rows)}\n`;
  writeFileSync(file, `${kept}\n\n${section}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = serverScaleRows(await measureServerScale(Number(process.env.SCALE_SIGN_INS ?? SCALE_SIGN_INS)));
  console.log(markdownTable(rows));
  writeSection(rows);
}
