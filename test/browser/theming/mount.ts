import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/define.js';
import type { OvSignin, OvTheme } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import { FakeClient } from '../fixtures/fake-client.js';

export interface Mounted {
  signin: OvSignin;
  /** The step element on screen (`ov-identify`, `ov-poll-status`, …). */
  screen: HTMLElement & { updateComplete: Promise<unknown> };
  client: FakeClient;
}

/** `<ov-signin>` showing the step of `tx`; any poll that follows stays in flight. */
export async function mountAt(tx: OvTransaction, theme?: OvTheme): Promise<Mounted> {
  const client = new FakeClient().answer(tx);
  client.hold();
  return mountWith(client, theme);
}

/**
 * `<ov-signin>` showing the step of the first answer `client` has scripted; `no-autofocus`, so that
 * the tests move focus themselves (Tab from the page, `focus()`).
 */
export async function mountWith(client: FakeClient, theme?: OvTheme): Promise<Mounted> {
  const signin = await fixture<OvSignin>(
    html`<ov-signin no-autofocus .authClient=${client} theme=${ifDefined(theme)}></ov-signin>`,
  );
  await waitUntil(() => signin.controller.state.step, 'the first screen', { interval: 5 });
  await signin.updateComplete;
  const screen = signin.shadowRoot!.querySelector<Mounted['screen']>('[data-screen]')!;
  await screen.updateComplete;
  return { signin, screen, client };
}

/** The element matching `selector` in the screen's shadow root. */
export function inScreen<T extends Element = HTMLElement>({ screen }: Mounted, selector: string): T {
  const found = screen.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${screen.localName}: nothing matches ${selector}`);
  return found;
}

/** The frame of `<ov-signin>`, which paints the surface. */
export function frame({ signin }: Mounted): HTMLElement {
  return signin.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `el`'s computed style once its transitions (the buttons fade colour changes) have run. */
export async function settledStyle(el: Element): Promise<CSSStyleDeclaration> {
  await Promise.all(el.getAnimations().map((animation) => animation.finished));
  return getComputedStyle(el);
}
