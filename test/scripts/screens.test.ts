/**
 * The screenshot generator (`npm run screens`, scripts/screens/) keeps working as the widget
 * changes: two screens walked against a real simulator in Chromium, in every look, into a temporary
 * directory (never docs/). Okta's widget is left out: it would need the registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { generateScreens } from '../../scripts/screens/generate.ts';

const REPO = join(import.meta.dirname, '..', '..');

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('screens: the sign-in and wrong-password screens, light, dark, rtl and 375 px, as PNGs of the widget', async () => {
  if (!existsSync(join(REPO, 'dist/bundle/ov-signin.js')))
    execFileSync('npm', ['run', '--silent', 'build:bundle'], { cwd: REPO, stdio: 'pipe' });
  const out = mkdtempSync(join(tmpdir(), 'ov-screens-'));
  try {
    const result = await generateScreens({ out, only: ['sign-in', 'wrong-password'], okta: false });
    assert.deepEqual(result.failed, []);
    const names = result.written.map((file) => basename(file)).sort();
    assert.deepEqual(
      names,
      ['sign-in', 'wrong-password'].flatMap((s) => ['375', 'dark', 'light', 'rtl'].map((v) => `${s}-${v}.png`)),
    );
    for (const file of result.written) {
      assert.equal(dirname(file), out, 'written where asked, not into docs/');
      const { width, height } = pngSize(file);
      // Clipped to the widget and a margin: neither a blank sliver nor the whole page.
      assert.ok(height >= 120 && height <= 1200, `${basename(file)}: height ${height}`);
      if (file.endsWith('-375.png')) assert.ok(width >= 250 && width <= 375, `${basename(file)}: width ${width}`);
      else assert.ok(width >= 250 && width <= 700, `${basename(file)}: width ${width}`);
    }
    // Each look took effect: the dark and Arabic pictures are not the light one again.
    const bytes = (variant: string) => readFileSync(join(out, `sign-in-${variant}.png`));
    assert.notDeepEqual(bytes('dark'), bytes('light'));
    assert.notDeepEqual(bytes('rtl'), bytes('light'));
    // The wrong password shows the problem: a different picture from the untouched form.
    assert.notDeepEqual(readFileSync(join(out, 'wrong-password-light.png')), bytes('light'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
