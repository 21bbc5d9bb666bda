import { expect } from '@open-wc/testing';
import { getLocale, matchLocale } from '../../../src/i18n/localization.js';
import * as idx from '../fixtures/idx.js';
import { heading, rendered, resetLocale, signinAt } from './support.js';

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
    expect(getLocale()).to.equal(matchLocale(navigator.language));
  });

  it('translates the labels of known fields, and keeps the server’s in English', async () => {
    const { el } = await signinAt(idx.identify, 'de');
    await rendered(el, 'de');
    const labels = () => [...el.shadowRoot!.querySelector('ov-identify')!.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels()).to.deep.equal(['Benutzername', 'Passwort']);
    el.parentElement!.setAttribute('lang', 'en');
    await rendered(el, 'en');
    expect(labels()).to.deep.equal(['Username', 'Password']);
  });

  it('leaves no observer behind once removed', async () => {
    const { el } = await signinAt(idx.identify, 'de');
    await rendered(el, 'de');
    const container = el.parentElement!;
    el.remove();
    container.setAttribute('lang', 'es');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getLocale()).to.equal('de');
  });
});
