/**
 * <ov-flow-inspector> on a page: it finds its widget however the page is built, observes a page's
 * own OktaAuth only while it inspects it, lets go when removed, and copies by hand when the
 * clipboard refuses.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { OktaAuth } from '@okta/okta-auth-js/idx';
import '../../../src/define.js';
import '../../../src/inspector/index.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvFlowInspector } from '../../../src/inspector/ov-flow-inspector.js';
import { issuer } from '../e2e/support/control-api.js';
import { CLIENT_ID, startFresh } from '../e2e/support/widget.js';
import {
  button,
  eventually,
  firstScreen,
  queryAllDeep,
  queryDeep,
  screenTitled,
  textOf,
} from '../e2e/support/screen.js';
import { click } from '../e2e/support/user.js';
import { entriesOf, requestsOf } from './support.js';

async function configuredSignin(id: string): Promise<OvSignin> {
  const widget = document.createElement('ov-signin');
  widget.id = id;
  widget.issuer = await issuer();
  widget.clientId = CLIENT_ID;
  widget.redirectUri = `${location.origin}/callback`;
  return widget;
}

describe('ov-flow-inspector on a page', () => {
  beforeEach(startFresh);

  it('waits for a widget added after it, then records its flow', async () => {
    const container = await fixture<HTMLElement>(html`<div><ov-flow-inspector for="later"></ov-flow-inspector></div>`);
    const inspector = container.querySelector<OvFlowInspector>('ov-flow-inspector')!;
    expect(textOf(inspector)).to.contain('Waiting for <ov-signin id="later">');
    const widget = container.appendChild(await configuredSignin('later'));
    await firstScreen(widget);
    await eventually(() => entriesOf(inspector, 'step').length === 1, 'the first step recorded');
    expect(requestsOf(inspector).map((r) => r.path)).to.include.members([
      '/oauth2/default/v1/interact',
      '/idp/idx/introspect',
    ]);
    expect(textOf(inspector)).to.match(/\d+ entries; passwords, codes, tokens and state handles masked/);
  });

  it('takes a widget by property (`target`), e.g. one inside another shadow root', async () => {
    const widget = await configuredSignin('elsewhere');
    const inspector = await fixture<OvFlowInspector>(html`<ov-flow-inspector .target=${widget}></ov-flow-inspector>`);
    document.body.append(widget);
    try {
      await firstScreen(widget);
      await eventually(() => entriesOf(inspector, 'step').length === 1, 'the first step recorded');
    } finally {
      widget.remove();
    }
  });

  it('leaves a page’s own OktaAuth untouched until inspected, then records its requests', async () => {
    const authClient = new OktaAuth({
      issuer: await issuer(),
      clientId: CLIENT_ID,
      redirectUri: `${location.origin}/callback`,
      scopes: ['openid'],
    });
    const pageHttpClient = authClient.options.httpRequestClient;
    const widget = await fixture<OvSignin>(html`<ov-signin id="own-client" .authClient=${authClient}></ov-signin>`);
    await firstScreen(widget);
    expect(authClient.options.httpRequestClient, 'not wrapped without an inspector').to.equal(pageHttpClient);

    const inspector = document.createElement('ov-flow-inspector');
    inspector.target = widget;
    widget.after(inspector);
    expect(authClient.options.httpRequestClient, 'wrapped once inspected').not.to.equal(pageHttpClient);
    widget.controller.restart();
    await eventually(
      () => requestsOf(inspector).some((r) => r.path === '/idp/idx/introspect' && r.status === 200),
      'the restart recorded',
    );
    inspector.remove();
  });

  it('lets go of the widget when removed: nothing more is recorded', async () => {
    const container = await fixture<HTMLElement>(
      html`<div><ov-flow-inspector for="watched"></ov-flow-inspector></div>`,
    );
    const inspector = container.querySelector<OvFlowInspector>('ov-flow-inspector')!;
    const widget = container.appendChild(await configuredSignin('watched'));
    await firstScreen(widget);
    await eventually(
      () => requestsOf(inspector).every((r) => r.status !== undefined) && entriesOf(inspector, 'step').length === 1,
      'the start recorded',
    );
    inspector.remove();
    const recorded = inspector.timeline.entries.length;
    widget.controller.restart();
    await screenTitled(widget, 'Sign in');
    await eventually(() => widget.controller.state.busy === false, 'the restart done');
    expect(inspector.timeline.entries.length).to.equal(recorded);
  });

  it('passes aXe in the dark theme, a request’s bodies open', async () => {
    const container = await fixture<HTMLElement>(
      html`<div><ov-flow-inspector for="dark" theme="dark"></ov-flow-inspector></div>`,
    );
    const inspector = container.querySelector<OvFlowInspector>('ov-flow-inspector')!;
    const widget = container.appendChild(await configuredSignin('dark'));
    widget.theme = 'dark';
    await firstScreen(widget);
    await eventually(
      () => requestsOf(inspector).every((r) => r.status !== undefined) && entriesOf(inspector, 'step').length === 1,
      'the start recorded',
    );
    await inspector.updateComplete;
    queryDeep<HTMLDetailsElement>(inspector, 'details').open = true;
    expect(getComputedStyle(queryDeep(inspector, '[part="base"]')).colorScheme).to.equal('dark');
    await expect(inspector).to.be.accessible();
  });

  it('shows the JSON to copy by hand when the clipboard refuses, and Clear empties the timeline', async () => {
    const container = await fixture<HTMLElement>(
      html`<div><ov-flow-inspector for="refused"></ov-flow-inspector></div>`,
    );
    const inspector = container.querySelector<OvFlowInspector>('ov-flow-inspector')!;
    await firstScreen(container.appendChild(await configuredSignin('refused')));
    await eventually(() => entriesOf(inspector, 'step').length === 1, 'the first step recorded');

    const clipboard = navigator.clipboard;
    Object.defineProperty(clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')),
    });
    try {
      await click(button(inspector, 'Copy as JSON'));
      await eventually(() => textOf(inspector).includes('The clipboard is not available here'), 'the refusal is said');
    } finally {
      delete (clipboard as unknown as Record<string, unknown>).writeText;
    }
    const textarea = queryDeep<HTMLTextAreaElement>(inspector, 'textarea');
    expect(textarea.getAttribute('aria-label')).to.equal('Timeline as JSON');
    expect(JSON.parse(textarea.value))
      .to.have.property('entries')
      .that.deep.equals(JSON.parse(JSON.stringify(inspector.timeline.entries)));
    await expect(inspector).to.be.accessible();

    await click(button(inspector, 'Clear'));
    expect(inspector.timeline.entries).to.have.length(0);
    await inspector.updateComplete;
    expect(textOf(inspector)).to.contain('Nothing recorded yet.');
    expect(queryAllDeep(inspector, 'textarea')).to.have.length(0);
  });
});
