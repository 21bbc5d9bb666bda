/** Signing in with an Okta Verify code: right at once, or wrong first and right on retry. */
import { expect } from '@open-wc/testing';
import { mountSignin, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { appears, field, screenTitled, textOf } from './support/screen.js';
import { fillIn, type } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectAccessible, expectFocusOn, expectSignedIn } from './support/expectations.js';
import { pollsSince } from './support/polls.js';

const LOGIN = 'totp@example.com';
/** The simulator labels the code field as Okta does. */
const CODE_LABEL = 'Enter code';

/** A six-digit code that is not `code` (every digit shifted). */
function wrongCode(code: string): string {
  return code.replace(/\d/g, (d) => String((Number(d) + 5) % 10));
}

describe('e2e: Okta Verify code', () => {
  beforeEach(startFresh);

  it('the right code signs in, without a single poll', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(widget, 'Enter a code');
    expect(textOf(widget)).to.contain('Enter the 6-digit code from Okta Verify.');
    // Okta Verify's only method is a code: no picker of one choice on the way.
    expect(mounted.stepNames()).to.deep.equal(['identify', 'challenge-authenticator']);
    await expectAccessible(mounted);

    const device = await VirtualDevice.of(LOGIN);
    // Six digits submit the code by themselves.
    await fillIn(field(widget, CODE_LABEL), await device.totp());
    await expectSignedIn(mounted, LOGIN);
    expect(mounted.stepNames().at(-2)).to.equal('challenge-authenticator');
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
    expect(await pollsSince(0)).to.deep.equal([]);
  });

  it('a wrong code: the server’s message at the field, the field cleared and focused, then the right code signs in', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(widget, 'Enter a code');
    const device = await VirtualDevice.of(LOGIN);
    const code = await device.totp();
    await fillIn(field(widget, CODE_LABEL), wrongCode(code));

    const error = await appears(widget, '.field-error', 'the error at the code field');
    expect(textOf(error)).to.equal('Invalid code. Try again.');
    const input = field(widget, CODE_LABEL);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).to.include(error.id);
    expect(input.value, 'the wrong code is cleared').to.equal('');
    await expectFocusOn(input, 'focus back in the field');
    const [invalid, ...more] = mounted.eventsOf('ov-error');
    expect(more).to.have.length(0);
    expect(invalid!.detail.problem.code).to.equal('invalid-input');
    expect(invalid!.detail.problem.messages?.map((m) => m.text)).to.deep.equal(['Invalid code. Try again.']);
    await expectAccessible(mounted);

    // The field already has focus: the user just types the right code.
    await type(code);
    await expectSignedIn(mounted, LOGIN);
  });
});
