/** The builds the figures read: the one-file bundle (dist/bundle) and the npm build (dist/lib). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function buildProject(): void {
  for (const script of ['build:bundle', 'build:lib']) {
    try {
      execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`npm run ${script} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
    }
  }
}
