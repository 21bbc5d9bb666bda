/** `npm run bench`: every figure in one run on this machine, one table, printed and written to BENCHMARKS.md. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { measureApproval, type ApprovalTiming } from './browser-approval.ts';
import { runFlow } from './browser-flows.ts';
import { firstRenderRows, measureFirstRender } from './browser-first-render.ts';
import { measureFirstScreenMemory, measurePollMemory, WARM_UP_CYCLES, type MemoryFigure } from './browser-memory.ts';
import { countRequests, type RequestCount } from './browser-requests.ts';
import { startBrowserBench, type PageName } from './lib/browser-setup.ts';
import { buildProject } from './lib/build-project.ts';
import { kib, mib, ms, ratio } from './lib/format.ts';
import { oktaWidgetPackage } from './lib/okta-widget-package.ts';
import { markdownTable, type Row } from './lib/report.ts';
import { median } from './lib/stats.ts';
import { BUDGETS, measureSizes, sizeBreakdowns, type MeasuredSizes, type Size } from './size.ts';
import type { ModuleShare } from './lib/source-map-breakdown.ts';
import { measureSimulatorLoad, type LoadLevel } from './simulator-load.ts';
import { measureServerCost } from './server-cost.ts';
import { withSimulatorAt } from './lib/sim-baseline.ts';
import { measureServerScale, serverScaleRows } from './server-scale.ts';
import { oktaWidgetDriver, ovSigninDriver } from './lib/widget-drivers.ts';

const FIRST_RENDER_RUNS = 7;
const PUSH_RUNS = 7;
const QR_RUNS = 3;
const MEMORY_CYCLES = 100;
/** The Okta widget takes about a second per mount. */
const FIRST_SCREEN_CYCLES = 40;
/** Okta's recorded refresh intervals (the simulator's realistic defaults). */
const CHALLENGE_REFRESH_MS = 1000;
const ENROLL_REFRESH_MS = 4000;
const SHORT_ENROLL_REFRESH_MS = 1000;
/**
 * [concurrent transactions, sign-ins each]: about 3,250 sign-ins, well under a minute. Three each at
 * 1,000, so the first second's spread-out arrivals do not bound the figure.
 */
const LOAD_LEVELS = [
  [1, 50],
  [100, 2],
  [1000, 3],
] as const;
/** Users polling at Okta's refresh of 1 s: [users, refresh ms, polls each before the approval]. */
const PACED_LEVEL = [1000, 1000, 8] as const;
/** The simulator before issue 17's work, measured in the same run as the baseline of its rows. */
const SIM_BASELINE_COMMIT = process.env.OV_BENCH_SIM_BASELINE ?? '96cdaed';
/** Server mode's cost: sign-ins on each path, in-progress sessions weighed. */
const SERVER_COST_SIGN_INS = 40;
const SERVER_COST_SESSIONS = 200;

const rows: Row[] = [];
const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

const budget = (size: Size, bytes: number) =>
  `budget ${kib(bytes)} gzip: ${size.gzip <= bytes ? 'within' : 'OVER'} (${kib(bytes - size.gzip)} left)`;

function sizeRows(sizes: MeasuredSizes): void {
  const [oktaFull, oktaOie] = sizes.okta;
  const bytes = (s: Size) => `${kib(s.minified)} min, ${kib(s.gzip)} gzip`;
  const method = 'bytes on disk; gzip level 9 (node:zlib)';
  for (const okta of sizes.okta)
    rows.push({
      section: 'Size',
      figure: okta.name,
      value: bytes(okta),
      against: 'baseline',
      method: 'from the npm package, as published',
    });
  rows.push({
    section: 'Size',
    figure: sizes.oneFile.name,
    value: bytes(sizes.oneFile),
    against: `${budget(sizes.oneFile, BUDGETS.oneFile)}; ${ratio(sizes.oneFile.gzip, oktaOie.gzip)} of .oie gzip, ${ratio(sizes.oneFile.gzip, oktaFull.gzip)} of full gzip; ${ratio(sizes.oneFile.gzip, sizes.floor.gzip)} the floor`,
    method: `npm run build:bundle (Lit + okta-auth-js without its unused core services + widget, English inside); ${method}`,
  });
  const gzips = sizes.locales.map((s) => s.gzip);
  rows.push({
    section: 'Size',
    figure: `locale files beside both builds (dist/bundle/ov-signin.locale.*.js, ${sizes.locales.length})`,
    value: `${kib(Math.min(...gzips))}–${kib(Math.max(...gzips))} gzip each`,
    against: 'one of them fetched for a page in that language; none for English',
    method: `each locale built alone, self-contained (vite.config.ts); ${method}`,
  });
  rows.push({
    section: 'Size',
    figure: sizes.serverMode.name,
    value: bytes(sizes.serverMode),
    against: `${budget(sizes.serverMode, BUDGETS.serverMode)}; ${ratio(sizes.serverMode.gzip, sizes.oneFile.gzip)} of the one-file build gzip, ${ratio(sizes.serverMode.gzip, oktaOie.gzip)} of .oie gzip`,
    method: `npm run build:bundle (vite mode bundle-server-mode: Lit + widget + endpoint client, create-auth-client.ts replaced); ${method}`,
  });
  rows.push({
    section: 'Size',
    figure: sizes.floor.name,
    value: bytes(sizes.floor),
    against: `${ratio(sizes.floor.gzip, oktaOie.gzip)} of .oie gzip`,
    method: `bench/entries/floor.ts built with vite.config.ts (mode bundle) in this run; ${method}`,
  });
  rows.push({
    section: 'Size',
    figure: sizes.ours.name,
    value: bytes(sizes.ours),
    against: `${ratio(sizes.ours.gzip, sizes.floor.gzip)} the floor, ${ratio(sizes.ours.gzip, oktaOie.gzip)} of .oie gzip`,
    method: `dist/lib/define.js bundled with vite.config.ts, lit/lit-html/lit-element/@lit/reactive-element/@okta/* external (@lit/context, task, localize counted as ours); ${method}`,
  });
}

