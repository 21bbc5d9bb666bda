import { expect } from '@open-wc/testing';
import * as idx from '../fixtures/idx.js';
import { heading, rendered, resetLocale, signinAt } from './support.js';

/** Locale modules the page has fetched so far (this file runs in a page of its own). */
function fetchedLocales(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/i18n\/locales\/([\w-]+)\.(?:js|ts)/.exec(entry.name)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('lazy loading of locales', () => {
  afterEach(resetLocale);

  it('fetches no locale module for English, and only the one needed when the lang changes', async () => {
    const { el } = await signinAt(idx.identify, 'en');
    expect(heading(el)).to.equal('Sign in');
    expect(fetchedLocales()).to.deep.equal([]);
    el.parentElement!.setAttribute('lang', 'pt-BR');
    await rendered(el, 'pt-BR');
    expect(heading(el)).to.equal('Entrar');
    expect(fetchedLocales()).to.deep.equal(['pt-BR']);
  });
});
