/** What every flow checks at its end, as the user and the page see it. */
import { expect } from '@open-wc/testing';
import type { MountedSignin } from './widget.js';
import { eventually, focused, screenTitled, textOf } from './screen.js';
import { animationsFinished } from '../../support/animations.js';

/** The success screen, one ov-success with tokens issued for `login`, and the tokens kept by okta-auth-js. */
export async function expectSignedIn(mounted: MountedSignin, login: string): Promise<void> {
  const { widget } = mounted;
  await screenTitled(widget, 'You are signed in');
  expect(textOf(widget)).to.contain(`Signed in as ${login}`);
  const [success, ...more] = mounted.eventsOf('ov-success');
  expect(more, 'one ov-success').to.have.length(0);
  const tokens = success!.detail.tokens;
  expect(tokens?.idToken?.claims.email).to.equal(login);
  expect(tokens?.idToken?.claims.amr).to.include.members(['pwd', 'mfa']);
  expect(tokens?.accessToken?.accessToken).to.be.a('string');
  // okta-auth-js's tokenManager keeps them in the tab's sessionStorage (the widget's default, or
  // localStorage if the page asked): a reload finds the user signed in.
  const kept = sessionStorage.getItem('okta-token-storage') ?? localStorage.getItem('okta-token-storage');
  const stored = JSON.parse(kept ?? '{}') as Record<string, unknown>;
  expect(Object.keys(stored)).to.include.members(['idToken', 'accessToken']);
  expect(mounted.eventsOf('ov-terminal'), 'no ov-terminal').to.have.length(0);
}

/**
 * axe-core finds no violation on the screen on show, once it is settled: colour transitions (a button
 * fading back from busy, inside the shadow roots too) finished, since axe measures contrast on the
 * colours of the moment.
 */
export async function expectAccessible(mounted: MountedSignin): Promise<void> {
  await mounted.widget.updateComplete;
  await animationsFinished(mounted.widget);
  await expect(mounted.widget).to.be.accessible();
}

/**
 * Focus reaches `element` (screens move it once they have rendered). Compared by identity and
 * described in words: a failing chai diff of two DOM nodes takes the test browser down.
 */
export async function expectFocusOn(element: Element, what: string): Promise<void> {
  await eventually(() => focused() === element, what, 1000).catch(() => undefined);
  const active = focused();
  const describe = (e: Element | null) => (e ? `<${e.localName}> "${textOf(e)}"` : 'nothing');
  expect(active === element, `${what}: focus is on ${describe(active)}, not ${describe(element)}`).to.equal(true);
}
