/**
 * `ov-signin/react` in a React 19 app (react-dom/client): typed props reach the element as
 * properties, and the sign-in's events arrive through `onOvStep` / `onOvSuccess`.
 */
import { expect } from '@open-wc/testing';
import React from 'react';
// Default imports: the test server turns React's CommonJS into ES modules without named exports.
import ReactDom from 'react-dom';
import ReactDomClient from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { OvSignin } from '../../../src/react/index.js';
import type { OvSignin as OvSigninElement } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvStepEvent } from '../../../src/events/ov-step.js';
import type { OvSuccessEvent } from '../../../src/events/ov-success.js';
import { issuer } from '../e2e/support/control-api.js';
import { CLIENT_ID, startFresh } from '../e2e/support/widget.js';
import type { MountedSignin, OvEvent } from '../e2e/support/widget.js';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { eventually, firstScreen, screenTitled } from '../e2e/support/screen.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { expectAccessible, expectSignedIn } from '../e2e/support/expectations.js';

const LOGIN = 'push@example.com';

describe('React wrapper (ov-signin/react)', () => {
  let root: Root | undefined;
  let container: HTMLElement | undefined;

  beforeEach(startFresh);
  afterEach(() => {
    root?.unmount();
    container?.remove();
  });

  it('renders <ov-signin> from props, signs in with a push and calls onOvSuccess with the tokens', async () => {
    container = document.body.appendChild(document.createElement('div'));
    root = ReactDomClient.createRoot(container);
    // What the app's handlers receive, recorded as the e2e helpers expect (MountedSignin.events).
    const events: OvEvent[] = [];
    const ref = React.createRef<OvSigninElement>();
    root.render(
      React.createElement(OvSignin, {
        ref,
        issuer: await issuer(),
        clientId: CLIENT_ID,
        redirectUri: `${location.origin}/callback`,
        theme: 'dark',
        onOvStep: (event: OvStepEvent) => events.push(event),
        onOvSuccess: (event: OvSuccessEvent) => events.push(event),
      }),
    );
    await eventually(() => ref.current !== null, 'React mounts the element');
    const widget = ref.current!;
    expect(widget.localName).to.equal('ov-signin');
    // Properties, not attributes: clientId has no `clientid` attribute to land in.
    expect(widget.clientId).to.equal(CLIENT_ID);
    expect(widget.getAttribute('theme'), 'theme reflects from the property').to.equal('dark');
    await firstScreen(widget);

    const mounted: MountedSignin = {
      widget,
      events,
      eventsOf: (type) => events.filter((e) => e.type === type) as never,
      stepNames: () => events.filter((e) => e.type === 'ov-step').map((e) => (e as OvStepEvent).detail.step.name),
    };
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(widget, 'Get a push notification');
    const device = await VirtualDevice.of(LOGIN);
    expect(await device.approve(await device.nextPush())).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
    await expectAccessible(mounted);

    const [success] = mounted.eventsOf('ov-success');
    expect(success!.detail.tokens?.idToken?.claims.email, 'onOvSuccess got the tokens').to.equal(LOGIN);
    const steps = mounted.stepNames();
    expect(steps[0], 'onOvStep from the first step').to.equal('identify');
    expect(steps.slice(-2)).to.deep.equal(['challenge-poll', 'success']);
  });

  it('a re-render with a new handler replaces the listener; unmounting removes the element', () => {
    container = document.body.appendChild(document.createElement('div'));
    root = ReactDomClient.createRoot(container);
    const calls: string[] = [];
    const ref = React.createRef<OvSigninElement>();
    // flushSync: each render is committed before the next line.
    const render = (name: string) =>
      ReactDom.flushSync(() =>
        root!.render(React.createElement(OvSignin, { ref, onOvCancel: () => calls.push(name) })),
      );
    render('first');
    const widget = ref.current!;
    widget.dispatchEvent(new Event('ov-cancel'));
    render('second');
    widget.dispatchEvent(new Event('ov-cancel'));
    expect(calls).to.deep.equal(['first', 'second']);
    root.unmount();
    root = undefined;
    expect(widget.isConnected).to.equal(false);
  });
});
