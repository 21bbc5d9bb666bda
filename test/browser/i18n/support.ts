import { fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { setLocale } from '../../../src/i18n/localization.js';
import { FakeClient } from '../fixtures/fake-client.js';
import type { OvTransaction } from '../../../src/controller/types.js';

/** `<ov-signin>` showing the step of `tx`, inside a `<div lang>` when `lang` is given. */
export async function signinAt(tx: OvTransaction, lang?: string): Promise<{ el: OvSignin; client: FakeClient }> {
  const client = new FakeClient().answer(tx);
  const signin = html`<ov-signin .authClient=${client}></ov-signin>`;
  const container = await fixture<HTMLDivElement>(
    lang === undefined ? html`<div>${signin}</div>` : html`<div lang=${lang}>${signin}</div>`,
  );
  const el = container.querySelector('ov-signin')!;
  await waitUntil(() => el.controller.state.step || el.controller.state.problem, 'the first step', { interval: 5 });
  return { el, client };
}

/** The locale an element renders in (its LocaleController's). */
export function localeOf(el: ReactiveElement): string {
  return (el as unknown as { locale: { current: string } }).locale.current;
}

/** Waits until `el` renders in `locale` and it (and the screen inside it, if any) have re-rendered. */
export async function rendered(el: ReactiveElement, locale: string): Promise<void> {
  await waitUntil(() => localeOf(el) === locale, `the ${locale} locale`, { interval: 5 });
  await el.updateComplete;
  const screen = el.shadowRoot!.querySelector<HTMLElement & Partial<ReactiveElement>>('[data-screen]');
  await screen?.updateComplete;
}

/** The text of the visible heading, inside the step element when there is one. */
export function heading(el: OvSignin): string {
  const screen = el.shadowRoot!.querySelector('[data-screen]')!;
  const root = screen.shadowRoot ?? el.shadowRoot!;
  return root.querySelector('h2')!.textContent!.trim();
}

/** Back to English between tests: the page's `lang` and the default of strings used outside elements. */
export async function resetLocale(): Promise<void> {
  document.documentElement.removeAttribute('lang');
  await setLocale('en');
}
