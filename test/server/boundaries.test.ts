/**
 * `ov-signin/server` runs in Node and never pulls in the widget: its modules import only each
 * other, okta-auth-js, Node's own modules and the two transport modules both sides share (the wire
 * protocol and the okta-auth-js HTTP tap, which import nothing). The browser side imports nothing
 * from src/server, and the server-mode build has no okta-auth-js.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const SHARED = ['../transport/protocol.js', '../transport/http-tap.js'];

test('src/server imports only itself, okta-auth-js, cookie, node: modules and the shared transport modules', () => {
  const outside = filesIn(join(SRC, 'server')).flatMap((file) =>
    importsOf(file)
      .filter(
        (spec) =>
          !(
            spec.startsWith('./') ||
            spec.startsWith('@okta/okta-auth-js') ||
            spec === 'cookie' ||
            spec.startsWith('node:') ||
            SHARED.includes(spec)
          ),
      )
      .map((spec) => `${file.slice(SRC.length)} → ${spec}`),
  );
  assert.deepEqual(outside, []);
  for (const shared of ['protocol.ts', 'http-tap.ts'])
    assert.deepEqual(importsOf(join(SRC, 'transport', shared)), [], shared);
});

test('outside src/server, nothing imports it', () => {
  const uses = filesIn(SRC)
    .filter((file) => !file.startsWith(join(SRC, 'server')))
    .flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('/server/'))
        .map((spec) => `${file.slice(SRC.length)} → ${spec}`),
    );
  assert.deepEqual(uses, []);
});

test('the server-mode build holds no okta-auth-js code (its source map lists every module bundled)', () => {
  const REPO = join(SRC, '..');
  const map = join(REPO, 'dist/bundle/ov-signin-server-mode.js.map');
  if (!existsSync(map)) execFileSync('npm', ['run', '--silent', 'build:bundle'], { cwd: REPO, stdio: 'pipe' });
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  assert.deepEqual(
    sources.filter((s) => s.includes('@okta/') || s.includes('create-auth-client')),
    [],
  );
  assert.ok(
    sources.some((s) => s.endsWith('src/transport/no-sdk-client.ts')),
    'the stand-in for create-auth-client.ts is in',
  );
  assert.ok(
    sources.some((s) => s.endsWith('src/transport/endpoint-client.ts')),
    'the endpoint client is in',
  );
  // The full build, for contrast, does carry it.
  const full = JSON.parse(readFileSync(join(REPO, 'dist/bundle/ov-signin.js.map'), 'utf8')) as { sources: string[] };
  assert.ok(full.sources.some((s) => s.includes('@okta/okta-auth-js')));
});
