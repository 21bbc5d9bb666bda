import { expect } from '@open-wc/testing';
import { str } from '@lit/localize';
import { localize } from '../../../src/i18n/msg.js';

// The lookup behind every string of the widget, on @lit/localize's public types only.
describe('msg lookup', () => {
  const templates = {
    greeting: 'Bonjour',
    // Translations may move expressions: `${1}` shows the second source value first.
    signedIn: str`${1} : ${0} connecté`,
  };

  it('answers a plain message from the translations, by id', () => {
    expect(localize(templates, 'Hello', { id: 'greeting' })).to.equal('Bonjour');
  });

  it('keeps the source text without a translation or without an id', () => {
    expect(localize(templates, 'Hello', { id: 'missing' })).to.equal('Hello');
    expect(localize(undefined, 'Hello', { id: 'greeting' })).to.equal('Hello');
    expect(localize(templates, 'Hello')).to.equal('Hello');
  });

  it('puts each value where the translation placed its index', () => {
    const user = 'ana@example.com';
    const when = 'now';
    expect(localize(templates, str`Signed in as ${user} ${when}`, { id: 'signedIn' })).to.equal(
      'now : ana@example.com connecté',
    );
  });

  it('joins an untranslated str template with its values', () => {
    expect(localize(undefined, str`Signed in as ${'ana'}`, { id: 'signedIn' })).to.equal('Signed in as ana');
  });
});
