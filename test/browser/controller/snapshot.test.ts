import { expect } from '@open-wc/testing';
import { DEFAULT_POLL_REFRESH, routeOf, toSnapshot } from '../../../src/controller/snapshot.js';
import { MalformedResponseError } from '../../../src/errors.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

describe('toSnapshot (transaction → step)', () => {
  describe('is the same whichever mode okta-auth-js ran in', () => {
    for (const [label, tx] of Object.entries(idx.STEPS)) {
      it(label, () => {
        const legacy = toSnapshot(idx.inMode(tx, 'legacy'));
        const step = toSnapshot(idx.inMode(tx, 'step'));
        expect(idx.inMode(tx, 'legacy').nextStep).to.not.deep.equal(idx.inMode(tx, 'step').nextStep);
        expect(legacy).to.deep.equal(step);
      });
    }
  });

  it('identify: username and password inputs, cancel offered, no poll', () => {
    const step = toSnapshot(idx.identify);
    expect(step.name).to.equal('identify');
    expect(step.inputs.map((i) => [i.name, i.label, i.secret])).to.deep.equal([
      ['username', 'Username', false],
      ['password', 'Password', true],
    ]);
    expect(step.poll).to.equal(undefined);
    expect(step.can.cancel).to.equal(true);
    expect(step.alternatives).to.deep.equal([]);
  });

  it('identify without credentials: username only', () => {
    expect(toSnapshot(idx.identifierOnly).inputs.map((i) => i.name)).to.deep.equal(['username']);
  });

  it('a refused identify: the message on the password field, none above the form', () => {
    const step = toSnapshot(idx.identifyWrongPassword);
    expect(step.messages).to.deep.equal([]);
    expect(step.inputs.find((i) => i.name === 'password')?.messages).to.deep.equal([
      { text: 'Authentication failed', key: 'errors.E0000004', level: 'error' },
    ]);
    expect(step.inputs.find((i) => i.name === 'username')?.messages).to.deep.equal([]);
  });

  it('a refusal that is not about the password (locked out) stays above the form', () => {
    const locked = {
      ...idx.identifyWrongPassword,
      messages: [{ message: 'Locked', i18n: { key: 'errors.E0000069' }, class: 'ERROR' }],
    } as OvTransaction;
    const step = toSnapshot(locked);
    expect(step.messages.map((m) => m.key)).to.deep.equal(['errors.E0000069']);
    expect(step.inputs.every((i) => i.messages.length === 0)).to.equal(true);
  });

  it('identify with rememberMe: "Keep me signed in" offered, with Okta\'s value', () => {
    expect(toSnapshot(idx.identify).rememberMe).to.equal(false);
    expect(toSnapshot(idx.identifierOnly).rememberMe).to.equal(undefined);
  });

  it('Okta Verify with push alone: the send-push screen, with autoChallenge as sent', () => {
    const step = toSnapshot(idx.verificationDataOnly(['push'], false));
    expect(step.screen).to.equal('send-push');
    expect(step.autoChallenge).to.equal(false);
    expect(step.options.map((o) => o.method)).to.deep.equal(['push']);
    expect(toSnapshot(idx.verificationDataOnly(['push'], true)).autoChallenge).to.equal(true);
    expect(toSnapshot(idx.verificationDataOnly(['push'])).autoChallenge).to.equal(undefined);
    expect(toSnapshot(idx.verificationDataOnly(['totp'])).screen).to.equal('method-picker');
  });

  it('"Forgot password?" where Okta offers the password\'s recover action', () => {
    const step = toSnapshot(idx.identifyWithRecover);
    expect(step.can.recover).to.equal(true);
    expect(routeOf(step).moves.recover).to.deep.equal({ send: { actions: ['currentAuthenticator-recover'] } });
    expect(toSnapshot(idx.identify).can.recover).to.equal(false);
  });

  it('each choice names its method, for the widget to word it', () => {
    expect(toSnapshot(idx.verificationData).options.map((o) => o.method)).to.deep.equal(['totp', 'push']);
  });

  it('password challenge: the password input and the user', () => {
    const step = toSnapshot(idx.passwordChallenge);
    expect(step.name).to.equal('challenge-authenticator');
    expect(step.authenticator?.key).to.equal('okta_password');
    expect(step.inputs.map((i) => i.name)).to.deep.equal(['password']);
    expect(step.identifier).to.equal('ada@example.com');
  });

  it('select-authenticator-authenticate: one option per method of each authenticator, with the values to send', () => {
    const step = toSnapshot(idx.selectAuthenticatorAuthenticate);
    expect(step.options.map((o) => [o.label, o.authenticatorKey, o.detail])).to.deep.equal([
      ['Enter a code', 'okta_verify', 'Okta Verify · Pixel 8'],
      ['Get a push notification', 'okta_verify', 'Okta Verify · Pixel 8'],
      ['Phone', 'phone_number', '+1 XXX-XXX-2241'],
    ]);
    expect(step.options.map((o) => o.value)).to.deep.equal([`${idx.OV.id}:totp`, `${idx.OV.id}:push`, 'autPH0001:sms']);
    expect(step.options[1]!.values).to.deep.equal({ authenticator: { id: idx.OV.id, methodType: 'push' } });
    expect(step.options[2]!.values).to.deep.equal({
      authenticator: { id: 'autPH0001', methodType: 'sms', enrollmentId: 'smsENR0001' },
    });
  });

  it('select-authenticator-enroll: the Okta Verify option, skip offered', () => {
    const step = toSnapshot(idx.selectAuthenticatorEnroll);
    expect(step.options.map((o) => o.values)).to.deep.equal([{ authenticator: { id: idx.OV.id } }]);
    expect(step.can.skip).to.equal(true);
  });

  it('authenticator-verification-data: push or code, with the resend action', () => {
    const step = toSnapshot(idx.verificationData);
    expect(step.options.map((o) => o.values)).to.deep.equal([{ methodType: 'totp' }, { methodType: 'push' }]);
    expect(step.authenticator?.displayName).to.equal('Okta Verify');
    expect(step.can.chooseOther).to.equal(true);
  });

  it('challenge-poll: poll refresh from the remediation, resend and select-other offered', () => {
    const step = toSnapshot(idx.pushPoll);
    expect(step.poll).to.deep.equal({ refresh: 1000 });
    expect(step.can).to.include({ resend: true, chooseOther: true, cancel: true });
    expect(step.authenticator?.correctAnswer).to.equal(undefined);
  });

  it('challenge-poll: refresh defaults to 4000 ms', () => {
    expect(toSnapshot(idx.pushPollWithRefresh(null)).poll).to.deep.equal({ refresh: DEFAULT_POLL_REFRESH });
    expect(DEFAULT_POLL_REFRESH).to.equal(4000);
  });

  it('number challenge: the number to tap', () => {
    expect(toSnapshot(idx.numberChallenge).authenticator?.correctAnswer).to.equal('52');
  });

  it('resend (push rejected): the server message, resend offered, no poll', () => {
    const step = toSnapshot(idx.pushRejected);
    expect(step.name).to.equal('resend');
    expect(step.poll).to.equal(undefined);
    expect(step.can.resend).to.equal(true);
    expect(step.messages[0]?.text).to.equal('You have chosen to reject this login.');
    expect(step.rejectedPush, 'a plain push, denied').to.equal('push');
  });

  it('resend after a number challenge still in the context: the rejection may be a wrong number tapped', () => {
    expect(toSnapshot(idx.numberPushRejected).rejectedPush).to.equal('number-challenge');
    expect(toSnapshot(idx.pushPoll).rejectedPush, 'not on a waiting screen').to.equal(undefined);
  });

  it('TOTP challenge: a verificationCode input', () => {
    const step = toSnapshot(idx.totpChallenge);
    expect(step.inputs.map((i) => [i.name, i.label])).to.deep.equal([['verificationCode', 'Enter code']]);
  });

  it('wrong TOTP: the message sits at the field only', () => {
    const step = toSnapshot(idx.totpInvalid);
    expect(step.inputs[0]!.messages.map((m) => m.text)).to.deep.equal(['Invalid code. Try again.']);
    expect(step.messages).to.deep.equal([]);
  });

  it('enroll-poll (QR): QR from context.currentAuthenticator, poll, channel switch offered', () => {
    const step = toSnapshot(idx.qrEnroll);
    expect(step.authenticator?.qrcode?.href).to.equal(idx.PNG_1PX);
    expect(step.authenticator?.selectedChannel).to.equal('qrcode');
    expect(step.poll).to.deep.equal({ refresh: 4000 });
    expect(step.can.changeChannel).to.equal(true);
    expect(step.alternatives).to.deep.equal(['select-enrollment-channel', 'select-authenticator-enroll']);
  });

  it('select-enrollment-channel (switched to from the QR): channel options', () => {
    const step = toSnapshot(idx.qrEnroll, 'select-enrollment-channel');
    expect(step.name).to.equal('select-enrollment-channel');
    expect(step.options.map((o) => o.values)).to.deep.equal([
      { channel: 'qrcode' },
      { channel: 'email' },
      { channel: 'sms' },
    ]);
    expect(step.poll).to.equal(undefined);
    expect(step.alternatives).to.include('enroll-poll');
  });

  it('enrollment-channel-data: email or phoneNumber input', () => {
    expect(toSnapshot(idx.emailChannelData).inputs.map((i) => i.name)).to.deep.equal(['email']);
    expect(toSnapshot(idx.smsChannelData).inputs.map((i) => i.name)).to.deep.equal(['phoneNumber']);
  });

  it('enroll-poll after a link: channel and address, resend offered', () => {
    expect(toSnapshot(idx.emailLinkSent).authenticator).to.include({
      selectedChannel: 'email',
      email: 'ada@example.com',
    });
    expect(toSnapshot(idx.smsLinkSent).authenticator).to.include({
      selectedChannel: 'sms',
      phoneNumber: '+12165550100',
    });
    expect(toSnapshot(idx.emailLinkSent).can.resend).to.equal(true);
  });

  it('terminal and success', () => {
    const terminal = toSnapshot(idx.terminalExpired);
    expect(terminal.name).to.equal('terminal');
    expect(terminal.messages.map((m) => m.text)).to.deep.equal(['The session has expired.']);
    expect(toSnapshot(idx.success)).to.include({ name: 'success', identifier: 'ada@example.com' });
  });

  it('a remediation without a screen becomes "unsupported", naming it', () => {
    expect(toSnapshot(idx.unsupported)).to.include({ name: 'unsupported', remediation: 'enroll-profile' });
  });

  it('names the screen of each step', () => {
    const screens = [
      [idx.identify, 'sign-in'],
      [idx.passwordChallenge, 'password'],
      [idx.totpChallenge, 'code'],
      [idx.selectAuthenticatorEnroll, 'enroll-picker'],
      [idx.selectAuthenticatorAuthenticate, 'verify-picker'],
      [idx.verificationData, 'method-picker'],
      [idx.qrEnroll, 'enroll-qr'],
      [idx.emailChannelData, 'enroll-address'],
      [idx.emailLinkSent, 'link-sent'],
      [idx.smsLinkSent, 'link-sent'],
      [idx.pushPoll, 'push'],
      [idx.numberChallenge, 'number'],
      [idx.pushRejected, 'resend-push'],
      [idx.terminalExpired, 'terminal'],
      [idx.success, 'success'],
      [idx.unsupported, 'unsupported'],
    ] as const;
    for (const [tx, screen] of screens) expect(toSnapshot(tx).screen, screen).to.equal(screen);
    expect(toSnapshot(idx.qrEnroll, 'select-enrollment-channel').screen).to.equal('enroll-channel');
  });

  it('routes each intent: what the controller sends or shows for it', () => {
    expect(routeOf(toSnapshot(idx.qrEnroll)).moves).to.deep.equal({
      changeChannel: { show: 'select-enrollment-channel' },
      chooseOther: { show: 'select-authenticator-enroll' },
    });
    const channels = toSnapshot(idx.qrEnroll, 'select-enrollment-channel');
    expect(channels.can.backToQr).to.equal(true);
    expect(routeOf(channels).moves.backToQr).to.deep.equal({ show: 'enroll-poll' });
    expect(routeOf(toSnapshot(idx.emailChannelData)).moves.backToQr).to.deep.equal({
      send: { step: 'select-enrollment-channel', values: { channel: 'qrcode' } },
    });
    expect(routeOf(toSnapshot(idx.emailLinkSent)).moves.resend).to.deep.equal({
      send: { actions: ['currentAuthenticator-resend'] },
    });
    expect(routeOf(toSnapshot(idx.pushRejected)).moves.resend).to.deep.equal({ send: { step: 'resend' } });
    expect(routeOf(toSnapshot(idx.selectAuthenticatorEnroll)).moves.skip).to.deep.equal({ send: { step: 'skip' } });
    expect(routeOf(toSnapshot(idx.pushPoll)).remediation).to.equal('challenge-poll');
    expect(toSnapshot(idx.qrEnroll).can.backToQr).to.equal(false);
  });

  it('drops a QR source that is not a PNG or GIF data URI, and flags it', () => {
    const step = toSnapshot(idx.qrEnrollWith('https://evil.example/qr.png'));
    expect(step.authenticator?.qrcode).to.equal(undefined);
    expect(step.qrRefused).to.equal(true);
    expect(toSnapshot(idx.qrEnroll).qrRefused).to.equal(undefined);
  });

  it('is deeply frozen', () => {
    const step = toSnapshot(idx.selectAuthenticatorAuthenticate);
    expect(Object.isFrozen(step)).to.equal(true);
    expect(Object.isFrozen(step.options[0]!.values)).to.equal(true);
  });

  it('malformed: pending without remediations, an option without id, an unknown status', () => {
    expect(() => toSnapshot({ ...idx.identify, neededToProceed: [] })).to.throw(MalformedResponseError);
    const broken = JSON.parse(JSON.stringify(idx.selectAuthenticatorAuthenticate.neededToProceed));
    broken[0].value[0].options[0].value.form.value = [];
    expect(() => toSnapshot({ ...idx.selectAuthenticatorAuthenticate, neededToProceed: broken })).to.throw(
      MalformedResponseError,
    );
    expect(() => toSnapshot({ ...idx.identify, status: 'WEIRD' as never })).to.throw(MalformedResponseError);
  });

  describe("responses from Okta's playground (issue 14)", () => {
    it("only non-screen remediations: the unsupported screen with Okta's messages, not an unreadable answer", () => {
      const step = toSnapshot(idx.notAScreenOnly);
      expect(step.screen).to.equal('unsupported');
      expect(step.remediation).to.equal('select-enroll-profile');
      expect(step.messages.map((m) => m.text)).to.deep.equal(['Contact your administrator.']);
      expect(step.can.cancel).to.equal(true);
    });

    it('device assurance in its grace period: its own screen, nothing to fill, Okta’s messages and links kept', () => {
      const step = toSnapshot(idx.gracePeriod);
      expect([step.screen, step.name]).to.deep.equal(['grace-period', 'device-assurance-grace-period']);
      expect(step.inputs).to.deep.equal([]);
      expect(step.messages.map((m) => m.level)).to.deep.equal(['info', 'error']);
      expect(step.messages[1]!.links?.map((l) => l.href)).to.deep.equal(['https://okta.com/android-upgrade-os']);
    });

    it('"Sign in with Okta FastPass" alone (or beside forms left out): a sign-in screen with nothing to type', () => {
      const step = toSnapshot(idx.launchOnly);
      expect([step.screen, step.name]).to.deep.equal(['sign-in', 'launch-authenticator']);
      expect(step.inputs).to.deep.equal([]);
      expect(step.can).to.include({ launchFastPass: true, cancel: true });
      expect(step.messages.map((m) => m.text)).to.deep.equal(['Open Okta Verify to continue.']);
    });

    it('success without an interaction code: its href as step.redirect, http and https only', () => {
      expect(toSnapshot(idx.successWithoutCode('https://example.okta.com/app/UserHome')).redirect).to.equal(
        'https://example.okta.com/app/UserHome',
      );
      expect(toSnapshot(idx.successWithoutCode('javascript:alert(1)')).redirect).to.equal(undefined);
      expect(toSnapshot(idx.success).redirect).to.equal(undefined);
      // What okta-auth-js makes of Okta's success.json (no remediation, no interaction code): TERMINAL.
      const terminal = {
        ...idx.successWithoutCode('https://example.okta.com/app/UserHome'),
        status: 'TERMINAL' as const,
      };
      expect([toSnapshot(terminal).screen, toSnapshot(terminal).redirect]).to.deep.equal([
        'success',
        'https://example.okta.com/app/UserHome',
      ]);
      const redirect = toSnapshot(idx.successRedirectStep);
      expect([redirect.screen, redirect.redirect]).to.deep.equal(['success', 'https://example.okta.com/app/UserHome']);
    });

    it('key-only messages kept with their key, links kept when http or https', () => {
      const step = toSnapshot(idx.terminalWithLinks);
      expect(step.messages.map((m) => [m.text, m.key])).to.deep.equal([
        ['', 'error.username.required'],
        ['', 'an.unknown.key'],
        ['For more information, follow the instructions on the help page', undefined],
      ]);
      expect(step.messages[2]?.links).to.deep.equal([{ href: 'https://okta.example/help' }]);
    });

    it('codes: six digits for Okta Verify, free text for an email code', () => {
      expect(toSnapshot(idx.totpChallenge).inputs[0]?.digits).to.equal(6);
      expect(toSnapshot(idx.emailCodeChallenge).inputs[0]?.digits).to.equal(undefined);
    });

    it('an option without label or display name: the brand name, never the id', () => {
      const tx = JSON.parse(
        JSON.stringify(idx.selectAuthenticatorAuthenticate),
      ) as typeof idx.selectAuthenticatorAuthenticate;
      const field = (tx.neededToProceed[0]!.value ?? []).find((f) => f.name === 'authenticator')!;
      for (const option of field.options ?? []) {
        option.label = '';
        if (option.relatesTo) option.relatesTo.displayName = '';
      }
      const labels = toSnapshot(tx).options.map((o) => `${o.label} ${o.detail ?? ''}`);
      expect(labels.join(' | ')).not.to.match(/autOV0001|pfdDEV0001|smsENR0001/);
      expect(labels.join(' | ')).to.contain('Okta Verify');
    });
  });
});
