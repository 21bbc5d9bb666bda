import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * Real Okta responses recorded outside this repository (../shared/idx-fixtures). They are not
 * copied into it, so tests that read them run where they exist and are skipped, saying why, elsewhere.
 */
const fixtures = new URL('../../../../shared/idx-fixtures/', import.meta.url);

export const fixturesSkipReason = existsSync(fixtures)
  ? false
  : 'the recorded Okta responses (../shared/idx-fixtures) are not on this machine';

// Recorded responses are read as the tests need them, each a different shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readFixture(name: string): Promise<any> {
  return JSON.parse(await readFile(new URL(name, fixtures), 'utf8'));
}
