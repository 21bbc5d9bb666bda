/**
 * Who is signing in and the way back; the first field focused on load; a refused password at its
 * field (issue 15), against the simulator with real input.
 */
import { expect } from '@open-wc/testing';
import { mountSignin, PASSWORD, startFresh } from './support/widget.js';
import { signInWithPassword } from './support/steps.js';
import { button, eventually, field, focused, queryAllDeep, queryDeep, screenTitled, textOf } from './support/screen.js';
import { click, fillIn } from './support/user.js';
import { expectAccessible, expectFocusOn } from './support/expectations.js';
import { markRequests } from './support/polls.js';
import { requestsSince } from './support/control-api.js';

const LOGIN = 'push@example.com';
const PICKER = 'Verify it’s you with a security method';

describe('e2e: who is signing in, and the way back', () => {
  beforeEach(startFresh);

  it('the username under the title; "Use a different account" cancels once and empties the form', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    expect(queryAllDeep(widget, '[data-identity]'), 'none on the first screen').to.have.length(0);
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(widget, PICKER);
    expect(textOf(queryDeep(widget, '[data-identity]'))).to.equal(`${LOGIN} Use a different account`);
    expect(textOf(widget)).to.contain('Back to sign in');
    await expectAccessible(mounted);

    const before = await markRequests();
    await click(button(widget, 'Use a different account'));
    await screenTitled(widget, 'Sign in');
    await expectFocusOn(field(widget, 'Username'), 'focus on the empty username');
    expect(field(widget, 'Username').value).to.equal('');
    const posts = (await requestsSince(before)).filter((r) => r.method === 'POST').map((r) => r.path);
    expect(
      posts.filter((p) => p === '/idp/idx/cancel'),
      'one cancel',
    ).to.have.length(1);
    expect(mounted.eventsOf('ov-cancel')).to.have.length(1);
    await expectAccessible(mounted);
  });

  it('"Back to sign in" from the picker: the form filled in with the username, the password focused', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN);
    await screenTitled(widget, PICKER);
    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    await eventually(() => field(widget, 'Username').value === LOGIN, 'the username filled in');
    await expectFocusOn(field(widget, 'Password'), 'focus on the password');
    // And it signs in again from there, with the password alone.
    await fillIn(field(widget, 'Password'), PASSWORD);
    await click(button(widget, 'Sign in'));
    await screenTitled(widget, PICKER);
  });

  it('the first field has focus on load; with no-autofocus the page keeps it', async () => {
    const mounted = await mountSignin();
    await expectFocusOn(field(mounted.widget, 'Username'), 'the username on load');
    mounted.widget.remove();
    const quiet = await mountSignin({ noAutofocus: true });
    await screenTitled(quiet.widget, 'Sign in');
    await quiet.widget.updateComplete;
    expect(quiet.widget.matches(':focus-within'), 'no-autofocus leaves focus to the page').to.equal(false);
    expect(focused() === field(quiet.widget, 'Username')).to.equal(false);
  });

  it('a wrong password, submitted with the mouse: the message at the field, cleared and focused', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await signInWithPassword(mounted, LOGIN, 'not-the-password');
    await eventually(() => field(widget, 'Password').getAttribute('aria-invalid') === 'true', 'the field in error');
    const password = field(widget, 'Password');
    const describer = queryDeep(widget, `#${password.getAttribute('aria-describedby')!}`);
    expect(textOf(describer)).to.equal('Authentication failed');
    expect(queryAllDeep(widget, '[part~="messages"]'), 'nothing above the form').to.have.length(0);
    expect(password.value).to.equal('');
    expect(field(widget, 'Username').value).to.equal(LOGIN);
    await expectFocusOn(password, 'focus in the password field');
    expect(mounted.eventsOf('ov-error').map((e) => e.detail.problem.code)).to.deep.equal(['invalid-input']);
    await expectAccessible(mounted);
  });
});
