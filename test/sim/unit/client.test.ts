import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// The browser tests load ov-sim/client as it is: it must need nothing but fetch and timers.
test('sim/client.ts imports nothing at run time (types only), so a browser can load it', () => {
  const source = readFileSync(new URL('../../../sim/client.ts', import.meta.url), 'utf8');
  const imports = [
    ...source.matchAll(/^\s*(?:import|export)\b(?!\s+type\b)[^;]*?\bfrom\s+'([^']+)'/gm),
    ...source.matchAll(/^\s*import\s+'([^']+)'/gm),
  ].map((match) => match[1]);
  assert.deepEqual(imports, []);
  assert.doesNotMatch(source, /\bimport\(|\brequire\(|\bprocess\.|\bBuffer\b/);
});
