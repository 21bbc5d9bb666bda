/**
 * Okta's IDX vocabulary stays behind the snapshot: elements render screens and call intents, and no
 * file under src/components/ names a remediation (the controller knows which one each intent sends).
 * Words stay in front of it: the controller reports codes, and no file under src/controller/
 * imports src/i18n/ (elements word the codes in their own locale).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { KNOWN_REMEDIATIONS } from '../../src/controller/snapshot.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const COMPONENTS = join(REPO, 'src/components');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the snapshot knows the remediations it routes', () => {
  for (const name of ['identify', 'challenge-poll', 'enroll-poll', 'select-enrollment-channel', 'resend', 'skip']) {
    assert.ok(KNOWN_REMEDIATIONS.includes(name), name);
  }
});

test('no file under src/components/ names an IDX remediation', () => {
  const files = filesUnder(COMPONENTS);
  assert.ok(files.length > 0, 'src/components/ has files');
  const hits = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    // A name as a string literal or a template literal: 'enroll-poll', "resend", `skip`.
    return KNOWN_REMEDIATIONS.filter((name) => new RegExp(`['"\`]${name}['"\`]`).test(source)).map(
      (name) => `${relative(REPO, file)}: '${name}'`,
    );
  });
  assert.deepEqual(hits, []);
});

test('no file under src/controller/ imports src/i18n/', () => {
  const hits = filesUnder(join(REPO, 'src/controller')).filter((file) =>
    /from\s+'[^']*\/i18n\//.test(readFileSync(file, 'utf8')),
  );
  assert.deepEqual(
    hits.map((file) => relative(REPO, file)),
    [],
  );
});
