/**
 * A clean console in every demo flow (issue 15): the demo page against the run's simulator, driven
 * as a person would (the phone panel answers pushes, scans the QR code, shows the code, switches the
 * FastPass desktop app and opens its link), with no
 * console error or warning, no uncaught error, no CSP violation, and no failed request but those the
 * flow itself is about, each named below with its reason (README, "A clean console").
 *
 * Failed requests are read three ways: resource timing's `responseStatus` for every request of the
 * page (Chromium and Firefox; WebKitGTK has none), the simulator's request log for those to the org
 * (every engine), and the test server's 404s of the page (every engine). So in WebKitGTK a failed
 * call of the phone panel to the simulator's control API, which the request log leaves out, goes unseen.
 */
import { expect } from '@open-wc/testing';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { requestsSince } from '../e2e/support/control-api.js';
import type { RequestRecord } from '../e2e/support/control-api.js';
import {
  appears,
  button,
  eventually,
  field,
  queryAllDeep,
  firstScreen,
  focused,
  queryDeep,
  screenTitled,
  textOf,
} from '../e2e/support/screen.js';
import { oktaVerifyMethod, signInWithPassword, verifyWithOktaVerify } from '../e2e/support/steps.js';
import { click, fillIn } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { PASSWORD, type MountedSignin } from '../e2e/support/widget.js';
import { markRequests } from '../e2e/support/polls.js';
import { page404s, takeNoise, timingHasStatus, watchConsole } from './console-watch.js';
import { openDemo } from './support.js';
import { engine } from '../support/engine.js';

/**
 * Flows through the phone panel's FastPass card: in Firefox the card at times never shows its next
 * state within the wait (in full runs and under load, not alone), a defect still open; the /sim/
 * page's FastPass tests cover the same simulator controls in Firefox.
 */
const itOutsideFirefox = engine === 'firefox' ? it.skip : it;

interface ExpectedFailure {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Why this error status is part of the flow, not a fault. */
  readonly why: string;
}

const WRONG_PASSWORD: ExpectedFailure = {
  method: 'POST',
  path: '/idp/idx/identify',
  status: 401,
  why: 'Okta refuses a wrong password with 401 and its message, which the widget shows at the password field',
};
const PUSH_TIMED_OUT: ExpectedFailure = {
  method: 'POST',
  path: '/idp/idx/authenticators/poll',
  status: 404,
  why: 'Okta answers the poll of a push no longer waiting with 404 "Verification timed out", the terminal screen',
};

const PUSH_LOGIN = 'push@example.com';
const FASTPASS_LOGIN = 'fastpass@example.com';

