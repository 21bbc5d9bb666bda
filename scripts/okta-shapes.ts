// `npx tsx scripts/okta-shapes.ts [FIXTURES_DIR]`: digests the recorded Okta responses
// (default ../shared/idx-fixtures beside the repository) into test/sim/okta-shapes.json.
// The recordings stay outside the repository; only their shapes, without values, are committed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { digest, leakedValues, type ShapeDigest } from 'ov-sim/shape';

const repoRoot = new URL('..', import.meta.url).pathname;
const fixturesDir = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '../shared/idx-fixtures');
const outFile = join(repoRoot, 'test/sim/okta-shapes.json');

/** The files carry bodies only; SOURCES.md's "what it shows" column names the status where one is known. */
function statusesFromSources(sources: string): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const line of sources.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const file = /^`([^`]+\.json)`$/.exec(cells[1] ?? '')?.[1];
    const status = /\b(200|400|401|403|404|429)\b/.exec(cells.at(-2) ?? '')?.[1];
    if (file && status) statuses.set(file, Number(status));
  }
  return statuses;
}

const statuses = statusesFromSources(readFileSync(join(fixturesDir, 'SOURCES.md'), 'utf8'));
const digests: Record<string, ShapeDigest> = {};
for (const file of readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const body: unknown = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));
  const shapeDigest = digest(body, statuses.get(file));
  const leaked = leakedValues(body, shapeDigest);
  if (leaked.length > 0) throw new Error(`${file}: values would leak into the digest: ${leaked.join(', ')}`);
  digests[file.replace(/\.json$/, '')] = shapeDigest;
  console.log(
    `${file}  ${Object.keys(shapeDigest.shape).length} paths${shapeDigest.status ? `, status ${shapeDigest.status}` : ''}`,
  );
}

const about =
  'Shape digests (keys and JSON types, no values) of real recorded Okta responses kept outside this repository ' +
  '(see their SOURCES.md). Written by scripts/okta-shapes.ts, read by test/sim/structure.test.ts; format in sim/shape.ts.';
writeFileSync(outFile, `${JSON.stringify({ about, digests }, null, 2)}\n`);
console.log(`wrote ${outFile}`);
