/**
 * The two packages as `npm pack` makes them, installed where nothing of this repository is: the
 * widget (ov-signin) brings what the browser and `ov-signin/server` need and nothing of the
 * simulator (no QR encoder or decoder, no PNG codec), and the simulator (ov-sim, sim/) installs on
 * its own with its CLI and its client.
 *
 * Installs are `npm ci --offline` against a lockfile cut from this repository's: the packed
 * package.json's dependencies (and their non-optional peers), followed through package-lock.json
 * exactly as Node resolves them. Every tarball then comes from npm's local cache, which `npm ci` of
 * this repository fills, so the test never waits on a network, installs the versions the other
 * tests ran with, and fails at once (ENOTCACHED, or a dependency missing from the lock) if a
 * package asks for something this repository never installed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SIM = join(REPO, 'sim');
const SIMULATOR_ONLY = ['qrcode', 'jsqr', 'pngjs'];

const work = mkdtempSync(join(tmpdir(), 'ov-tarballs-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * npm as a user runs it from a terminal: what `npm run` puts in the environment about this
 * repository (its package, its prefix) must not steer an install into another folder.
 */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(package_|lifecycle_|config_(local_)?prefix$)/i.test(key)),
  );
  return run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
type LockEntry = Manifest & {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  [flag: string]: unknown;
};

interface Packed {
  tarball: string;
  integrity: string;
  manifest: Manifest & { name: string; version: string };
}

/** Builds the package in `dir`, then `npm pack` into `work` (the build done, its scripts are skipped). */
async function pack(dir: string): Promise<Packed> {
  await npm(['run', 'build'], dir);
  const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], dir);
  const [{ filename, integrity }] = JSON.parse(stdout) as [{ filename: string; integrity: string }];
  return {
    tarball: join(work, filename),
    integrity,
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
  };
}

const lock = (
  JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
).packages;

/** The lockfile path Node would load `name` from when `from` (a lockfile path, '' for the project) imports it. */
function locate(name: string, from: string): string | undefined {
  for (let base = from; ;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock[candidate] && !lock[candidate].link) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** What a package needs installed beside it: its dependencies, optional ones if locked, non-optional peers. */
function needs(manifest: Manifest): Array<[name: string, optional: boolean]> {
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
    (name) => !manifest.peerDependenciesMeta?.[name]?.optional,
  );
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => [name, false] as [string, boolean]),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => [name, true] as [string, boolean]),
    ...peers.map((name) => [name, false] as [string, boolean]),
  ];
}

/**
 * This repository's lockfile leaves out registry addresses (omit-lockfile-registry-resolved), and
 * without one npm asks the registry where a tarball is; with one it takes the tarball from its
 * cache by integrity. The address is the one npm is configured with here.
 */
function tarballUrl(registry: string, path: string, version: string): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `${registry}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** A package-lock.json for a project whose one dependency is the packed tarball. */
function consumerLock(name: string, packed: Packed, registry: string): object {
  const relative = `file:../${packed.tarball.split('/').pop()}`;
  const own = packed.manifest as unknown as Record<string, unknown>;
  const packages: Record<string, LockEntry> = {
    '': { name, dependencies: { [packed.manifest.name]: relative } } as LockEntry,
    [`node_modules/${packed.manifest.name}`]: {
      version: packed.manifest.version,
      resolved: relative,
      integrity: packed.integrity,
      ...Object.fromEntries(
        ['dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines']
          .filter((key) => key in own)
          .map((key) => [key, own[key]]),
      ),
    },
  };
  const queue: Array<[from: string, manifest: Manifest]> = [['', packed.manifest]];
  while (queue.length > 0) {
    const [from, manifest] = queue.shift()!;
    for (const [dependency, optional] of needs(manifest)) {
      const path = locate(dependency, from);
      if (!path) {
        if (optional) continue;
        throw new Error(`${dependency} (needed by ${from || packed.manifest.name}) is not in package-lock.json`);
      }
      if (packages[path]) continue;
      // Dev-only here is a production dependency there.
      const entry: LockEntry = {
        ...lock[path]!,
        resolved: lock[path]!.resolved ?? tarballUrl(registry, path, lock[path]!.version!),
      };
      for (const flag of ['dev', 'devOptional', 'peer']) delete entry[flag];
      packages[path] = entry;
      queue.push([path, entry]);
    }
  }
  return { name, lockfileVersion: 3, requires: true, packages };
}

/** An empty project folder with only the packed package installed in it, offline. */
async function installAlone(name: string, packed: Packed): Promise<string> {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dependencies = { [packed.manifest.name]: `file:../${packed.tarball.split('/').pop()}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }));
  const registry = (await npm(['config', 'get', 'registry'], dir)).stdout.trim().replace(/\/?$/, '/');
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(consumerLock(name, packed, registry), null, 2));
  await npm(['ci', '--offline', '--ignore-scripts'], dir);
  return dir;
}

