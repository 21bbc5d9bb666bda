/**
 * `npx tsx --conditions=ov-sim-source bench/simulator-profile.ts [concurrency]`: the simulator-load
 * level under `node --cpu-prof`, then the functions that took the simulator's time, by self time
 * (and the files, summed), so a change to the simulator can be judged by where its time goes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureSimulatorLoad } from './simulator-load.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  share: number;
}

/** Self time per function and per file, as shares of all samples, largest first. */
export function hotSpots(profile: CpuProfile): { functions: HotSpot[]; files: HotSpot[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    if (!frame) return;
    const file = frame.url.replace(/^.*\/(node_modules\/|sim\/|src\/)/, '$1') || `(${frame.functionName || 'native'})`;
    const name = `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    files.set(file, (files.get(file) ?? 0) + micros);
  });
  const total = profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  const ranked = (map: Map<string, number>) =>
    [...map].map(([name, micros]) => ({ name, share: micros / total })).sort((a, b) => b.share - a.share);
  return { functions: ranked(functions), files: ranked(files) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const concurrency = Number(process.argv[2] ?? 1000);
  const dir = join(import.meta.dirname, '.cache', 'cpu-prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [level] = (
    await measureSimulatorLoad([[concurrency, 1]], { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] })
  ).slice(0, 1);
  console.log(
    `${concurrency} concurrent: ${level?.signInsPerSecond.toFixed(1)} sign-ins/s, poll p50 ${level?.pollP50.toFixed(0)} ms, p99 ${level?.pollP99.toFixed(0)} ms, simulator CPU ${level?.simCpuMsPerSignIn.toFixed(2)} ms per sign-in, driver CPU ${level?.driverCpuMsPerSignIn.toFixed(2)} ms`,
  );
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const { functions, files } = hotSpots(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
  const show = (spot: HotSpot) => `${(spot.share * 100).toFixed(1).padStart(5)}%  ${spot.name}`;
  console.log('Self time by function:\n' + functions.slice(0, 30).map(show).join('\n'));
  console.log('Self time by file:\n' + files.slice(0, 20).map(show).join('\n'));
}
