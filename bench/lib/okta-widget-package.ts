/**
 * The Okta Sign-In Widget, fetched for the comparison only (not a dependency): `npm pack` into the
 * gitignored bench/.cache, then extracted with tar. A second run reuses the extracted copy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CACHE = join(import.meta.dirname, '..', '.cache');
const SPEC = '@okta/okta-signin-widget@7';

export interface OktaWidgetPackage {
  /** The extracted `package/` directory. */
  dir: string;
  version: string;
}

export function oktaWidgetPackage(): OktaWidgetPackage {
  const dir = join(CACHE, 'package');
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync('npm', ['pack', SPEC, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(CACHE).find(
      (name) => name.startsWith('okta-okta-signin-widget-') && name.endsWith('.tgz'),
    );
    if (!tarball) throw new Error(`npm pack ${SPEC} left no tarball in ${CACHE}`);
    // Only dist/: the package also ships sources and tests the benchmark never reads.
    execFileSync('tar', ['-xzf', join(CACHE, tarball), '-C', CACHE, 'package/package.json', 'package/dist']);
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}
