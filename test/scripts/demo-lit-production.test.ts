/**
 * `npm start` serves the demo with Lit's production build (vite.config.ts picks the `production`
 * export condition): Lit's development build warns "Lit is in dev mode" in the console of every page
 * load (issue 15). The browser test of the demo's flows (test/browser/demo/clean-console.test.ts)
 * loads the demo through web-test-runner, which never picks the development build, so this checks
 * what vite itself resolves for the demo page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';

const REPO = join(import.meta.dirname, '..', '..');

test('the demo under vite: Lit’s modules are its production build, with no dev-mode warning', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'ov-demo-vite-'));
  const vite = await createServer({
    configFile: join(REPO, 'vite.config.ts'),
    cacheDir,
    // Resolution alone (the pre-bundler resolves with the same conditions).
    optimizeDeps: { noDiscovery: true, include: [] },
    logLevel: 'silent',
    server: { port: 0, hmr: false, ws: false },
  });
  try {
    for (const specifier of ['lit', '@lit/reactive-element', 'lit-html', 'lit-element/lit-element.js']) {
      const resolved = await vite.pluginContainer.resolveId(specifier, join(REPO, 'demo', 'main.ts'));
      assert.ok(resolved, `${specifier} resolves`);
      assert.doesNotMatch(resolved.id, /\/development\//, `${specifier}: Lit's development build`);
      assert.doesNotMatch(readFileSync(resolved.id, 'utf8'), /dev mode/, `${specifier}: warns in the console`);
    }
  } finally {
    await vite.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
