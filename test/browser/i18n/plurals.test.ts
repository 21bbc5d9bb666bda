import { expect } from '@open-wc/testing';
import { setLocale } from '../../../src/i18n/localization.js';
import { strings } from '../../../src/i18n/strings.js';
import { resetLocale } from './support.js';

/** The count as the locale writes it (Arabic may use Arabic-Indic digits). */
const format = (locale: string, n: number) => new Intl.NumberFormat(locale).format(n);

describe('plural messages', () => {
  afterEach(resetLocale);

  it('English: one and other', () => {
    expect(strings.codeIncomplete(1)).to.equal('Enter one more digit.');
    expect(strings.codeIncomplete(2)).to.equal('Enter two more digits.');
    expect(strings.codeIncomplete(0)).to.equal('Enter 0 more digits.');
    expect(strings.codeIncomplete(5)).to.equal('Enter 5 more digits.');
    expect(strings.codeIncomplete(1000)).to.equal('Enter 1,000 more digits.');
  });

  it('French: 0 is singular, and a million takes “de”', async () => {
    await setLocale('fr');
    expect(strings.codeIncomplete(0)).to.equal('Saisissez encore 0 chiffre.');
    expect(strings.codeIncomplete(1)).to.equal('Saisissez encore un chiffre.');
    expect(strings.codeIncomplete(2)).to.equal('Saisissez encore deux chiffres.');
    expect(strings.codeIncomplete(3)).to.equal('Saisissez encore 3 chiffres.');
    expect(strings.codeIncomplete(1_000_000)).to.equal(`Saisissez encore ${format('fr', 1_000_000)} de chiffres.`);
  });

  it('Arabic: all six categories', async () => {
    await setLocale('ar');
    const n = (count: number) => format('ar', count);
    expect(strings.codeIncomplete(0)).to.equal(`أدخل ${n(0)} رقم إضافي.`); // zero
    expect(strings.codeIncomplete(1)).to.equal('أدخل رقمًا واحدًا إضافيًا.'); // one
    expect(strings.codeIncomplete(2)).to.equal('أدخل رقمين إضافيين.'); // two (dual)
    expect(strings.codeIncomplete(3)).to.equal(`أدخل ${n(3)} أرقام إضافية.`); // few
    expect(strings.codeIncomplete(10)).to.equal(`أدخل ${n(10)} أرقام إضافية.`); // few
    expect(strings.codeIncomplete(11)).to.equal(`أدخل ${n(11)} رقمًا إضافيًا.`); // many
    expect(strings.codeIncomplete(99)).to.equal(`أدخل ${n(99)} رقمًا إضافيًا.`); // many
    expect(strings.codeIncomplete(100)).to.equal(`أدخل ${n(100)} رقم إضافي.`); // other
    expect(strings.codeIncomplete(103)).to.equal(`أدخل ${n(103)} أرقام إضافية.`); // few again
  });

  it('Japanese: one form for every count', async () => {
    await setLocale('ja');
    expect(strings.codeIncomplete(3)).to.equal('あと 3 桁入力してください。');
    expect(strings.codeIncomplete(21)).to.equal('あと 21 桁入力してください。');
  });
});
