import { expect } from '@open-wc/testing';
import { matchLocale } from '../../../src/i18n/localization.js';
import * as idx from '../fixtures/idx.js';
import { heading, localeOf, rendered, resetLocale, signinAt } from './support.js';

describe('locale selection', () => {
  afterEach(resetLocale);

  it('matches a lang to a shipped locale: exact, by language, else English', () => {
    expect(matchLocale('de')).to.equal('de');
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('pt-br')).to.equal('pt-BR');
    expect(matchLocale('pt_PT')).to.equal('pt-BR');
    expect(matchLocale('ar-EG')).to.equal('ar');
    expect(matchLocale('zh-Hant')).to.equal('en');
    expect(matchLocale('')).to.equal('en');
  });

  it('follows the lang of an ancestor, and changes of it', async () => {
    const { el } = await signinAt(idx.identify, 'de');
    await rendered(el, 'de');
    expect(heading(el)).to.equal('Anmelden');
    el.parentElement!.setAttribute('lang', 'fr');
    await rendered(el, 'fr');
    expect(heading(el)).to.equal('Se connecter');
  });

  it('prefers its own lang to its ancestors’, and goes back to theirs without it', async () => {
    const { el } = await signinAt(idx.identify, 'fr');
    el.setAttribute('lang', 'ja');
    await rendered(el, 'ja');
    expect(heading(el)).to.equal('サインイン');
    el.removeAttribute('lang');
    await rendered(el, 'fr');
    expect(heading(el)).to.equal('Se connecter');
  });

  it('takes <html lang> when nothing closer has one, and the browser’s language without any', async () => {
    document.documentElement.lang = 'nl';
    const { el } = await signinAt(idx.identify);
    await rendered(el, 'nl');
    expect(heading(el)).to.equal('Aanmelden');
    document.documentElement.removeAttribute('lang');
    await rendered(el, matchLocale(navigator.language));
    expect(localeOf(el)).to.equal(matchLocale(navigator.language));
  });

  it('translates the labels of known fields, and keeps the server’s in English', async () => {
    const { el } = await signinAt(idx.identify, 'de');
    await rendered(el, 'de');
    const labels = () =>
      [...el.shadowRoot!.querySelector('ov-identify')!.shadowRoot!.querySelectorAll('label')].map((l) =>
        l.textContent!.trim(),
      );
    // The fields, then the widget's own "Keep me signed in" (for Okta's rememberMe).
    expect(labels()).to.deep.equal(['Benutzername', 'Passwort', 'Angemeldet bleiben']);
    el.parentElement!.setAttribute('lang', 'en');
    await rendered(el, 'en');
    expect(labels()).to.deep.equal(['Username', 'Password', 'Keep me signed in']);
  });

  it('two widgets in two languages on one page: each in its own, direction included, and its messages too', async () => {
    const german = await signinAt(idx.identify, 'de');
    const arabic = await signinAt(idx.identify, 'ar');
    await rendered(german.el, 'de');
    await rendered(arabic.el, 'ar');
    expect(heading(german.el)).to.equal('Anmelden');
    expect(heading(arabic.el)).not.to.equal('Anmelden');
    expect(heading(arabic.el)).not.to.equal('Sign in');
    const frameDir = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir');
    expect([frameDir(german.el), frameDir(arabic.el)]).to.deep.equal(['ltr', 'rtl']);
    // Each controller reports a code; each widget words it in its own language.
    german.client.fail(new TypeError('Failed to fetch'));
    arabic.client.fail(new TypeError('Failed to fetch'));
    german.el.controller.submit({ username: 'a@example.com', password: 'x' });
    arabic.el.controller.submit({ username: 'a@example.com', password: 'x' });
    await german.el.controller.settled;
    await arabic.el.controller.settled;
    expect([german.el.controller.state.problem?.code, arabic.el.controller.state.problem?.code]).to.deep.equal([
      'network',
      'network',
    ]);
    expect(await problemShown(german.el)).to.equal(
      'Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    );
    expect(await problemShown(arabic.el)).to.equal('تعذّر الوصول إلى خدمة تسجيل الدخول. تحقّق من اتصالك وحاول مرة أخرى.');
  });

  it('leaves no observer behind once removed', async () => {
    const { el } = await signinAt(idx.identify, 'de');
    await rendered(el, 'de');
    const container = el.parentElement!;
    el.remove();
    container.setAttribute('lang', 'es');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(localeOf(el)).to.equal('de');
  });
});

/** The text of the problem notice on the widget's screen, once rendered. */
async function problemShown(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<string | undefined> {
  await el.updateComplete;
  const screen = el.shadowRoot!.querySelector('[data-screen]') as HTMLElement & { updateComplete: Promise<boolean> };
  await screen.updateComplete;
  return screen.shadowRoot!.querySelector('[part="problem"] p')?.textContent?.trim();
}
