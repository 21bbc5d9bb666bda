/**
 * examples/express-bff from a checkout under a dot-directory (`~/.cache/work/ov-signin`): Express
 * refuses, by default, to send a file whose absolute path has a dot-directory in it. The example and
 * the built bundle are copied to such a path (the sources and node_modules linked), and the page's
 * bundle must still be served.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_CLIENT_ID, SERVER_CLIENT_SECRET } from 'ov-sim';
import type * as Example from '../../examples/express-bff/server.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = 'dist/bundle/ov-signin-server-mode.js';

const outside = mkdtempSync(join(tmpdir(), 'ov-signin-dot-'));
const checkout = join(outside, '.cache', 'work', 'ov-signin');
after(() => rmSync(outside, { recursive: true, force: true }));

/** The example and its bundle copied under `.cache/`; the package.json makes `ov-signin/…` resolve there. */
function copyUnderDotDirectory(): void {
  if (!existsSync(join(REPO, BUNDLE)))
    execFileSync('npm', ['run', '--silent', 'build:bundle'], { cwd: REPO, stdio: 'pipe' });
  mkdirSync(join(checkout, 'dist', 'bundle'), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(checkout, 'package.json'));
  cpSync(join(REPO, BUNDLE), join(checkout, BUNDLE));
  cpSync(join(REPO, 'examples', 'express-bff'), join(checkout, 'examples', 'express-bff'), { recursive: true });
  symlinkSync(join(REPO, 'src'), join(checkout, 'src'));
  symlinkSync(join(REPO, 'node_modules'), join(checkout, 'node_modules'));
}

test('the page under ~/.cache/…: the example serves the server-mode build from a path with a dot-directory', async () => {
  copyUnderDotDirectory();
  const example = pathToFileURL(join(checkout, 'examples', 'express-bff', 'server.ts')).href;
  const { createApp } = (await import(example)) as typeof Example;
  const server = createApp({
    // Serving the page and the bundle asks nothing of Okta: no simulator needed.
    issuer: 'http://127.0.0.1:9/oauth2/default',
    clientId: SERVER_CLIENT_ID,
    clientSecret: SERVER_CLIENT_SECRET,
    redirectUri: 'http://localhost:3000/login/callback',
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = await fetch(`${origin}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<ov-signin endpoint="\/auth"><\/ov-signin>/);
    const bundle = await fetch(`${origin}/ov-signin-server-mode.js`);
    assert.equal(bundle.status, 200, `the bundle under ${checkout} was not served`);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.doesNotMatch(await bundle.text(), /okta-auth-js|OktaAuth/);
  } finally {
    server.close();
    server.closeAllConnections();
  }
});
