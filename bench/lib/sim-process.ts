/**
 * The simulator in its own Node process (`sim/cli.ts`), so the load driver's event loop does not
 * share a thread with the server it measures.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CLIENT_ID, type ConfigInput, type RunningSimulator } from 'ov-sim';

const ROOT = join(import.meta.dirname, '..', '..');

export type SimAddress = Pick<RunningSimulator, 'url' | 'issuer' | 'clientId'>;

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used so far, in ms; NaN where /proc is not there. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // The fields after the command name (which may hold spaces), from the third: utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * `nodeArgs`: flags for the simulator's Node (e.g. `--cpu-prof`); `close()` resolves once it has
 * exited. `OV_BENCH_SIM_ROOT` runs another checkout's simulator (a baseline, same driver).
 */
export async function startSimProcess(
  config: ConfigInput,
  nodeArgs: string[] = [],
): Promise<SimAddress & { close(): Promise<void>; cpuMs(): number }> {
  const cache = join(ROOT, 'bench', '.cache');
  mkdirSync(cache, { recursive: true });
  const configFile = join(cache, 'load-config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      join(process.env.OV_BENCH_SIM_ROOT ?? ROOT, 'sim', 'cli.ts'),
      '--port',
      '0',
      '--config',
      configFile,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before listening: ${output}`)));
  });
  return {
    url,
    issuer: `${url}/oauth2/default`,
    clientId: DEMO_CLIENT_ID,
    cpuMs: () => cpuMsOf(child.pid),
    close: () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      return exited;
    },
  };
}