function breakdownRows({ oneFile, serverMode }: { oneFile: ModuleShare[]; serverMode: ModuleShare[] }): void {
  const list = (shares: ModuleShare[]) =>
    shares
      .filter((share) => share.gzip >= 100)
      .map((share) => `${share.group} ${kib(share.gzip)}`)
      .join(', ');
  for (const [file, shares] of [
    ['ov-signin.js', oneFile],
    ['ov-signin-server-mode.js', serverMode],
  ] as const) {
    rows.push({
      section: 'Size',
      figure: `${file} by module (gzip share)`,
      value: list(shares),
      against: 'shares add up to the file’s gzip size; under 0.1 KiB left out',
      method:
        'from the source map (bench/lib/source-map-breakdown.ts): each generated byte to its source, grouped by package or our folder; each group gzipped apart, scaled to the file’s gzip size; "(unmapped)" is bundler glue',
    });
  }
}

function approvalRow(timing: ApprovalTiming): void {
  const floor = timing.refreshMs + timing.roundTrip;
  const over = timing.polling.filter((polling) => polling > floor).length;
  rows.push({
    section: 'Approval to success',
    figure: `${timing.widget}, ${timing.flow === 'push' ? 'push approved' : 'QR scanned'}, refresh ${timing.refreshMs} ms`,
    value: `median ${ms(timing.median)}, max ${ms(timing.max)} (${timing.latencies.length} runs): seen by a poll after median ${ms(median(timing.polling))} (max ${ms(Math.max(...timing.polling))}), then ${ms(median(timing.finishing))} to the event`,
    against: `floor for the poll: ${ms(floor)} (refresh + poll round trip ${ms(timing.roundTrip)}); ${over} run(s) above it`,
    method:
      'control API call time (Node) to the success event (page), same clock; the phone acts just after a poll was answered, so the next poll sees it one refresh later at the server’s pace',
  });
}

function requestRow(count: RequestCount): void {
  rows.push({
    section: 'Requests',
    figure: `${count.widget}, ${count.flow}`,
    value: `${count.requests} requests (+${count.preflights} CORS preflights); ${count.polls} polls; ${count.afterEnd} after the end`,
    against: `protocol minimum ${count.minimum} (${count.pollsAtServerPace} polls at the server's pace); after the end must be 0`,
    method: `simulator request log; sequence: ${count.sequence.map((s) => s.replace(/^(GET|POST) \/(oauth2\/default\/|idp\/idx\/)?/, '')).join(', ')}`,
  });
}

async function browserRows(oktaPages: PageName[]): Promise<void> {
  const bench = await startBrowserBench();
  try {
    log('first render');
    rows.push(...firstRenderRows(await measureFirstRender(bench, ['ov-signin', ...oktaPages], FIRST_RENDER_RUNS)));
    const counts: RequestCount[] = [];
    for (const driver of [ovSigninDriver, oktaWidgetDriver('okta-sign-in.oie')]) {
      log(`approval to success: ${driver.label}`);
      const push = await measureApproval(bench, driver, 'push', CHALLENGE_REFRESH_MS, PUSH_RUNS);
      const qr = await measureApproval(bench, driver, 'qr', ENROLL_REFRESH_MS, QR_RUNS);
      approvalRow(push);
      approvalRow(qr);
      if (driver === ovSigninDriver)
        approvalRow(await measureApproval(bench, driver, 'qr', SHORT_ENROLL_REFRESH_MS, QR_RUNS));
      const totp = await runFlow(bench, driver, 'totp', CHALLENGE_REFRESH_MS, true);
      counts.push(countRequests(push.watchedRun), countRequests(qr.watchedRun), countRequests(totp));
    }
    counts.sort((a, b) => a.flow.localeCompare(b.flow)).forEach(requestRow);
  } finally {
    await bench.close();
  }
}

