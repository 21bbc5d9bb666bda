/**
 * The npm package as a consumer gets it: `npm run build`, then every export resolves to a built
 * file that `npm pack` ships, the types check from a consumer project, and importing the library in
 * Node (server-side rendering, tests) touches no browser global.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  types: string;
  module: string;
  customElements: string;
};

/** Every file the exports map points at, by condition: `./server#types` → `./dist/lib/server/index.d.ts`. */
const exportTargets = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === 'string'
    ? [[subpath, target] as const]
    : Object.entries(target).map(([condition, file]) => [`${subpath}#${condition}`, file] as const),
);

const consumerDir = mkdtempSync(join(tmpdir(), 'ov-signin-consumer-'));
after(() => rmSync(consumerDir, { recursive: true, force: true }));

before(async () => {
  await run('npm', ['run', 'build'], { cwd: REPO });
});

test('every file package.json points at is built', () => {
  const declared = [...exportTargets.map(([, file]) => file), pkg.types, pkg.module, pkg.customElements];
  const missing = declared.filter((file) => !existsSync(join(REPO, file)));
  assert.deepEqual(missing, []);
});

test('the exports resolve in Node to the built files', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default!;
    const specifier = `ov-signin${subpath.slice(1)}`;
    // A package may import itself by name through its exports: this is how a consumer resolves it.
    assert.equal(import.meta.resolve(specifier), new URL(file, `file://${REPO}`).href, specifier);
  }
});

test('npm pack ships every export target and nothing of the repository besides', async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO });
  const files = new Set((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
  for (const [subpath, file] of exportTargets)
    assert.ok(files.has(file.replace(/^\.\//, '')), `${subpath}: ${file} is packed`);
  const stray = [...files].filter((file) => /^(test|demo|scripts|sim|docs|dist\/demo|node_modules)\//.test(file));
  assert.deepEqual(stray, []);
});

test('a TypeScript consumer (NodeNext) type-checks against the shipped declarations', async () => {
  mkdirSync(join(consumerDir, 'node_modules'));
  symlinkSync(REPO, join(consumerDir, 'node_modules', 'ov-signin'));
  writeFileSync(join(consumerDir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(consumerDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        strict: true,
        noEmit: true,
        lib: ['ES2023', 'DOM'],
        // The server adapters' declarations name node: modules, as any Node library's do.
        types: ['node'],
        typeRoots: [join(REPO, 'node_modules/@types')],
      },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(
    join(consumerDir, 'consumer.ts'),
    [
      "import { OvSignin, OvSuccessEvent } from 'ov-signin';",
      "import 'ov-signin/define';",
      "import 'ov-signin/bundle';",
      'export const tag: CustomElementConstructor = OvSignin;',
      'export const onSuccess = (e: OvSuccessEvent) => e.detail.tokens?.idToken?.claims.email;',
      "import { OvFlowInspector, type TimelineReport } from 'ov-signin/inspector';",
      "import { OvSignin as OvSigninReact } from 'ov-signin/react';",
      "import { OvFlowInspector as OvFlowInspectorReact } from 'ov-signin/react/inspector';",
      'export const inspectorTag: CustomElementConstructor = OvFlowInspector;',
      'export const report = (inspector: OvFlowInspector): TimelineReport => inspector.timeline.report();',
      "export const onOvSuccess: NonNullable<Parameters<typeof OvSigninReact>[0]['onOvSuccess']> = (e) => e.detail.tokens?.idToken?.claims.email;",
      "export const inspectorFor: Parameters<typeof OvFlowInspectorReact>[0]['htmlFor'] = 'signin';",
    ].join('\n'),
  );
  const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
  const result = await run(process.execPath, [tsc, '-p', consumerDir]).catch((error: { stdout: string }) => error);
  assert.equal(result.stdout, '');
});

/** Reads and writes of browser globals while `specifier` is imported in a fresh Node process. */
async function browserGlobalsTouchedBy(specifier: string): Promise<Array<{ name: string; kind: string; at: string }>> {
  const probe = fileURLToPath(new URL('./dom-access-probe.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [probe, specifier], { cwd: REPO });
  return JSON.parse(stdout);
}

// Lit's Node build feature-tests `document`, `trustedTypes`, `ShadowRoot`… and installs its SSR
// `customElements` shim: that is Lit being server-safe, not us touching the DOM.
const isLitNodeBuild = (at: string) => /node_modules\/(lit-html|lit-element|@lit\/reactive-element)\/node\//.test(at);

test('importing ov-signin in Node touches no browser global (only Lit’s own SSR checks)', async () => {
  const accesses = await browserGlobalsTouchedBy('ov-signin');
  assert.ok(
    accesses.some((a) => isLitNodeBuild(a.at)),
    'the probe sees Lit’s checks',
  );
  assert.deepEqual(
    accesses.filter((a) => !isLitNodeBuild(a.at)),
    [],
  );
});

test('importing ov-signin/define in Node registers into Lit’s SSR registry and touches nothing else', async () => {
  const accesses = await browserGlobalsTouchedBy('ov-signin/define');
  const ours = accesses.filter((a) => !isLitNodeBuild(a.at));
  assert.ok(ours.length > 0, 'define.js registers the tags');
  assert.deepEqual(
    ours.filter((a) => a.name !== 'customElements' || a.kind !== 'read'),
    [],
  );
});

test('importing ov-signin/inspector, ov-signin/react or ov-signin/react/inspector in Node touches no browser global besides registering', async () => {
  for (const specifier of ['ov-signin/inspector', 'ov-signin/react', 'ov-signin/react/inspector']) {
    const ours = (await browserGlobalsTouchedBy(specifier)).filter((a) => !isLitNodeBuild(a.at));
    assert.ok(ours.length > 0, `${specifier} registers its tags`);
    assert.deepEqual(
      ours.filter((a) => a.name !== 'customElements' || a.kind !== 'read'),
      [],
      specifier,
    );
  }
});
