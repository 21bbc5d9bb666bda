import { LitElement, html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { ResendOffer } from '../../../src/internal/resend-offer.js';
import { TimerSpy } from '../fixtures/timers.js';

const DELAY = 15;

class OfferHost extends LitElement {
  readonly offer = new ResendOffer(this, () => DELAY);

  override render() {
    return html`${this.offer.ready ? 'resend' : ''}`;
  }
}
customElements.define('test-offer-host', OfferHost);

describe('ResendOffer', () => {
  let timers: TimerSpy;
  beforeEach(() => {
    timers = new TimerSpy().install();
  });
  afterEach(() => timers.uninstall());

  it('is ready once the delay has passed since it was armed, and re-renders its host', async () => {
    const host = await fixture<OfferHost>(html`<test-offer-host></test-offer-host>`);
    host.offer.arm();
    expect(host.offer.ready).to.equal(false);
    await waitUntil(() => host.shadowRoot!.textContent === 'resend', 'the offer shown', { interval: 2 });
    expect(host.offer.ready).to.equal(true);
  });

  it('arming again restarts the wait; withdrawing ends it', async () => {
    const host = await fixture<OfferHost>(html`<test-offer-host></test-offer-host>`);
    host.offer.arm();
    host.offer.arm();
    expect(timers.pendingWith(DELAY)).to.equal(1);
    host.offer.withdraw();
    expect(timers.pendingWith(DELAY)).to.equal(0);
    expect(host.offer.ready).to.equal(false);
  });

  it('leaving the page withdraws the offer and its timer', async () => {
    const host = await fixture<OfferHost>(html`<test-offer-host></test-offer-host>`);
    host.offer.arm();
    await waitUntil(() => host.offer.ready, 'the offer', { interval: 2 });
    host.offer.arm();
    host.remove();
    expect(host.offer.ready).to.equal(false);
    expect(timers.pendingWith(DELAY)).to.equal(0);
  });
});