function memoryFigure(figure: string, memory: MemoryFigure, against: string, method: string): void {
  const growth = (memory.afterMany - memory.afterWarmUp) / (memory.cycles - WARM_UP_CYCLES);
  rows.push({
    section: 'Memory',
    figure,
    value: `${mib(memory.afterMany)} (after 1: ${mib(memory.afterOne)}, after ${WARM_UP_CYCLES}: ${mib(memory.afterWarmUp)}; ${growth >= 0 ? '+' : ''}${kib(growth)} per cycle after ${WARM_UP_CYCLES})`,
    against,
    method: `Chromium --js-flags=--expose-gc, gc() ×3 then CDP JSHeapUsedSize; ${method}`,
  });
}

async function memoryRows(oktaPages: PageName[]): Promise<void> {
  log('memory');
  const bench = await startBrowserBench({ exposeGc: true });
  try {
    const poll = await measurePollMemory(bench, MEMORY_CYCLES, CHALLENGE_REFRESH_MS);
    memoryFigure(
      `ov-signin, ${poll.cycles} mount/unmount cycles mid-poll`,
      poll,
      `${ratio(poll.afterMany, poll.afterOne)} of after 1; ${poll.pollsAfterward} polls in the 3 intervals after the last removal (must be 0)`,
      'each mount resumes the saved push transaction',
    );
    const first = new Map<PageName, MemoryFigure>();
    for (const page of ['ov-signin', ...oktaPages] as PageName[])
      first.set(page, await measureFirstScreenMemory(bench, page, FIRST_SCREEN_CYCLES));
    const oie = first.get('okta-sign-in.oie');
    for (const [page, memory] of first) {
      memoryFigure(
        `${page === 'ov-signin' ? 'ov-signin' : `Okta Sign-In Widget (${page})`}, ${memory.cycles} mount/unmount cycles to the first screen`,
        memory,
        `${ratio(memory.afterMany, memory.afterOne)} of after 1${oie && page !== 'okta-sign-in.oie' ? `; heap ${ratio(memory.afterMany, oie.afterMany)} of the .oie widget's` : oie ? '; baseline' : ''}`,
        'mounted, removed once the username field shows (the Okta widget by its own remove())',
      );
    }
  } finally {
    await bench.close();
  }
}

function simulatorValue(level: LoadLevel): string {
  return `${level.signInsPerSecond.toFixed(1)} sign-ins/s; poll p50 ${ms(level.pollP50)}, p99 ${ms(level.pollP99)}; simulator CPU ${level.simCpuMsPerSignIn.toFixed(2)} ms per sign-in (driver ${level.driverCpuMsPerSignIn.toFixed(1)} ms)${level.resent ? `; ${level.resent} requests resent after a reset` : ''}`;
}

async function simulatorRows(): Promise<void> {
  log('simulator load');
  const load = () => measureSimulatorLoad(LOAD_LEVELS, { paced: PACED_LEVEL });
  const levels = await load();
  log(`simulator load, baseline ${SIM_BASELINE_COMMIT}`);
  const baseline = await withSimulatorAt(SIM_BASELINE_COMMIT, load);
  levels.forEach((level, i) => {
    const before = baseline[i];
    const paced = level.refreshMs > 0;
    const goal = paced
      ? `goal poll p99 < 50 ms`
      : level.concurrency === 1000
        ? 'goal ≥ 380 sign-ins/s'
        : `${ratio(level.signInsPerSecond, levels[0]?.signInsPerSecond ?? Number.NaN)} the throughput of 1 at a time`;
    rows.push({
      section: 'Simulator',
      figure: paced
        ? `${level.concurrency} users polling at refresh ${level.refreshMs} ms, ${level.signIns} sign-ins`
        : `${level.concurrency} concurrent transaction(s), ${level.signIns} sign-ins`,
      value: simulatorValue(level),
      against: `${goal}; baseline (${SIM_BASELINE_COMMIT}, same run): ${before ? simulatorValue(before) : 'n/a'}`,
      method: paced
        ? 'raw HTTP driver (node:http, kept-alive connections), simulator in its own process, each poll 1 s after the last answer, loopback'
        : 'raw HTTP driver (node:http, kept-alive connections), simulator in its own process, polls back to back, loopback; CPU from /proc (simulator) and process.cpuUsage (driver)',
    });
  });
}

