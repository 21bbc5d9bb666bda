import { expect } from '@open-wc/testing';
import { OAuthError } from '@okta/okta-auth-js';
import { toProblem } from '../../../src/controller/problems.js';
import { transportFailure } from '../../../src/transport/transport-failure.js';
import { createAuthClient as createWithoutSdk } from '../../../src/transport/no-sdk-client.js';
import type { OvTransaction } from '../../../src/controller/types.js';

/** A TERMINAL transaction as okta-auth-js builds it from an error body. */
function terminal(rawIdxState: object, messages?: object[]): OvTransaction {
  return {
    status: 'TERMINAL',
    rawIdxState,
    messages,
    neededToProceed: [],
    actions: {},
    context: {},
  } as unknown as OvTransaction;
}

describe('reading failures', () => {
  it('a 5xx, a 429 and an unreadable body that okta-auth-js made TERMINAL are not the end of the sign-in', () => {
    const serverError = transportFailure(terminal({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' }));
    expect(toProblem(serverError)).to.include({ code: 'network', canRetry: true });
    const limited = transportFailure(
      terminal({ version: '1.0.0' }, [
        { message: 'Too many requests', i18n: { key: 'tooManyRequests' }, class: 'ERROR' },
      ]),
    );
    expect(toProblem(limited)).to.include({ code: 'rate-limited', canRetry: true });
    const unreadable = transportFailure(terminal({ error: {}, errorSummary: 'Could not parse server response' }));
    expect(toProblem(unreadable)).to.include({ code: 'unexpected', canRetry: true });
  });

  it("an OAuth error (interact, token): Okta's description on screen as a message; invalid_grant is an expiry", () => {
    const description = 'The client is not authorized to use the provided grant type.';
    expect(toProblem(new OAuthError('unauthorized_client', description))).to.deep.include({
      code: 'refused',
      canRetry: true,
      messages: [{ text: description, level: 'error' }],
    });
    expect(toProblem(new OAuthError('invalid_grant', 'The interaction code is invalid.'))).to.include({
      code: 'expired',
    });
    expect(toProblem(new OAuthError('server_error', ' '))).to.include({ code: 'unexpected' });
  });

  it('the server-mode-only build given an issuer instead of an endpoint: a configuration problem, nothing to retry', async () => {
    const refusal = await createWithoutSdk({
      issuer: 'https://example.okta.com',
      clientId: 'x',
      redirectUri: 'https://a/cb',
      scopes: [],
    }).catch((e: unknown) => e);
    expect(String(refusal)).to.contain('Set the `endpoint` attribute');
    expect(toProblem(refusal)).to.deep.equal({
      code: 'config',
      message: 'The widget cannot sign in as configured; the error says what is missing.',
      canRetry: false,
    });
  });

  it('a real terminal step is left alone', () => {
    const timedOut = terminal({ version: '1.0.0' }, [
      { message: 'Verification timed out', i18n: { key: 'idx.push.timeout' }, class: 'ERROR' },
    ]);
    expect(transportFailure(timedOut)).to.equal(undefined);
    expect(transportFailure({ status: 'PENDING' } as OvTransaction)).to.equal(undefined);
  });

  it("fetch's own TypeError is a network failure; a TypeError from reading a wrong body is not", () => {
    expect(toProblem(new TypeError('Failed to fetch')).code).to.equal('network');
    expect(toProblem(new TypeError("Cannot read properties of undefined (reading 'value')")).code).to.equal(
      'unexpected',
    );
    const noAnswer = Object.assign(new Error('Failed to fetch'), {
      name: 'AuthApiError',
      errorSummary: 'Failed to fetch',
    });
    expect(toProblem(noAnswer).code).to.equal('network');
    const cutShort = Object.assign(new Error('x'), {
      name: 'AuthApiError',
      errorSummary: 'Unterminated string in JSON at position 1574',
    });
    expect(toProblem(cutShort).code).to.equal('unexpected');
  });
});
