import { expect } from '@open-wc/testing';
import { setLocale } from '../../../src/i18n/localization.js';
import { fieldLabel, serverText } from '../../../src/i18n/server-text.js';
import type { OvInput, OvMessage } from '../../../src/controller/types.js';
import * as idx from '../fixtures/idx.js';
import { heading, rendered, resetLocale, signinAt } from './support.js';

const message = (text: string, key?: string): OvMessage => ({ text, level: 'error', ...(key && { key }) });

describe('server messages', () => {
  afterEach(resetLocale);

  it('translates a known Okta key', async () => {
    await setLocale('de');
    expect(serverText(message('Authentication failed', 'errors.E0000004'))).to.equal(
      'Authentifizierung fehlgeschlagen',
    );
    expect(serverText(message('You have chosen to reject this login.', 'api.authn.poll.error.push_rejected'))).to.equal(
      'Sie haben diese Anmeldung abgelehnt.',
    );
  });

  it('shows an unknown key, or a message without one, as sent', async () => {
    await setLocale('de');
    expect(serverText(message('Unsupported method: sms.', 'E0000001'))).to.equal('Unsupported method: sms.');
    expect(serverText(message('Something new', 'toString'))).to.equal('Something new');
    expect(serverText(message('No key at all'))).to.equal('No key at all');
  });

  it('keeps the server’s own wording in English', async () => {
    const sent = 'You have been logged out due to inactivity. Refresh or return to the sign in screen.';
    expect(serverText(message(sent, 'idx.session.expired'))).to.equal(sent);
  });

  it('labels a known field in the active locale, an unknown one as the server does', async () => {
    const input = (name: string, label: string): OvInput => ({
      name,
      label,
      required: true,
      secret: false,
      messages: [],
    });
    await setLocale('fr');
    expect(fieldLabel(input('verificationCode', 'Enter code'))).to.equal('Code');
    expect(fieldLabel(input('answer', 'Answer'))).to.equal('Answer');
  });

  it('shows a translated terminal message in <ov-signin>', async () => {
    const { el } = await signinAt(idx.terminalTimedOut, 'es');
    await rendered(el, 'es');
    expect(heading(el)).to.equal('No se pudo continuar con el inicio de sesión');
    expect(el.shadowRoot!.querySelector('[role="alert"] p')!.textContent).to.equal(
      'Se agotó el tiempo de verificación. Inténtelo de nuevo.',
    );
  });
});
