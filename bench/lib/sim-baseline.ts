/**
 * Another commit's simulator, for a baseline in the same run: its `sim/` extracted with
 * `git archive` into bench/.cache/, beside this checkout's node_modules, and started with the same
 * driver (sim-process.ts reads OV_BENCH_SIM_ROOT).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The directory holding `commit`'s sim/, extracted once. */
export function simulatorAt(commit: string): string {
  const dir = join(ROOT, 'bench', '.cache', `sim-${commit}`);
  if (!existsSync(join(dir, 'sim', 'cli.ts'))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', commit, 'sim', 'package.json'], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs `measure` against `commit`'s simulator. */
export async function withSimulatorAt<T>(commit: string, measure: () => Promise<T>): Promise<T> {
  const before = process.env.OV_BENCH_SIM_ROOT;
  process.env.OV_BENCH_SIM_ROOT = simulatorAt(commit);
  try {
    return await measure();
  } finally {
    if (before === undefined) delete process.env.OV_BENCH_SIM_ROOT;
    else process.env.OV_BENCH_SIM_ROOT = before;
  }
}
