/**
 * The size budgets of the one-file builds (issue 17, BENCHMARKS.md): built here with the project's
 * own config into a directory of the test's own, so the figure is the one this commit ships.
 * `ov-signin.js` ≤ 64 KiB gzip, `ov-signin-server-mode.js` ≤ 40 KiB; the locales are files of
 * their own beside them, each self-contained (one request per language, none for English).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { breakdown } from '../../bench/lib/source-map-breakdown.ts';
import { targetLocales } from '../../src/i18n/locale-codes.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KIB = 1024;
const BUDGETS = { 'ov-signin.js': 64 * KIB, 'ov-signin-server-mode.js': 40 * KIB };

let outDir: string;
const gzipOf = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ov-bundle-budget-'));
  for (const mode of ['bundle', 'bundle-server-mode'])
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode, logLevel: 'error', build: { outDir } });
});

after(() => rmSync(outDir, { recursive: true, force: true }));

for (const [file, budget] of Object.entries(BUDGETS)) {
  test(`${file} is at most ${budget / KIB} KiB gzip`, () => {
    const size = gzipOf(file);
    assert.ok(size <= budget, `${file}: ${(size / KIB).toFixed(1)} KiB gzip, over its ${budget / KIB} KiB budget`);
  });
}

test('each locale is a self-contained file beside the script, none inside it', () => {
  const files = readdirSync(outDir);
  const main = readFileSync(join(outDir, 'ov-signin.js'), 'utf8');
  for (const locale of targetLocales) {
    const name = `ov-signin.locale.${locale}.js`;
    assert.ok(files.includes(name), `${name} is built`);
    const code = readFileSync(join(outDir, name), 'utf8');
    assert.doesNotMatch(code, /\bimport\b/, `${name} imports nothing`);
    assert.match(code, /export\s*\{[^}]*templates/, `${name} exports its templates`);
    assert.ok(main.includes(`ov-signin.locale.\${`), 'the script builds the locale file names');
  }
  // A German string of the widget is in the German file only.
  const german = readFileSync(join(outDir, 'ov-signin.locale.de.js'), 'utf8');
  const phrase = /`([^`]{12,})`/.exec(german)?.[1];
  assert.ok(phrase, 'the German file holds strings');
  assert.ok(!main.includes(phrase), `ov-signin.js does not carry "${phrase}"`);
});

// BENCHMARKS.md's per-module breakdown reads these maps: a build step that rewrites the code without
// passing its map on (Terser once did) leaves them pointing at the wrong bytes, and lit-html took
// 47 KiB of the one-file build's 64.
test('the source maps still match the shipped code: each module keeps its own share', () => {
  const shares = new Map(breakdown(join(outDir, 'ov-signin.js')).map((share) => [share.group, share.gzip]));
  assert.ok((shares.get('lit-html') ?? 0) < 8 * KIB, `lit-html ${shares.get('lit-html')} B gzip`);
  assert.ok(
    (shares.get('@okta/okta-auth-js') ?? 0) > 16 * KIB,
    `okta-auth-js ${shares.get('@okta/okta-auth-js')} B gzip`,
  );
  assert.ok((shares.get('src/controller') ?? 0) > 2 * KIB, `src/controller ${shares.get('src/controller')} B gzip`);
});