async function serverCostRows(): Promise<void> {
  log('server mode cost');
  const cost = await measureServerCost(SERVER_COST_SIGN_INS, SERVER_COST_SESSIONS);
  for (const { call, direct, handler } of cost.calls) {
    rows.push({
      section: 'Server mode cost',
      figure: `${call}: ov-signin/server against okta-auth-js called directly`,
      value: `added p50 ${(handler.p50 - direct.p50).toFixed(1)} ms (server mode p50 ${handler.p50.toFixed(1)} ms, p99 ${handler.p99.toFixed(1)} ms; direct p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms)`,
      against: 'goal ≤ 2 ms added at p50; baseline: okta-auth-js directly, same run',
      method: `${cost.signIns} push sign-ins per path, alternating, sequential; handler mounted with nodeSignIn on loopback and called over HTTP as the widget calls it; direct: one OktaAuth per sign-in in the same process; "token" is the poll that ends in success (token exchange included)`,
    });
  }
  rows.push({
    section: 'Server mode cost',
    figure: 'CPU per completed push sign-in (the app’s process)',
    value: `${cost.cpuMsPerSignIn.handler.toFixed(1)} ms through ov-signin/server (its HTTP client included), ${cost.cpuMsPerSignIn.direct.toFixed(1)} ms with okta-auth-js directly`,
    against: `${(cost.cpuMsPerSignIn.handler - cost.cpuMsPerSignIn.direct).toFixed(1)} ms added per sign-in`,
    method: 'process.cpuUsage around each sign-in of the runs above (both paths include the phone’s control API calls)',
  });
  rows.push({
    section: 'Server mode cost',
    figure: 'the loopback HTTP hop alone (in every server-mode figure above)',
    value: `p50 ${cost.hop.p50.toFixed(1)} ms, p99 ${cost.hop.p99.toFixed(1)} ms; ${cost.hop.cpuMs.toFixed(2)} ms of CPU per call (client and server)`,
    against: 'what no handler can remove: the page’s request has to reach the app',
    method:
      'fetch, with the same headers and body as a poll, to a Node server on loopback answering a poll’s JSON at once; 400 calls',
  });
  const { live, recordOnly } = cost.bytesPerSession;
  rows.push({
    section: 'Server mode cost',
    figure: 'memory per in-progress session, memory store',
    value: `${kib(recordOnly.store)} of heap in the store (the record’s JSON: ${kib(cost.recordJsonBytes)}); ${kib(recordOnly.process)} for the whole process; ${kib(live.process)} with \`liveSessions: 1000\` (each session’s okta-auth-js kept alive between its requests)`,
    against: 'goal ≤ 8 KiB per session',
    method: `${cost.sessions} sessions at their push poll, in a handler of their own; heap after gc() ×3 with them, and after the store was replaced by an empty one`,
  });
  if (!cost.redis) return;
  rows.push({
    section: 'Server mode cost',
    figure: 'memory per in-progress session, Redis store',
    value: `${kib(cost.redis.usedMemoryPerSession)} of Redis \`used_memory\`: its hash ${kib(cost.redis.recordKeyBytes)} (\`MEMORY USAGE\`), and ${cost.redis.tombstonesPerSession} tombstone of ${cost.redis.tombstoneKeyBytes.toFixed(0)} B left by the identify rotation for the session's lifetime`,
    against: 'goal ≤ 16 KiB per session (60,000 sign-ins in progress in 1 GiB)',
    method: `the same ${cost.sessions} sessions through a handler on \`RedisSessionStore\` and Debian's redis-server started for it; \`used_memory\` growth over them, and \`MEMORY USAGE\` of each key`,
  });
}

function machine(): string {
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${chromium}`;
}

const started = performance.now();
log('building dist/bundle and dist/lib');
buildProject();
const okta = oktaWidgetPackage();
log('sizes');
sizeRows(await measureSizes(join(okta.dir, 'dist')));
breakdownRows(sizeBreakdowns());
await browserRows(['okta-sign-in', 'okta-sign-in.oie']);
await memoryRows(['okta-sign-in.oie']);
await simulatorRows();
await serverCostRows();
log('server mode at scale');
rows.push(...serverScaleRows(await measureServerScale()));

const table = markdownTable(rows);
console.log(table);
const method = readFileSync(join(import.meta.dirname, 'method.md'), 'utf8');
const header = `# Benchmarks\n\nGenerated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine()}; Okta Sign-In Widget ${okta.version}; run took ${Math.round((performance.now() - started) / 1000)} s.\n\n`;
writeFileSync(join(import.meta.dirname, '..', 'BENCHMARKS.md'), `${header}${table}\n\n${method}`);
