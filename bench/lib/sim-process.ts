/**
 * The simulator in its own Node process (`sim/cli.ts`), so the load driver's event loop does not
 * share a thread with the server it measures.
 */
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CLIENT_ID, type ConfigInput, type RunningSimulator } from 'ov-sim';

const ROOT = join(import.meta.dirname, '..', '..');

export type SimAddress = Pick<RunningSimulator, 'url' | 'issuer' | 'clientId'>;

export async function startSimProcess(config: ConfigInput): Promise<SimAddress & { close(): void }> {
  const cache = join(ROOT, 'bench', '.cache');
  mkdirSync(cache, { recursive: true });
  const configFile = join(cache, 'load-config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'sim', 'cli.ts'), '--port', '0', '--config', configFile],
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
  return { url, issuer: `${url}/oauth2/default`, clientId: DEMO_CLIENT_ID, close: () => child.kill() };
}