describe('demo: a clean console in every flow', () => {
  let mounted: MountedSignin;
  let widget: OvSignin;
  let phone: ShadowRoot;
  let mark = 0;
  let notFound = 0;

  before(async () => {
    watchConsole();
    mounted = await openDemo();
    widget = mounted.widget;
    phone = document.querySelector('demo-phone')!.shadowRoot!;
    await screenTitled(widget, 'Sign in');
  });

  beforeEach(async () => {
    takeNoise();
    mark = await markRequests();
    notFound = (await page404s()).length;
  });

  // A flow that failed leaves its screen: the demo's reset starts the next one afresh.
  afterEach(async () => {
    if (queryAllDeep(widget, 'h2[data-heading]').map(textOf).join() === 'Sign in') return;
    await click(document.querySelector<HTMLButtonElement>('#reset')!);
    await screenTitled(widget, 'Sign in');
  });

  /** The phone panel's button, once the panel shows it (it asks the simulator every second). */
  async function phoneButton(name: string | RegExp): Promise<HTMLButtonElement> {
    await eventually(
      () => {
        try {
          return !button(phone.host, name).disabled;
        } catch {
          return false;
        }
      },
      `the phone's "${String(name)}"`,
    );
    return button(phone.host, name);
  }

  /** Nothing in the console, and no failed request but `expected` (each of which must have happened). */
  async function expectClean(expected: readonly ExpectedFailure[] = []): Promise<void> {
    const { noise, failed } = takeNoise();
    expect(
      noise.map((n) => `${n.kind}: ${n.text}`),
      'console errors and warnings, uncaught errors',
    ).to.deep.equal([]);
    const key = (r: Pick<ExpectedFailure, 'method' | 'path' | 'status'>) => `${r.method} ${r.path} ${r.status}`;
    const allowed = new Set(expected.map(key));
    const org: RequestRecord[] = (await requestsSince(mark)).filter((r) => r.status >= 400);
    expect(
      org.filter((r) => !allowed.has(key(r))).map(key),
      'failed requests to the org that the flow does not explain',
    ).to.deep.equal([]);
    for (const e of expected) expect(org.map(key), `${key(e)}: ${e.why}`).to.include(key(e));
    expect((await page404s()).slice(notFound), 'the page’s requests to its own server answered 404').to.deep.equal([]);
    if (timingHasStatus) {
      const explained = (url: string, status: number) =>
        expected.some((e) => e.status === status && new URL(url).pathname === e.path);
      for (const e of expected)
        expect(
          failed.some((f) => f.status === e.status && new URL(f.url).pathname === e.path),
          `${key(e)} seen by resource timing too`,
        ).to.equal(true);
      expect(
        failed.filter((f) => !explained(f.url, f.status)).map((f) => `${f.status} ${f.url}`),
        'failed requests of the page (resource timing)',
      ).to.deep.equal([]);
    }
  }

  /**
   * The sign-in screen settled: Okta's first answer on show and the focus given (the widget's own, or
   * kept where the last click left it). The widget's focusing scrolls the page, so a click aimed at
   * the phone panel before then may land on another button.
   */
  async function signInSettled(): Promise<void> {
    await screenTitled(widget, 'Sign in');
    await firstScreen(widget);
    await widget.updateComplete;
    await eventually(() => focused() !== document.body && focused() !== null, 'the focus given');
  }

  async function signedIn(login: string): Promise<void> {
    await screenTitled(widget, 'You are signed in');
    expect(textOf(widget)).to.contain(`Signed in as ${login}`);
    await click(document.querySelector<HTMLButtonElement>('#again')!);
    await screenTitled(widget, 'Sign in');
  }

  async function pushScreen(login: string, heading = 'Get a push notification'): Promise<void> {
    await signInWithPassword(mounted, login);
    await screenTitled(widget, 'Verify it’s you with a security method');
    await click(oktaVerifyMethod(widget, 'Get a push notification'));
    await screenTitled(widget, heading);
  }

  it('the watch hears console errors and warnings', () => {
    console.warn('[clean-console self-check] a warning the watch must hear');
    console.error('[clean-console self-check] an error the watch must hear');
    expect(takeNoise().noise.map((n) => n.kind)).to.deep.equal(['console.warn', 'console.error']);
  });

  it('the watch hears a request of the page that failed: resource timing’s status where the engine has one, the test server’s 404s in every engine', async () => {
    const missing = new URL('/demo/no-such-file.txt', location.href).href;
    expect((await fetch(missing)).status).to.equal(404);
    expect((await page404s()).slice(notFound)).to.deep.equal(['demo/no-such-file.txt']);
    if (!timingHasStatus) return; // WebKitGTK: no responseStatus in resource timing.
    await eventually(() => performance.getEntriesByName(missing).length > 0, 'the timing entry');
    expect(takeNoise().failed).to.deep.equal([{ url: missing, status: 404 }]);
  });

  it('push approved on the phone', async () => {
    await pushScreen(PUSH_LOGIN);
    await click(await phoneButton("Yes, it's me"));
    await signedIn(PUSH_LOGIN);
    await expectClean();
  });

  it('push denied on the phone, then Back to sign in', async () => {
    await pushScreen(PUSH_LOGIN);
    await click(await phoneButton("No, it's not me"));
    await screenTitled(widget, 'Push notification not approved');
    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    await expectClean();
  });

  it('number challenge: the number tapped on the phone', async () => {
    await pushScreen('number@example.com', 'Verify with a number');
    await click(await phoneButton(textOf(queryDeep(widget, '[part="number"]'))));
    await signedIn('number@example.com');
    await expectClean();
  });

  it('wrong password, then the right one', async () => {
    await signInWithPassword(mounted, PUSH_LOGIN, 'not-the-password');
    await eventually(() => field(widget, 'Password').getAttribute('aria-invalid') === 'true', 'the field in error');
    await fillIn(field(widget, 'Password'), PASSWORD);
    await click(button(widget, 'Sign in'));
    await screenTitled(widget, 'Verify it’s you with a security method');
    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    await expectClean([WRONG_PASSWORD]);
  });

  it('a code from the app, read on the phone', async () => {
    const login = 'totp@example.com';
    await signInWithPassword(mounted, login);
    await screenTitled(widget, 'Enter a code');
    const card = await eventually(
      () => queryAllDeep(phone.host, '.card').some((c) => textOf(c).includes(login) && /\d{6}/.test(textOf(c))),
      'the account’s code on the phone',
    ).then(() => queryAllDeep(phone.host, '.card').find((c) => textOf(c).includes(login))!);
    const code = textOf(queryDeep(card, '.code'));
    await fillIn(field(widget, 'Enter code'), code);
    await signedIn(login);
    await expectClean();
  });

  it('Okta Verify set up by scanning the QR code on the phone', async () => {
    const login = 'enroll@example.com';
    await signInWithPassword(mounted, login);
    await screenTitled(widget, 'Set up a security method');
    await click(button(widget, /^Okta Verify/));
    await screenTitled(widget, 'Set up Okta Verify');
    await appears(widget, 'img[part="qr"]', 'the QR code');
    await click(await phoneButton('Scan the QR code on screen'));
    await signedIn(login);
    await expectClean();
  });

  it('push timed out, then Back to sign in', async () => {
    await pushScreen(PUSH_LOGIN);
    const device = await VirtualDevice.of(PUSH_LOGIN);
    expect(await device.expire(await device.nextPush())).to.equal('expired');
    await screenTitled(widget, 'Sign-in could not continue');
    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    await expectClean([PUSH_TIMED_OUT]);
  });

  it('Back to sign in while the push waits', async () => {
    await pushScreen(PUSH_LOGIN);
    await click(button(widget, 'Back to sign in'));
    await screenTitled(widget, 'Sign in');
    await expectClean();
  });
  it('FastPass by loopback: the desktop app answers, nothing to do on the phone', async () => {
    await phoneButton('Switch off'); // The desktop app shows on the phone panel, on.
    await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
    await signedIn(FASTPASS_LOGIN);
    await expectClean();
  });

  itOutsideFirefox(
    'FastPass with the desktop app switched off on the phone: the fallback link opened with "Open in Okta Verify" [not in Firefox: the phone panel’s FastPass card times out there at times, open]',
    async () => {
      await signInSettled();
      await click(await phoneButton('Switch off'));
      await phoneButton('Switch on');
      await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
      await eventually(() => textOf(widget).includes('Okta Verify did not answer on this device'), 'the fallback');
      await click(await phoneButton('Open in Okta Verify'));
      await signedIn(FASTPASS_LOGIN);
      await eventually(() => textOf(phone).includes('Okta Verify confirmed the sign-in.'), 'the phone’s status');
      // The answered link leaves the phone (its card gone, the buttons below move up) before the next click.
      await eventually(() => !textOf(phone).includes('Open in Okta Verify'), 'the link answered');
      await signInSettled();
      await click(await phoneButton('Switch on'));
      await phoneButton('Switch off');
      await expectClean();
    },
  );

  itOutsideFirefox(
    'FastPass denied on the phone: the message on the choice of method, then Back to sign in [not in Firefox: the phone panel’s FastPass card times out there at times, open]',
    async () => {
      await signInSettled();
      await click(await phoneButton('Deny sign-ins'));
      await phoneButton('Approve sign-ins');
      await verifyWithOktaVerify(mounted, FASTPASS_LOGIN, 'Use Okta FastPass');
      await eventually(() => textOf(widget).includes('the sign-in was denied'), 'the denial');
      await click(button(widget, 'Back to sign in'));
      await signInSettled();
      await click(await phoneButton('Approve sign-ins'));
      await phoneButton('Deny sign-ins');
      await expectClean();
    },
  );
});
