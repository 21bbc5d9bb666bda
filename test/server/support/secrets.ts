/** What must never reach the browser, and the check that it did not. */
import assert from 'node:assert/strict';
import type { Tokens } from '@okta/okta-auth-js';
import type { SessionRecord } from '../../../src/server/index.ts';
import type { Answer } from './browser-session.ts';

/** The token strings okta-auth-js handed the app. */
export function tokenStrings(tokens: Tokens): string[] {
  return [tokens.accessToken?.accessToken, tokens.idToken?.idToken, tokens.refreshToken?.refreshToken].filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
}

/** State handles, interaction handles, PKCE verifiers and state values the SDK kept for a session. */
export function transactionSecrets(record: SessionRecord): string[] {
  const text = JSON.stringify(record.sdkStorage);
  const found = new Set<string>();
  for (const key of ['stateHandle', 'interactionHandle', 'codeVerifier', 'state', 'nonce', 'interactionCode']) {
    // The storage nests JSON in JSON strings, so quotes may be escaped any number of times.
    const pattern = new RegExp(`${key}\\\\*":\\\\*"([A-Za-z0-9_~.-]{12,})`, 'g');
    for (const match of text.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found];
}

export function expectNoneIn(answers: readonly Answer[], secrets: readonly string[], what: string): void {
  assert.ok(secrets.length > 0, `there are ${what} to look for`);
  for (const answer of answers) {
    for (const secret of secrets) {
      const at = answer.text.indexOf(secret);
      assert.ok(
        at < 0,
        `${answer.route} (${answer.status}) carries one of the ${what}: …${answer.text.slice(Math.max(0, at - 80), at + 20)}…`,
      );
    }
  }
  // And nothing shaped like a JWT at all.
  for (const answer of answers)
    assert.doesNotMatch(answer.text, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/, `${answer.route} carries a JWT`);
}
