/**
 * The simulator's own page (/sim/, sim/page/) does what the README says: each account's current
 * code, scanning the QR code the widget shows, opening the activation links sent, answering by
 * keyboard. Its markup and script run in this page, their `/sim/…` requests sent to the simulator.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { simulator, simulatorUrl, outbox } from '../e2e/support/control-api.js';
import { button, eventually, field, queryDeep, textOf } from '../e2e/support/screen.js';
import { startEnrolment } from '../e2e/support/steps.js';
import { click, fillIn } from '../e2e/support/user.js';
import { mountSignin, startFresh } from '../e2e/support/widget.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

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
});
