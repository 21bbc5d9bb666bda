/** What the inspector masks before anything is shown or copied, wherever a secret sits. */
import { expect } from '@open-wc/testing';
import { MASK, isSecretName, mask, maskedPath, parsedBody } from '../../../src/inspector/mask.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMHUxIn0.c2lnbmF0dXJl';

describe('inspector masking', () => {
  it('masks secret fields by name, at any depth, whatever their spelling', () => {
    expect(
      mask({
        identifier: 'push@example.com',
        credentials: { passcode: 'Ov-Demo-2026!' },
        stateHandle: '02abc',
        nested: [
          { access_token: 'at', id_token: 'it', refresh_token: 'rt', 'client-secret': 's', interactionHandle: 'ih' },
        ],
        password: 'p',
      }),
    ).to.deep.equal({
      identifier: 'push@example.com',
      credentials: { passcode: MASK },
      stateHandle: MASK,
      nested: [
        { access_token: MASK, id_token: MASK, refresh_token: MASK, 'client-secret': MASK, interactionHandle: MASK },
      ],
      password: MASK,
    });
  });

  it('keeps a secret object’s shape (which fields were sent) and masks every leaf', () => {
    expect(mask({ credentials: { passcode: '123456' }, password: { value: 'x', extra: ['a'] } })).to.deep.equal({
      credentials: { passcode: MASK },
      password: { value: MASK, extra: [MASK] },
    });
    expect(mask({ code: ['1', '2'] })).to.deep.equal({ code: [MASK, MASK] });
    expect(mask({ passcode: 123456 }), 'a code sent as a number').to.deep.equal({ passcode: MASK });
    expect(mask({ name: 'passcode', label: 'Password', secret: true }), 'a flag holds no secret').to.deep.equal({
      name: 'passcode',
      label: 'Password',
      secret: true,
    });
  });

  it('masks the value of an IDX form field named as a secret', () => {
    const form = [
      { name: 'stateHandle', required: true, value: '02handle', visible: false },
      { name: 'interaction_code', required: true, value: 'ic-123' },
      { name: 'grant_type', required: true, value: 'interaction_code' },
      { name: 'identifier', label: 'Username' },
    ];
    expect(mask(form)).to.deep.equal([
      { name: 'stateHandle', required: true, value: MASK, visible: false },
      { name: 'interaction_code', required: true, value: MASK },
      { name: 'grant_type', required: true, value: 'interaction_code' },
      { name: 'identifier', label: 'Username' },
    ]);
  });

  it('parses JSON and form-encoded text bodies and masks their fields', () => {
    expect(mask('{"stateHandle":"02x","intent":"LOGIN"}')).to.deep.equal({ stateHandle: MASK, intent: 'LOGIN' });
    expect(mask('grant_type=interaction_code&interaction_code=abc&code_verifier=xyz&client_id=ov-demo')).to.deep.equal({
      grant_type: 'interaction_code',
      interaction_code: MASK,
      code_verifier: MASK,
      client_id: 'ov-demo',
    });
    expect(parsedBody('{"a":1}')).to.deep.equal({ a: 1 });
    expect(parsedBody('plain text')).to.equal('plain text');
  });

  it('masks JSON Web Tokens and data URIs whatever field they are in, and secret query parameters of URLs', () => {
    expect(mask({ anything: JWT })).to.deep.equal({ anything: MASK });
    expect(mask({ href: 'data:image/png;base64,iVBORw0KGgo=' })).to.deep.equal({ href: '[data URI, 34 characters]' });
    expect(mask({ link: 'https://org.example/activate?token=abc&lang=en#frag' })).to.deep.equal({
      link: `https://org.example/activate?token=${MASK}&lang=en`,
    });
  });

  it('keeps what a bug report needs: names, statuses, error codes, the number to tap', () => {
    const body = {
      errorCode: 'E0000011',
      errorSummary: 'Invalid token',
      correctAnswer: '42',
      status: 'PENDING',
      refresh: 300,
      name: 'challenge-poll',
    };
    expect(mask(body)).to.deep.equal(body);
    for (const name of ['errorCode', 'correctAnswer', 'identifier', 'token_type', 'methodType', 'name']) {
      expect(isSecretName(name), name).to.equal(false);
    }
  });

  it('shortens long plain text', () => {
    const text = 'x'.repeat(500);
    expect(mask(text)).to.equal(`${'x'.repeat(200)}… [500 characters]`);
  });

  it('gives a URL as path and query, secret parameters masked, without origin or fragment', () => {
    expect(
      maskedPath(
        'https://org.example/oauth2/default/v1/authorize?client_id=ov&state=s1&code_challenge=c#access_token=t',
      ),
    ).to.equal(`/oauth2/default/v1/authorize?client_id=ov&state=${MASK}&code_challenge=${MASK}`);
    expect(maskedPath('https://org.example/idp/idx/introspect')).to.equal('/idp/idx/introspect');
    expect(maskedPath('/relative/path?code=1')).to.equal(`/relative/path?code=${MASK}`);
  });

  // Issue 16, finding 9: the deny-list let these through in clear.
  describe('an allow-list, not a deny-list: hostile examples', () => {
    const STATE_HANDLE = '02vWoN3BXxJ9oeJA05wdCO2sp1q-RimAkwgnN-6x';
    const ACTIVATION = 'ftK8azJCfmMiintWS9IbnrrZUeHFBkJpnT';

    it('masks values under any key it does not know: pin, pwd, secretAnswer, a new field', () => {
      expect(
        mask({
          pin: '1234',
          pwd: 'hunter2',
          secretAnswer: 'Fluffy',
          credentials: { pin: 4321, totallyNewField: 'abc' },
          questionAnswer: 'Paris',
        }),
      ).to.deep.equal({
        pin: MASK,
        pwd: MASK,
        secretAnswer: MASK,
        credentials: { pin: MASK, totallyNewField: MASK },
        questionAnswer: MASK,
      });
      for (const name of ['pin', 'pwd', 'secretAnswer', 'stateHandle', 't', 'activationToken', 'otp'])
        expect(isSecretName(name), name).to.equal(true);
    });

    it('masks the value of an IDX field named pin, pwd or secretAnswer; keeps the identifier', () => {
      expect(
        mask([
          { name: 'pin', value: '1234' },
          { name: 'pwd', value: 'hunter2' },
          { name: 'secretAnswer', value: 'Fluffy', label: 'Answer' },
          { name: 'stateHandle', value: STATE_HANDLE },
          { name: 'identifier', value: 'push@example.com' },
        ]),
      ).to.deep.equal([
        { name: 'pin', value: MASK },
        { name: 'pwd', value: MASK },
        { name: 'secretAnswer', value: MASK, label: 'Answer' },
        { name: 'stateHandle', value: MASK },
        { name: 'identifier', value: 'push@example.com' },
      ]);
    });

    it('masks activation tokens in URL paths and in ?t=, and every query value of an unknown name', () => {
      expect(maskedPath(`https://org.example/idp/authenticators/okta-verify/activate/${ACTIVATION}/next`)).to.equal(
        `/idp/authenticators/okta-verify/activate/${MASK}/next`,
      );
      expect(maskedPath(`https://org.example/activate?t=${ACTIVATION}&lang=en`)).to.equal(
        `/activate?t=${MASK}&lang=en`,
      );
      expect(maskedPath('https://org.example/activate?t=short&pin=12')).to.equal(`/activate?t=${MASK}&pin=${MASK}`);
      expect(mask({ href: `https://org.example/sso/${STATE_HANDLE}?client_id=ov-demo` })).to.deep.equal({
        href: `https://org.example/sso/${MASK}?client_id=ov-demo`,
      });
      expect(mask(`t=${ACTIVATION}&lang=en`)).to.deep.equal({ t: MASK, lang: 'en' });
    });

    it('masks long random strings even under a safe key, and inside text', () => {
      expect(mask({ name: STATE_HANDLE, label: ACTIVATION, message: `Handle ${STATE_HANDLE} expired` })).to.deep.equal({
        name: MASK,
        label: MASK,
        message: `Handle ${MASK} expired`,
      });
      expect(mask(`plain text with ${ACTIVATION} inside`)).to.equal(`plain text with ${MASK} inside`);
      expect(mask({ error: '9f86d081884c7d659a2feaa0c55ad015' }), 'a hex digest').to.deep.equal({ error: MASK });
    });

    it('keeps names, dates, content types and Okta ids, which only look long', () => {
      const kept = {
        name: 'select-authenticator-enroll',
        expiresAt: '2024-12-20T21:42:53.000Z',
        accepts: 'application/json; okta-version=1.0.0',
        relatesTo: '$.authenticators.value[0]',
        identifier: 'indira.thirumalaimuruan+testuser1@okta.com',
        id: 'aut33q8VnsQX0hxcw0g4',
        options: [{ label: 'Okta Verify', value: 'push' }],
        value: [{ name: 'id', value: 'aut33q8VnsQX0hxcw0g4' }],
      };
      expect(mask(kept)).to.deep.equal(kept);
    });
  });
});
