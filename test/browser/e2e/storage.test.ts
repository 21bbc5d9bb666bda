/**
 * Issue 16, finding 8: in-page mode kept the tokens and the PKCE verifier in localStorage, where
 * they outlive the tab and every script of the origin, in every tab, reads them. They now stay in
 * the tab's sessionStorage (which a reload keeps: test/browser/reload/), unless the page asks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { CLIENT_ID, mountSignin, startFresh, type MountedSignin, type OvEvent } from './support/widget.js';
import { issuer } from './support/control-api.js';
import { signInWithPassword } from './support/steps.js';
import { field, firstScreen, screenTitled } from './support/screen.js';
import { fillIn } from './support/user.js';
import { VirtualDevice } from './support/virtual-device.js';
import { expectSignedIn } from './support/expectations.js';

const LOGIN = 'totp@example.com';

function keysOf(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)!);
}

/** Password, then a code from Okta Verify; `onCodeScreen` runs while the transaction is half way. */
async function signInWithCode(mounted: MountedSignin, onCodeScreen: () => void = () => undefined): Promise<void> {
  // Okta Verify's only method for this user is a code: the widget skips the picker of one choice.
  await signInWithPassword(mounted, LOGIN);
  await screenTitled(mounted.widget, 'Enter a code');
  onCodeScreen();
  const device = await VirtualDevice.of(LOGIN);
  await fillIn(field(mounted.widget, 'Enter code'), await device.totp());
  await expectSignedIn(mounted, LOGIN);
}

describe('e2e: where okta-auth-js keeps the sign-in', () => {
  beforeEach(startFresh);

  it('nothing of an in-page sign-in lands in localStorage: the transaction and the tokens stay in sessionStorage', async () => {
    const mounted = await mountSignin();
    let midway = { local: [] as string[], session: [] as string[], transaction: '' };
    await signInWithCode(
      mounted,
      () =>
        (midway = {
          local: keysOf(localStorage),
          session: keysOf(sessionStorage),
          transaction: sessionStorage.getItem('okta-transaction-storage') ?? '',
        }),
    );

    expect(midway.local, 'localStorage half way (PKCE verifier, interaction handle)').to.deep.equal([]);
    expect(midway.session, 'the transaction, in the tab').to.include('okta-transaction-storage');
    expect(midway.transaction, 'the PKCE verifier is in the tab').to.match(/"codeVerifier":"[\w-]{43,}"/);
    expect(keysOf(localStorage), 'localStorage once signed in').to.deep.equal([]);
    const tokens = JSON.parse(sessionStorage.getItem('okta-token-storage') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(tokens)).to.include.members(['idToken', 'accessToken']);
  });

  it('token-storage="localStorage" asks for the tokens in localStorage; the transaction stays in the tab', async () => {
    const events: OvEvent[] = [];
    const record = (event: Event) => events.push(event as OvEvent);
    const widget = await fixture<OvSignin>(
      html`<ov-signin
        issuer=${await issuer()}
        client-id=${CLIENT_ID}
        redirect-uri=${`${location.origin}/callback`}
        token-storage="localStorage"
        @ov-step=${record}
        @ov-success=${record}
        @ov-error=${record}
      ></ov-signin>`,
    );
    await firstScreen(widget);
    const mounted: MountedSignin = {
      widget,
      events,
      eventsOf: (type) => events.filter((e) => e.type === type) as never,
      stepNames: () => [],
    };
    let midway: string[] = [];
    await signInWithCode(mounted, () => (midway = keysOf(localStorage)));
    expect(midway).to.deep.equal([]);
    const tokens = JSON.parse(localStorage.getItem('okta-token-storage') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(tokens)).to.include.members(['idToken', 'accessToken']);
    expect(sessionStorage.getItem('okta-token-storage')).to.equal(null);
  });
});
