// `npm run test:browser` (after the builds): the browser tests in each engine in turn (Chromium,
// Firefox, WebKit; BROWSERS=firefox,webkit picks some), one web-test-runner run per engine so that
// no two engines share the simulator at once. Every engine runs even if one fails; the summary gives
// each engine's count and time, and the exit code is non-zero if any failed. Extra arguments go to
// web-test-runner, e.g. `npm run test:browser -- --files test/browser/e2e/push.test.ts`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINES } from '../test/support/browsers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WTR = 'node_modules/@web/test-runner/dist/bin.js';

interface EngineRun {
  engine: string;
  code: number;
  seconds: number;
  counts: string;
  /** How the runner ended when it failed: its exit code, or the signal that killed it. */
  ending: string;
}

function runEngine(engine: string, args: string[]): Promise<EngineRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WTR, ...args], {
      cwd: ROOT,
      env: { ...process.env, BROWSERS: engine },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code, signal) => {
      const counts = lastCounts(tail);
      resolve({
        engine,
        code: code ?? (signal ? 1 : 0),
        seconds: Math.round((Date.now() - started) / 1000),
        counts,
        ending: signal ? `killed by ${signal}` : `exit code ${code ?? 0}`,
      });
    });
  });
}

/**
 * The counts of the last progress line of each browser, summed: "WebKit: |███| 45/45 test files |
 * 240 passed, 0 failed, 6 skipped", and a line of its own for the engine launched with reduced
 * motion ("WebKit, reduced motion: …", web-test-runner.config.mjs's group).
 */
function lastCounts(output: string): string {
  const last = new Map<string, number[]>();
  // The runner redraws its progress with terminal escapes (erase line, cursor up).
  // eslint-disable-next-line no-control-regex -- the escape character is what is matched
  const plain = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  for (const line of plain.split('\n')) {
    const found = /^\s*([\w ,]+):\s+\|.*?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(line);
    if (found) last.set(found[1]!.trim(), [found[2], found[3], found[4] ?? '0'].map(Number));
  }
  if (last.size === 0) return 'no count';
  const [passed, failed, skipped] = [0, 1, 2].map((i) =>
    [...last.values()].reduce((sum, counts) => sum + counts[i]!, 0),
  );
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

const engines = (process.env.BROWSERS ?? ENGINES.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const runs: EngineRun[] = [];
for (const engine of engines) {
  console.log(`\n=== browser tests in ${engine} ===`);
  runs.push(await runEngine(engine, process.argv.slice(2)));
}
console.log('\nBrowser tests by engine:');
for (const run of runs)
  console.log(
    `  ${run.engine.padEnd(9)} ${run.code === 0 ? 'ok    ' : 'FAILED'} ${run.counts} in ${run.seconds} s` +
      (run.code === 0 ? '' : ` (${run.ending})`),
  );
process.exitCode = runs.some((run) => run.code !== 0) ? 1 : 0;
