/**
 * `<ov-fastpass>` for Apple's SSO extension, rendered from Okta's playground responses: the progress
 * line while the form goes out, Try again when it is not sent by itself, a link for a GET form.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvFastPass } from '../../../src/components/ov-fastpass/ov-fastpass.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { $, $$, flowAt } from '../fixtures/host.js';
import { parsed, recorded, SSO_EXTENSION, withMethod } from '../fixtures/recorded.js';

async function shown(raw: Awaited<ReturnType<typeof recorded>>) {
  const client = new FakeClient();
  const { controller } = await flowAt(client, parsed(raw));
  const el = await fixture<OvFastPass>(html`<ov-fastpass .controller=${controller}></ov-fastpass>`);
  return { el, client, controller };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe("<ov-fastpass>: Apple's SSO extension", () => {
  it("Okta's message stays, nothing is sent by itself; Try again sends the form once, saying so", async () => {
    const { el, client, controller } = await shown(await recorded(SSO_EXTENSION.BIOMETRICS));
    expect(text(el)).to.contain('your organization requires biometrics');
    expect($$(el, '[role="status"]')).to.have.length(0);
    expect($$(el, 'button[data-other]')).to.have.length(1);
    expect(client.callsOf('proceed')).to.have.length(0);
    await expect(el).to.be.accessible();
    client.hold();
    $(el, 'button[data-retry]').click();
    await waitUntil(() => controller.state.busy && client.inFlight === 1, 'the send');
    await el.updateComplete;
    expect(client.callsOf('proceed').map((c) => c.options.step)).to.deep.equal(['device-apple-sso-extension']);
    expect($(el, '[role="status"][aria-live="polite"]').textContent!.trim()).to.equal('Verifying with Okta FastPass…');
    expect($$(el, 'button[data-retry]')).to.have.length(0);
    // Its answer may be the sign-in itself: no switching to the picker while it is out.
    expect($$(el, 'button[data-other]')).to.have.length(0);
  });

  it('method GET: "Continue with Okta Verify" links to Okta’s page, nothing is sent', async () => {
    const { el, client } = await shown(withMethod(await recorded(SSO_EXTENSION.FORM), 'GET'));
    const link = $<HTMLAnchorElement>(el, 'a[data-open]');
    expect(link.textContent!.trim()).to.equal('Continue with Okta Verify');
    expect(link.getAttribute('href')).to.match(/^http:\/\/localhost:3000\/idp\/idx\/authenticators\/sso_extension\//);
    expect($$(el, 'button[data-retry]')).to.have.length(0);
    expect(client.callsOf('proceed')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
