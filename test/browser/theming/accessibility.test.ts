// WCAG 2.2 AA details: reduced motion, a visible focus ring on every control, 24×24 targets, live
// regions, the number challenge announced once, a text alternative and fallback for the QR.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import * as idx from '../fixtures/idx.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { contrastRatio } from './contrast.js';
import { itInChromium } from '../support/engine.js';
import { deepActive, frame, inScreen, mountAt, mountWith } from './mount.js';
import type { Mounted } from './mount.js';

/** The buttons and fields of the screen on show. */
function controls({ screen }: Mounted): HTMLElement[] {
  return [...screen.shadowRoot!.querySelectorAll<HTMLElement>('button, input')];
}

describe('accessibility', () => {
  itInChromium(
    'buttons animate their colour changes, unless the user asks for reduced motion [Chromium: CDP media emulation]',
    async () => {
      const style = document.createElement('style');
      style.textContent = 'ov-signin::part(link-button) { transition: color 2s; }';
      document.head.append(style);
      try {
        const mounted = await mountAt(idx.pushPoll);
        const button = inScreen(mounted, '[part~="link-button"]');
        expect(getComputedStyle(button).transitionDuration).to.not.equal('0s');
        await emulateMedia({ reducedMotion: 'reduce' });
        for (const control of controls(mounted)) expect(getComputedStyle(control).transitionDuration).to.equal('0s');
      } finally {
        style.remove();
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    },
  );

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, tx] of Object.entries({
      identify: idx.identify,
      picker: idx.selectAuthenticatorAuthenticate,
      number: idx.numberChallenge,
    })) {
      it(`${scheme}, ${name}: Tab shows a 2px ring ≥3:1 against the surface on every control`, async () => {
        const mounted = await mountAt(tx, scheme);
        const surface = getComputedStyle(frame(mounted)).backgroundColor;
        const reached = new Set<Element>();
        for (let i = 0; i < controls(mounted).length; i++) {
          await sendKeys({ press: 'Tab' });
          const focused = deepActive()!;
          reached.add(focused);
          const ring = getComputedStyle(focused);
          expect(ring.outlineStyle, focused.outerHTML).to.equal('solid');
          expect(ring.outlineWidth).to.equal('2px');
          expect(contrastRatio(ring.outlineColor, surface)).to.be.at.least(3);
        }
        expect([...reached]).to.have.members(controls(mounted));
      });
    }
  }

  for (const [name, tx] of Object.entries(idx.STEPS)) {
    it(`${name}: every button and field is at least 24×24 CSS px`, async () => {
      const mounted = await mountAt(tx);
      for (const control of controls(mounted)) {
        const { width, height } = control.getBoundingClientRect();
        expect(Math.min(width, height), control.outerHTML).to.be.at.least(24);
      }
    });
  }

  it('polling progress is a polite live region; a terminal state an assertive one', async () => {
    const polling = await mountAt(idx.pushPoll);
    const progress = inScreen(polling, '[part~="status"]');
    expect([progress.getAttribute('role'), progress.getAttribute('aria-live')]).to.deep.equal(['status', 'polite']);
    const terminal = await mountAt(idx.terminalTimedOut);
    const messages = terminal.signin.shadowRoot!.querySelector('[part="messages"]')!;
    expect([messages.getAttribute('role'), messages.getAttribute('aria-live')]).to.deep.equal(['alert', 'assertive']);
  });

  it('the number to tap is announced with the heading, and polls with the same number change nothing', async () => {
    const mounted = await mountAt(idx.numberChallenge);
    const heading = inScreen(mounted, 'h2');
    const number = inScreen(mounted, '[part~="number"]');
    expect(heading.getAttribute('aria-describedby')).to.equal(number.id);
    expect(number.getAttribute('aria-label')).to.equal('Number to tap: 52');
    expect(number.closest('[aria-live], [role="status"], [role="alert"]'), 'the number is in no live region').to.equal(
      null,
    );
  });

  it('the QR has a text alternative, and "Can’t scan?" offers email or SMS instead', async () => {
    const mounted = await mountAt(idx.qrEnroll);
    expect(inScreen<HTMLImageElement>(mounted, 'img[part="qr"]').alt).to.match(/\S/);
    expect(inScreen(mounted, '[part~="link-button"]').textContent).to.match(/Can.t scan/);
  });

  it('polls bringing the same number change nothing on screen, so nothing is announced again', async () => {
    const client = new FakeClient().answer(idx.numberChallenge).answer(idx.numberChallenge).answer(idx.numberChallenge);
    client.hold();
    const mounted = await mountWith(client);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(mounted.screen.shadowRoot!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    try {
      await waitUntil(() => client.callsOf('proceed').length === 3, 'three polls', { timeout: 8000 });
      await mounted.signin.updateComplete;
      await mounted.screen.updateComplete;
    } finally {
      observer.disconnect();
    }
    expect(changes.map((c) => `${c.type} ${(c.target as Element).outerHTML ?? c.target.textContent}`)).to.deep.equal(
      [],
    );
  });
});