/** Every package folder under `dir`'s node_modules, at any depth (scoped ones as `@scope/name`). */
function installedPackages(dir: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
        : [entry];
      for (const name of names) {
        found.push(name);
        walk(join(modules, name, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}

/** Runs an ES module in a fresh Node inside `dir`, so bare specifiers resolve from its node_modules. */
async function nodeIn(dir: string, source: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', source], { cwd: dir });
  return stdout.trim();
}

let widget: Packed;
let simulator: Packed;

before(async () => {
  // One at a time: both builds would otherwise share the machine's two cores with each other.
  widget = await pack(REPO);
  simulator = await pack(SIM);
});

test('npm pack makes ov-signin-0.1.0.tgz and ov-sim-0.1.0.tgz', () => {
  assert.match(widget.tarball, /ov-signin-\d+\.\d+\.\d+\.tgz$/);
  assert.match(simulator.tarball, /ov-sim-\d+\.\d+\.\d+\.tgz$/);
});

test('the widget tarball installs alone, without the simulator or its QR and PNG libraries', async () => {
  const dir = await installAlone('widget-consumer', widget);
  const installed = installedPackages(dir);
  assert.ok(installed.includes('ov-signin'));
  assert.ok(installed.includes('lit') && installed.includes('@okta/okta-auth-js'), 'its dependencies are installed');
  assert.deepEqual(
    installed.filter((name) => SIMULATOR_ONLY.includes(name) || name === 'ov-sim'),
    [],
  );

  // Resolved and imported in Node, as a server-side renderer or a bundler's Node step would.
  const define = await nodeIn(
    dir,
    "await import('ov-signin/define'); console.log(import.meta.resolve('ov-signin/define'));",
  );
  assert.equal(define, pathToFileURL(join(dir, 'node_modules/ov-signin/dist/lib/define.js')).href);
  // The server adapters load from the widget's own dependencies (the cookie package among them).
  const server = await nodeIn(
    dir,
    "const server = await import('ov-signin/server'); console.log(typeof server.createSignInHandler);",
  );
  assert.equal(server, 'function');
  // The simulator is another package now.
  await assert.rejects(nodeIn(dir, "import.meta.resolve('ov-signin/sim');"), /ERR_PACKAGE_PATH_NOT_EXPORTED/);
});

test('the simulator tarball installs alone, with its CLI and its client', async () => {
  const dir = await installAlone('simulator-consumer', simulator);
  const installed = installedPackages(dir);
  for (const name of ['ov-sim', ...SIMULATOR_ONLY]) assert.ok(installed.includes(name), `${name} is installed`);
  assert.ok(
    !installed.includes('ov-signin') && !installed.includes('lit'),
    'the simulator needs nothing of the widget',
  );

  const exported = await nodeIn(
    dir,
    "const sim = await import('ov-sim'); const client = await import('ov-sim/client'); console.log(typeof sim.startSimulator, typeof client.ControlApi, typeof client.VirtualDevice);",
  );
  assert.equal(exported, 'function function function');
  const { stdout } = await run(join(dir, 'node_modules/.bin/ov-sim'), ['--help'], { cwd: dir });
  assert.match(stdout, /^ov-sim: a local Okta org/);
});
