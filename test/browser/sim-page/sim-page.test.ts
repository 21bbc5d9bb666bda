/**
 * The simulator's own page (/sim/, sim/page/) does what the README says: each account's current
 * code, scanning the QR code the widget shows, opening the activation links sent, answering by
 * keyboard, and Okta Verify's desktop app for FastPass: switched off or denying through the page,
 * and opening a FastPass custom URI as the operating system would. Its markup and script run in
 * this page, their `/sim/…` requests sent to the simulator.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { simulator, simulatorUrl, outbox } from '../e2e/support/control-api.js';
import { appears, button, eventually, field, queryDeep, textOf } from '../e2e/support/screen.js';
import { startEnrolment, verifyWithOktaVerify } from '../e2e/support/steps.js';
import { expectSignedIn } from '../e2e/support/expectations.js';
import { click, fillIn } from '../e2e/support/user.js';
import { mountSignin, startFresh } from '../e2e/support/widget.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const FASTPASS_LOGIN = 'fastpass@example.com';

/** The page's markup in a box of this page, then its script; its fetches of `/sim/…` go to the simulator. */
async function openSimPage(): Promise<void> {
  const sim = await simulatorUrl();
  const sameOrigin = window.fetch.bind(window);
  window.fetch = (input, init) =>
    sameOrigin(typeof input === 'string' && input.startsWith('/sim/') ? `${sim}${input}` : input, init);
  const page = new DOMParser().parseFromString(await (await sameOrigin(`${sim}/sim/`)).text(), 'text/html');
  const box = document.createElement('div');
  box.append(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  // Out of the flow, beside the widget: the page redraws its tables every second, and in the flow
  // their new heights moved the widget between a click's measure and the click itself.
  Object.assign(box.style, { position: 'absolute', top: '0', left: '50vw', width: '48vw' });
  document.body.append(box);
  // A path in a variable: the page's script is plain JavaScript served by the simulator, not a module of this build.
  const script = '/sim/page/page.js';
  await import(script);
}

function rowOf(login: string): HTMLTableRowElement {
  const row = [...$('users').querySelectorAll('tr')].find((r) => r.cells[0]?.textContent === login);
  if (!row) throw new Error(`no row for ${login} in: ${textOf($('users'))}`);
  return row;
}

/** What the page says of a desktop app in one column ('' until it shows the row: a reset seeds new device ids). */
function desktopCell(deviceId: string, column: 'Loopback server' | 'Sign-ins'): string {
  const index = column === 'Loopback server' ? 2 : 3;
  const row = [...$('desktop').querySelectorAll('tr')].find((r) => r.cells[0]?.textContent?.endsWith(`(${deviceId})`));
  return row?.cells[index]?.textContent ?? '';
}

/** The FastPass user's device (seeded anew by each test's reset), once the page shows its desktop app. */
async function fastPassDevice(): Promise<string> {
  const [deviceId] = await (await simulator()).deviceIds(FASTPASS_LOGIN);
  await eventually(() => desktopCell(deviceId!, 'Loopback server') !== '', 'the desktop app of the FastPass device');
  return deviceId!;
}

/**
 * Presses a button of the page by keyboard, once it shows: focused, then Enter. The page redraws
 * every second and keeps the focus on the button it redrew, so no redraw can take the press away.
 */
async function pressOnPage(section: string, name: string, keyPrefix = ''): Promise<void> {
  const find = () =>
    [...$(section).querySelectorAll('button')].find(
      (b) => b.textContent === name && (b.dataset.key ?? '').startsWith(keyPrefix),
    );
  await eventually(() => find() !== undefined, `"${name}" on the page`);
  find()!.focus();
  await sendKeys({ press: 'Enter' });
}

/** Whether `find` finds it (the screen helpers throw when nothing matches). */
function shows(find: () => Element): boolean {
  try {
    return Boolean(find());
  } catch {
    return false;
  }
}

/** A PNG data: URI as a file, as a saved screenshot or a pasted image arrives. */
async function fileOf(dataUri: string): Promise<File> {
  return new File([await (await fetch(dataUri)).blob()], 'qr.png', { type: 'image/png' });
}

describe('the /sim/ page', () => {
  before(async () => {
    await startFresh();
    await openSimPage();
  });
  beforeEach(startFresh);

  it("shows each enrolled account's current Okta Verify code", async () => {
    const device = await VirtualDevice.of('totp@example.com');
    const codeCell = (login: string) =>
      shows(() => rowOf(login)) ? (rowOf(login).cells[4]!.textContent ?? '') : undefined;
    await eventually(() => /^\d{3} \d{3} · \d+ s$/.test(codeCell('totp@example.com') ?? ''), 'a code');
    // The code shown is the device's (the 30-second window may turn between the two reads).
    await eventually(
      async () => codeCell('totp@example.com')!.slice(0, 7).replace(' ', '') === (await device.totp()),
      'the device’s current code',
    );
    expect(codeCell('enroll@example.com')).to.equal('');
    await expect($('scan-h').closest('main')).to.be.accessible();
  });

  it('scans the QR code the widget shows, from a saved image: the sign-in goes on', async () => {
    const mounted = await mountSignin();
    await startEnrolment(mounted, 'enroll@example.com');
    const qr = queryDeep<HTMLImageElement>(mounted.widget, 'img[part="qr"]').src;
    const files = new DataTransfer();
    files.items.add(await fileOf(qr));
    const input = $<HTMLInputElement>('qr-file');
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await eventually(() => textOf($('result')).startsWith('Scanned: Okta Verify is set up'), 'the scan', 15_000);
    await eventually(() => !textOf(mounted.widget).includes('Set up Okta Verify'), 'the widget past the QR code');
    expect(rowOf('enroll@example.com').cells[3]!.textContent).not.to.equal('not enrolled');
  });

  it('scans a pasted image at once (Copy image on the QR code, then paste)', async () => {
    const mounted = await mountSignin();
    await startEnrolment(mounted, 'enroll@example.com');
    const clipboard = new DataTransfer();
    clipboard.items.add(await fileOf(queryDeep<HTMLImageElement>(mounted.widget, 'img[part="qr"]').src));
    $('qr-text').focus();
    $('qr-text').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
    );
    await eventually(() => textOf($('result')).startsWith('Scanned: Okta Verify is set up'), 'the scan', 15_000);
  });

  it('scans a pasted data: URI with Scan; something else is refused with the reason', async () => {
    const mounted = await mountSignin();
    await startEnrolment(mounted, 'enroll@example.com');
    const text = $<HTMLTextAreaElement>('qr-text');
    text.value = 'data:image/png;base64,AAAA';
    await click(button(document.body, 'Scan'));
    await eventually(() => textOf($('result')).startsWith('Not scanned:'), 'the refusal');
    text.value = queryDeep<HTMLImageElement>(mounted.widget, 'img[part="qr"]').src;
    await click(button(document.body, 'Scan'));
    await eventually(() => textOf($('result')).startsWith('Scanned: Okta Verify is set up'), 'the scan', 15_000);
  });

  it('opens an activation link sent by email, by keyboard, focus kept through the refreshes', async () => {
    const mounted = await mountSignin();
    const { widget } = mounted;
    await startEnrolment(mounted, 'enroll@example.com');
    await click(button(widget, /^Can.t scan/));
    await eventually(() => shows(() => button(widget, /^Email/)), 'the choice of email or SMS');
    await click(button(widget, /^Email/));
    await eventually(() => shows(() => field(widget, /^Email/)), 'the email field');
    await fillIn(field(widget, /^Email/), 'enroll@example.com');
    await click(button(widget, /^Send/));
    await eventually(async () => (await outbox()).length === 1, 'the email');
    await eventually(() => $('outbox').querySelector('button') !== null, 'the email on the page');
    $('outbox').querySelector('button')!.focus();
    // The page redraws every second; the button keeps the focus through two redraws.
    const drawn = $('outbox').querySelector('table');
    await eventually(() => $('outbox').querySelector('table') !== drawn, 'a redraw');
    expect(document.activeElement?.textContent).to.equal('Open on the virtual phone');
    await sendKeys({ press: 'Enter' });
    await eventually(() => textOf($('result')).startsWith('Okta Verify is set up'), 'the link opened', 15_000);
    expect(await (await simulator()).deviceIds('enroll@example.com')).to.have.length(1);
  });
  it('switches the FastPass desktop app off by keyboard: the widget finds no port and falls back to the custom URI', async () => {
    const deviceId = await fastPassDevice();
    expect(desktopCell(deviceId, 'Loopback server')).to.match(/^on/);
    await pressOnPage('desktop', 'Switch off');
    await eventually(() => textOf($('result')).endsWith('is off.'), 'the app switched off');
    expect((await (await simulator()).desktop(deviceId)).on).to.equal(false);
    // Redrawn with the app off, the same button keeps the focus and now offers the way back.
    await eventually(() => (document.activeElement?.textContent ?? '') === 'Switch on', 'focus on "Switch on"');
    await eventually(() => desktopCell(deviceId, 'Loopback server') === 'off', 'the app shown off');

    const mounted = await mountSignin();
    await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
    await eventually(
      () => textOf(mounted.widget).includes('Okta Verify did not answer on this device'),
      'the widget’s fallback',
    );
    // The fallback's custom URI waits on the page.
    await eventually(() => textOf($('fastpass')).includes('custom URI'), 'the custom URI on the page');
    await expect($('desktop-h').closest('section')).to.be.accessible();
  });

  it('completes a FastPass sign-in by custom URI with "Open in Okta Verify"', async () => {
    await (
      await simulator()
    ).withSettings({ fastPassMethod: 'CUSTOM_URI' }, async () => {
      const mounted = await mountSignin();
      await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
      const link = await appears<HTMLAnchorElement>(
        mounted.widget,
        'a[data-open]',
        'the widget’s Open Okta Verify link',
      );
      // This sign-in's challenge (the page may still show one of the last test's for up to a second).
      const waiting = (await (await simulator()).state()).fastPass.find((c) => c.href === link.getAttribute('href'));
      expect(waiting, 'the link the widget shows, waiting in the simulator').to.not.equal(undefined);
      const key = `fastpass-open:${waiting!.id}:`;
      await eventually(() => $('fastpass').querySelector(`[data-key^="${key}"]`) !== null, 'the link on the page');
      // A live region, left alone while nothing in it changes: a screen reader hears of the link once.
      const drawn = $('fastpass').querySelector('table');
      const users = $('users').querySelector('table');
      await eventually(() => $('users').querySelector('table') !== users, 'a redraw of the page');
      expect($('fastpass').querySelector('table') === drawn, 'the waiting link not redrawn').to.equal(true);
      await pressOnPage('fastpass', 'Open in Okta Verify', key);
      await eventually(() => textOf($('result')) === 'Okta Verify confirmed the sign-in.', 'Okta Verify’s answer');
      await expectSignedIn(mounted, FASTPASS_LOGIN);
      await eventually(() => textOf($('fastpass')) === 'None.', 'nothing waiting any more');
    });
  });

  it('makes the desktop app’s user deny: the widget says the sign-in was denied', async () => {
    const deviceId = await fastPassDevice();
    await pressOnPage('desktop', 'Deny sign-ins');
    await eventually(() => desktopCell(deviceId, 'Sign-ins') === 'the user denies', 'the user shown denying');
    const mounted = await mountSignin();
    await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
    await eventually(() => textOf(mounted.widget).includes('the sign-in was denied'), 'the denial');
  });
});
