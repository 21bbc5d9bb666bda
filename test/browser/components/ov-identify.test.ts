import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OvIdentify } from '../../../src/components/ov-identify/ov-identify.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, $$, flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

async function identify(tx: OvTransaction = idx.identify) {
  const client = new FakeClient();
  const { controller } = await flowAt(client, tx);
  const el = await fixture<OvIdentify>(html`<ov-identify .controller=${controller}></ov-identify>`);
  return { el, client, controller };
}

async function typeCredentials(el: OvIdentify): Promise<void> {
  $<HTMLInputElement>(el, 'input[name="username"]').focus();
  await sendKeys({ type: 'ada@example.com' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: 'correct horse' });
}

describe('<ov-identify>', () => {
  it('asks for username and password in a form password managers understand', async () => {
    const { el } = await identify();
    expect($(el, 'input[name="username"]').getAttribute('autocomplete')).to.equal('username');
    expect($(el, 'input[name="password"]').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, 'input[name="password"]').getAttribute('type')).to.equal('password');
    // One form with both fields and a submit button: what password managers look for to fill and to offer saving.
    const [username, password] = [
      $<HTMLInputElement>(el, 'input[name="username"]'),
      $<HTMLInputElement>(el, 'input[name="password"]'),
    ];
    expect(username.form !== null && username.form === password.form, 'one form holds both fields').to.equal(true);
    expect(username.form!.querySelector('button[type="submit"]') !== null, 'the form has a submit button').to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('signs in from the keyboard alone', async () => {
    const { el, client } = await identify();
    client.hold();
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({
      step: 'identify',
      username: 'ada@example.com',
      password: 'correct horse',
    });
  });

  it('shows a refused password at the password field, keeps the username, clears and focuses the password', async () => {
    const { el, client, controller } = await identify();
    client.answer(idx.identifyWrongPassword);
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => controller.state.step?.inputs[1]?.messages.length === 1);
    await el.updateComplete;
    const password = $<HTMLInputElement>(el, 'input[name="password"]');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    const describer = el.shadowRoot!.getElementById(password.getAttribute('aria-describedby')!);
    expect(describer?.textContent).to.contain('Authentication failed');
    expect(el.shadowRoot!.querySelector('[role="alert"]'), 'not above the form').to.equal(null);
    expect($<HTMLInputElement>(el, 'input[name="username"]').value).to.equal('ada@example.com');
    expect(password.value).to.equal('');
    expect(el.shadowRoot!.activeElement === password, 'the password field has focus').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a show-password toggle: a pressed button that shows the password as text', async () => {
    const { el } = await identify();
    const toggle = $<HTMLButtonElement>(el, 'button[data-show-password]');
    expect(toggle.textContent!.trim()).to.equal('Show password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect($(el, 'input[name="password"]').getAttribute('type')).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect($(el, 'input[name="password"]').getAttribute('type')).to.equal('password');
  });

  it('"Keep me signed in" when the form offers rememberMe, sent with the sign-in', async () => {
    const { el, client } = await identify();
    const keep = $<HTMLInputElement>(el, 'input[name="rememberMe"]');
    expect(keep.type).to.equal('checkbox');
    expect(keep.closest('label')!.textContent).to.contain('Keep me signed in');
    await expect(el).to.be.accessible();
    keep.click();
    client.hold();
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'identify', rememberMe: true });
  });

  it('no "Keep me signed in" when the form has no rememberMe', async () => {
    const { el } = await identify(idx.identifierOnly);
    expect(el.shadowRoot!.querySelector('input[type="checkbox"]')).to.equal(null);
  });

  it('a network failure: the message, ov-error, the input kept, and Try again sends the same values', async () => {
    const { el, client, controller } = await identify();
    client.fail(new TypeError('Failed to fetch'));
    await typeCredentials(el);
    const error = oneEvent(el.controller!.host, 'ov-error');
    await sendKeys({ press: 'Enter' });
    expect((await error).detail.problem.code).to.equal('network');
    await el.updateComplete;
    expect($(el, '.problem').textContent).to.contain('could not reach');
    expect($<HTMLInputElement>(el, 'input[name="username"]').value).to.equal('ada@example.com');
    expect($<HTMLInputElement>(el, 'input[name="password"]').value).to.equal('correct horse');
    await expect(el).to.be.accessible();

    client.answer(idx.selectAuthenticatorAuthenticate);
    $$<HTMLButtonElement>(el, '.problem button')[0]!.click();
    await waitUntil(() => controller.state.step?.name === 'select-authenticator-authenticate');
    expect(client.calls[2]!.options).to.deep.equal(client.calls[1]!.options);
  });

  it('asks for the username only when the server wants the password later', async () => {
    const { el } = await identify(idx.identifierOnly);
    expect($$(el, 'input').map((i) => i.getAttribute('name'))).to.deep.equal(['username']);
    expect($(el, 'button[type="submit"]').textContent).to.contain('Next');
  });

  it('asks for the password on its own, for the user it names', async () => {
    const { el, client } = await identify(idx.passwordChallenge);
    expect($(el, 'h2').textContent).to.contain('Verify with your password');
    expect($(el, '[data-identity]').textContent).to.contain('ada@example.com');
    const input = $<HTMLInputElement>(el, 'input');
    expect(input.getAttribute('autocomplete')).to.equal('current-password');
    await expect(el).to.be.accessible();
    client.hold();
    input.focus();
    await sendKeys({ type: 'pw' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1]!.options).to.deep.include({ step: 'challenge-authenticator', password: 'pw' });
  });
});
