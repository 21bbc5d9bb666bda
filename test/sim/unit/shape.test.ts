import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareShapes, parentPath, unexplained } from '../support/compare-shapes.ts';
import { digest, leakedValues } from 'ov-sim/shape';

const HANDLE = '02tKwcMNRmwEsDoe_HuMZYf5m-lg3kFugYKrcTWOL3';

const body = {
  stateHandle: HANDLE,
  remediation: {
    type: 'array',
    value: [
      {
        name: 'select-authenticator-authenticate',
        value: [
          {
            name: 'authenticator',
            type: 'object',
            options: [{ label: 'Okta Verify', value: { form: { value: [] } }, relatesTo: '$.authenticators.value[1]' }],
          },
          { name: 'stateHandle', value: HANDLE },
        ],
      },
      { name: 'challenge-poll', relatesTo: ['$.currentAuthenticator'], refresh: 1000, value: [] },
    ],
  },
  authenticators: {
    type: 'array',
    value: [{ key: 'google_otp' }, { key: 'okta_verify', methods: [{ type: 'push' }] }],
  },
  currentAuthenticator: {
    type: 'object',
    value: { key: 'okta_verify', contextualData: { qrcode: { href: 'data:image/png;base64,AAAA' } } },
  },
  user: { type: 'object', value: { identifier: 'tester@example.com' } },
  messages: {
    type: 'array',
    value: [{ message: 'Invalid code. Try again.', i18n: { key: 'api.authn.error.PASSCODE_INVALID' } }],
  },
};

test('digest keeps keys, types and the protocol vocabulary, never values', () => {
  const { shape, remediations } = digest(body);
  assert.deepEqual(remediations, ['select-authenticator-authenticate', 'challenge-poll']);
  assert.equal(shape.stateHandle, 'string');
  assert.equal(shape['remediation.value[challenge-poll].refresh'], 'number');
  assert.equal(shape['authenticators.value[okta_verify].methods[push].type'], 'string:push');
  assert.equal(
    shape['messages.value[api.authn.error.PASSCODE_INVALID].i18n.key'],
    'string:api.authn.error.PASSCODE_INVALID',
  );
  assert.equal(shape['user.value.identifier'], 'string');
  assert.deepEqual(leakedValues(body, digest(body)), []);
});

test('digest names a relatesTo target by its key, so indexes of other authenticators do not matter', () => {
  const { shape } = digest(body);
  const option = 'remediation.value[select-authenticator-authenticate].value[authenticator].options[okta_verify]';
  assert.equal(shape[`${option}.relatesTo`], 'string:$.authenticators.value[okta_verify]');
  assert.equal(shape['remediation.value[challenge-poll].relatesTo[]'], 'string:$.currentAuthenticator');
  const broken = { remediation: { value: [{ name: 'x', relatesTo: ['$.nowhere'] }] } };
  assert.equal(digest(broken).shape['remediation.value[x].relatesTo[]'], 'string:$.nowhere (unresolved)');
});

test('digest reads a JWT as its header and claim names', () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const { shape } = digest({
    id_token: `${part({ kid: 'k', alg: 'RS256' })}.${part({ sub: 'u', amr: ['pwd'], iat: 1 })}.sig`,
  });
  assert.equal(shape.id_token, 'jwt');
  assert.equal(shape['id_token.header.kid'], 'string');
  assert.equal(shape['id_token.payload.amr[]'], 'string');
  assert.equal(shape['id_token.payload.iat'], 'number');
});

test('leakedValues finds values that reached a digest', () => {
  const leaky = {
    shape: { [`cancel.value[${HANDLE}]`]: 'object', 'user.value.identifier': 'string:tester@example.com' },
  };
  assert.deepEqual(leakedValues(body, leaky).sort(), [HANDLE, 'tester@example.com'].sort());
});

test('compareShapes reports the outermost missing or extra path, type changes, order and status', () => {
  const okta = {
    status: 401,
    remediations: ['a', 'b'],
    shape: {
      'remediation.value[a]': 'object',
      'remediation.value[b]': 'object',
      x: 'object',
      'x.y': 'string',
      z: 'number',
    },
  };
  const sim = {
    status: 400,
    remediations: ['b', 'a'],
    shape: { 'remediation.value[a]': 'object', 'remediation.value[b]': 'object', z: 'string', w: 'boolean' },
  };
  assert.deepEqual(
    compareShapes(okta, sim).map((d) => `${d.kind} ${d.path}`),
    ['missing x', 'extra w', 'type z', 'order remediation', 'status status'],
  );
});

test('unexplained lets listed differences through and flags entries that explain nothing', () => {
  const differences = [{ kind: 'missing' as const, path: 'authenticators.value[duo]', detail: '' }];
  const allowed = { fixtures: ['20'], kind: 'missing' as const, paths: ['*[duo]'], reason: 'no Duo' };
  assert.deepEqual(unexplained('20', differences, [allowed]), []);
  assert.equal(unexplained('21', differences, [{ ...allowed, fixtures: ['21'], paths: ['*[rsa_token]'] }]).length, 2);
});

test('parentPath steps out of bracketed keys that contain dots', () => {
  assert.equal(parentPath('messages.value[errors.E0000004].i18n'), 'messages.value[errors.E0000004]');
  assert.equal(parentPath('messages.value[errors.E0000004]'), 'messages.value');
  assert.equal(parentPath('version'), '');
});
