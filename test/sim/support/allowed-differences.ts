import type { AllowedDifference } from './compare-shapes.ts';

/** Authenticators the recorded orgs had and the simulated org (password + Okta Verify) has not. */
const OTHER_AUTHENTICATORS = [
  'google_otp',
  'phone_number',
  'security_question',
  'okta_email',
  'webauthn',
  'custom_otp',
  'duo',
  'external_idp',
  'onprem_mfa',
  'rsa_token',
  'symantec_vip',
  'yubikey_token',
].map((key) => `*[${key}]`);

/**
 * Where the simulator's shape differs from a recording on purpose, or the recording is the odd one
 * out. Fixture ids are the file-name prefixes (see SOURCES.md for each recording's origin and age).
 * An entry that no longer matches anything fails the test, so this list only ever shrinks.
 */
export const ALLOWED_DIFFERENCES: AllowedDifference[] = [
  // --- Okta features the simulator does not have -------------------------------------------
  {
    fixtures: ['20', '21', '22', '23', '24', '28', '29', '40', '41', '42', '43', '44', '45', '46', '47'],
    kind: 'missing',
    paths: OTHER_AUTHENTICATORS,
    reason:
      'the simulated org has only the password and Okta Verify; the recorded orgs had more authenticators, enrollments and options',
  },
  {
    fixtures: ['27', '40', '42'],
    kind: 'missing',
    paths: ['*methods[signed_nonce]', '*options[signed_nonce]'],
    reason:
      'the recorded users could use Okta FastPass (signed_nonce); the simulated push and enrolment users cannot (fastpass@example.com can: 62–65)',
  },
  {
    fixtures: ['15', '50'],
    kind: 'missing',
    paths: ['remediation.value[launch-authenticator]', 'authenticatorChallenge'],
    reason:
      'the simulator offers FastPass before identify (launch-authenticator) only with the setting fastPassOnIdentify, off by default (60 and 61 compare it on)',
  },
  {
    fixtures: ['10', '15', '50'],
    kind: 'missing',
    paths: ['remediation.value[select-enroll-profile]'],
    reason: 'self-service registration is not simulated',
  },
  {
    fixtures: ['15', '50'],
    kind: 'missing',
    paths: ['remediation.value[unlock-account]'],
    reason: 'self-service account unlock is not simulated',
  },
  {
    fixtures: ['10', '12', '14', '15', '50'],
    kind: 'missing',
    paths: ['currentAuthenticator.value.recover', 'currentAuthenticatorEnrollment.value.recover'],
    reason: 'password recovery is not simulated',
  },
  {
    fixtures: ['29', '30'],
    kind: 'missing',
    paths: ['currentAuthenticator.value.send'],
    reason:
      'no recording shows what `send` does at an Okta Verify code challenge, so the simulator does not offer it rather than guess',
  },
  {
    fixtures: ['43'],
    kind: 'missing',
    paths: ['remediation.value[skip]'],
    reason: 'the simulated policy makes Okta Verify enrollment required, so there is nothing to skip',
  },
  {
    fixtures: ['13'],
    kind: 'missing',
    paths: ['successWithInteractionCode.value[client_secret]'],
    reason:
      'the recorded client was confidential; this test signs in with the public client (the confidential one gets client_secret: test/sim/confidential-client.test.ts)',
  },
  {
    fixtures: ['01'],
    kind: 'missing',
    paths: ['registration_endpoint', 'request_object_signing_alg_values_supported'],
    reason:
      'the discovery document advertises only what the simulator implements: no dynamic client registration, no request objects',
  },

  // --- Deliberate modelling choices -------------------------------------------------------------
  {
    fixtures: ['22'],
    kind: 'missing',
    paths: [
      'authenticatorEnrollments.value[okta_verify].methods[totp]',
      '*.options[okta_verify].value.form.value[methodType].options[totp]',
    ],
    reason:
      'a push-only user’s device and choice list offer push only; the recorded org restricted push by policy, so its enrollment and choice list still named totp',
  },
  {
    fixtures: ['51'],
    kind: 'missing',
    paths: ['stateHandle', 'expiresAt', 'intent'],
    reason:
      'the simulator forgets an expired transaction, so it answers like the 2025 recording 52 of the same message, without the handle',
  },
  {
    fixtures: ['42', '43'],
    kind: 'missing',
    paths: ['currentAuthenticator.value.methods[*]', 'enrollmentAuthenticator.value.methods[*]'],
    reason:
      'the methods named while a QR is shown vary between recordings (totp in 41, signed_nonce in 42, push in 43); the simulator follows 41',
  },
  {
    fixtures: ['42', '43'],
    kind: 'extra',
    paths: ['currentAuthenticator.value.methods[totp]', 'enrollmentAuthenticator.value.methods[totp]'],
    reason: 'as above: the simulator names totp while a QR is shown, as 41 does',
  },
  {
    fixtures: ['12', '13', '14', '27', '30', '40'],
    kind: 'extra',
    paths: ['user.value.identifier', 'user.value.profile'],
    reason:
      'recordings differ in how much of the user they carry (12, 13: id only; 14, 27, 30, 40: no profile); the simulator sends what 20–29 and 41–47 do',
  },

  // --- Recordings that differ from the newer, unedited ones ---------------------------------------
  {
    fixtures: ['11', '12', '13', '27', '40'],
    kind: 'extra',
    paths: ['*.produces'],
    reason:
      'these recordings omit `produces` (the mobile-SDK mocks and the older widget mocks); the 2021–2023 widget recordings have it on every form',
  },
  {
    fixtures: ['11'],
    kind: 'extra',
    paths: ['remediation.value[identify].value[identifier].required'],
    reason: 'the 2020 identifier-first recording leaves `required` off the identifier; 10, 15 and 50 have it',
  },
  {
    fixtures: ['12'],
    kind: 'missing',
    paths: ['authenticators.value[]', 'authenticatorEnrollments.value[]'],
    reason: 'recording 12 was sanitised of `key` (SOURCES.md), so its password entries are keyed by nothing',
  },
  {
    fixtures: ['12'],
    kind: 'extra',
    paths: [
      'authenticators.value[okta_password]',
      'authenticatorEnrollments.value[okta_password]',
      'currentAuthenticatorEnrollment.value.key',
    ],
    reason: 'as above; okta-auth-js needs `key` to pick the credential shape, so the simulator always sends it',
  },
  {
    fixtures: ['14'],
    kind: 'missing',
    paths: ['remediation.value[select-authenticator-authenticate]'],
    reason:
      'the 2022 widget mock offers the password again beside its own challenge; the identifier-first recording 12 does not, and the simulator follows 12',
  },
  {
    fixtures: ['14', '27', '40'],
    kind: 'missing',
    paths: ['*.authenticatorId'],
    reason:
      '`authenticatorId` appears only in these older or hand-edited widget mocks (their ids are swapped); the other recordings have none',
  },
  {
    fixtures: ['14'],
    kind: 'extra',
    paths: [
      'app',
      'authenticators',
      'currentAuthenticatorEnrollment.value.methods',
      'authenticatorEnrollments.value[okta_password].methods',
    ],
    reason:
      'the hand-edited widget mock 14 drops `app`, `authenticators` and `methods`, which the real recording 12 has',
  },
  {
    fixtures: ['40'],
    kind: 'extra',
    paths: ['app', 'authenticatorEnrollments'],
    reason: 'the hand-edited mock 40 has no `app` or enrollments; the real select-authenticator-enroll of 48 has both',
  },
  {
    fixtures: ['40'],
    kind: 'missing',
    paths: ['remediation.value[select-authenticator-enroll].value[authenticator].required'],
    reason: 'only the hand-edited mock 40 marks the choice required; the real recordings 41–48 do not',
  },
  {
    fixtures: ['27', '40'],
    kind: 'missing',
    paths: ['*[okta_password]'],
    reason:
      'these list the password the user already verified as a choice; the 2022 recordings do not, and okta-auth-js in legacy mode would auto-select it (okta-auth-js-notes.md §1)',
  },
  {
    fixtures: ['25'],
    kind: 'extra',
    paths: ['remediation.value[challenge-poll].value[autoChallenge]'],
    reason: 'the mobile recording 25 has no autoChallenge field; the widget recordings 23 and 24 do',
  },
  {
    fixtures: ['27'],
    kind: 'missing',
    paths: [
      'remediation.value[resend].value[authenticator].value.form.value[methodType].label',
      '*.options[okta_verify].value.form.value[id].visible',
      '*.options[okta_verify].value.form.value[methodType].mutable',
      '*.options[okta_verify].value.form.value[methodType].visible',
    ],
    reason: 'the 2020 recording 27 labels and hides fields that the 2023 recording 28 of the same resend form does not',
  },
  {
    fixtures: ['27'],
    kind: 'extra',
    paths: ['currentAuthenticator.value.resend', 'authenticatorEnrollments.value[okta_verify].profile'],
    reason: 'the 2020 recording 27 has neither; the 2022–2023 recordings (23–25, 28) have both',
  },
  {
    fixtures: ['28'],
    kind: 'missing',
    paths: ['authentication', 'authenticators.value[okta_verify].allowedFor'],
    reason:
      'only the 2023 recordings (28, 56) carry these; the 2021–2022 ones the other steps match do not, and okta-auth-js reads neither',
  },

  // --- Okta Verify beyond push and QR (60–68, widget playground mocks) ----------------------------
  {
    fixtures: ['62', '63', '64', '65'],
    kind: 'missing',
    paths: ['*[okta_password]', '*.options[okta_verify].form'],
    reason:
      'the mock org lists the password among the authenticators to choose from after the password, and nests the option form as `form` (not `value.form`, as the recordings 20–29 do); the simulator follows the recordings',
  },
  {
    fixtures: ['62', '63', '64', '65'],
    kind: 'extra',
    paths: [
      '*.produces',
      '*.options[okta_verify].value',
      '*methods[push]',
      '*methods[totp]',
      'user.value.profile',
      '*.challenge.value.cancel.value[stateHandle].mutable',
    ],
    reason:
      'the mocks omit `produces` and the user profile (the recordings 20–29 have them); the simulated FastPass user also has push and a code on the same Okta Verify, so its methods list them',
  },
  {
    fixtures: ['62', '63', '64', '65'],
    kind: 'type',
    paths: ['*.options[okta_verify].relatesTo'],
    reason:
      'the mocks point the option at the enrolment, the recordings 20–29 at the authenticator; okta-auth-js reads either',
  },
  {
    fixtures: ['62'],
    kind: 'extra',
    paths: [
      'currentAuthenticator.value.contextualData.challenge.value.challengeRequest.header',
      'currentAuthenticator.value.contextualData.challenge.value.challengeRequest.payload',
      'currentAuthenticator.value.contextualData.challenge.value.probeTimeoutMillis',
    ],
    reason:
      'the mock’s challengeRequest is a placeholder string where Okta sends a signed JWT (as the mock 60 shows); current orgs send `probeTimeoutMillis`, which the mock predates',
  },
  {
    fixtures: ['62'],
    kind: 'type',
    paths: ['currentAuthenticator.value.contextualData.challenge.value.challengeRequest'],
    reason: 'as above: a JWT, where the mock has a placeholder string',
  },
  {
    fixtures: ['66', '67'],
    kind: 'missing',
    paths: [
      'authenticators.value[]',
      'context',
      'step',
      'currentAuthenticator.value.authenticatorInstanceId',
      'remediation.value[select-authenticator-enroll].value[authenticator].options[]',
      'remediation.value[select-authenticator-enroll].value[authenticator].required',
      '*.value.form.value[channel].visible',
      '*.value.form.value[id].visible',
    ],
    reason:
      'the 2023 mocks 66 and 67 describe authenticators in a catalogue shape (`catalogKey`, `authenticatorName`, no `key`) no recording or okta-auth-js uses; the simulator keeps the shape of the recordings 40–47, whose enroll-poll okta-auth-js reads',
  },
  {
    fixtures: ['66', '67'],
    kind: 'extra',
    paths: [
      'app',
      'authenticatorEnrollments',
      'authenticators.value[okta_verify]',
      'enrollmentAuthenticator',
      '*.produces',
      'currentAuthenticator.value.displayName',
      'currentAuthenticator.value.id',
      'currentAuthenticator.value.methods',
      'remediation.value[select-authenticator-enroll].value[authenticator].options[okta_verify]',
      '*.value.form.value[channel].type',
      'user.value.profile',
    ],
    reason: 'as above: what the recordings 41–47 of the same enroll-poll carry and the catalogue-shaped mocks do not',
  },
  {
    fixtures: ['60', '61'],
    kind: 'missing',
    paths: ['context'],
    reason:
      'the mocks carry a top-level `context` form (re-read the transaction) that okta-auth-js and the widget never use',
  },
  {
    fixtures: ['60', '61'],
    kind: 'extra',
    paths: ['app', '*.produces'],
    reason: 'the recordings of identify (10, 15) carry `app` and `produces`; these older mocks do not',
  },
  {
    fixtures: ['60'],
    kind: 'extra',
    paths: [
      'authenticatorChallenge.value.challengeRequest.payload.transactionId',
      'authenticatorChallenge.value.probeTimeoutMillis',
      '*.value[stateHandle].mutable',
      'remediation.value[device-challenge-poll].relatesTo[]',
    ],
    reason:
      'the 2019 challenge request in 60 predates `transactionId` (the 2022 one of 15 has it) and `probeTimeoutMillis`; its stateHandle fields omit `mutable`, which every other recording has',
  },
  {
    fixtures: ['60'],
    kind: 'type',
    paths: ['remediation.value[device-challenge-poll].relatesTo'],
    reason: 'only 60 writes `relatesTo` as a string; 61 and every other recording use an array',
  },
];
