import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

/**
 * A choice's icon: inline SVG drawn in `currentColor` by presentation attributes (no `style`
 * attribute, no request), so it passes a strict CSP and follows the theme and forced colours. The
 * name beside it says what it is; the icon is decoration (`aria-hidden`).
 */
type IconName = 'app' | 'fastpass' | 'password' | 'email' | 'phone' | 'biometric' | 'question' | 'shield';

const paths: Readonly<Record<IconName, SVGTemplateResult>> = {
  // A phone: Okta Verify, other push and code apps.
  app: svg`<rect x="6.5" y="2.5" width="11" height="19" rx="2"/><path d="M10.5 18.5h3"/>`,
  // A laptop with a check: Okta FastPass on this device.
  fastpass: svg`<rect x="4" y="4.5" width="16" height="11" rx="1.5"/><path d="M2 19.5h20M9 10l2 2 4-4"/>`,
  password: svg`<rect x="2.5" y="7" width="19" height="10" rx="2"/><path d="M7 10.5v3M5.7 11.2l2.6 1.6M5.7 12.8l2.6-1.6M12 10.5v3M10.7 11.2l2.6 1.6M10.7 12.8l2.6-1.6M16 14h3"/>`,
  email: svg`<rect x="2.5" y="5" width="19" height="14" rx="2"/><path d="M3 6.5l9 6.5 9-6.5"/>`,
  // A speech bubble: a code by SMS or voice call.
  phone: svg`<path d="M4 5.5h16a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 3.5V17.5H4A1.5 1.5 0 0 1 2.5 16V7A1.5 1.5 0 0 1 4 5.5z"/><path d="M7.5 11.5h.01M12 11.5h.01M16.5 11.5h.01"/>`,
  biometric: svg`<path d="M6.5 6.5a8 8 0 0 1 11 0M5 11a7 7 0 0 1 14 0v1.5M8.5 20a12 12 0 0 0 1-5v-4a2.5 2.5 0 0 1 5 0v2M12 11v4a15 15 0 0 1-1.5 6.5M16.5 15.5a17 17 0 0 1-1 4.5"/>`,
  question: svg`<circle cx="12" cy="12" r="9.5"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17h.01"/>`,
  shield: svg`<path d="M12 2.5l8 3v6c0 5-3.4 8.6-8 10-4.6-1.4-8-5-8-10v-6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>`,
};

const byAuthenticator: Readonly<Record<string, IconName>> = {
  okta_verify: 'app',
  custom_app: 'app',
  google_otp: 'app',
  okta_password: 'password',
  okta_email: 'email',
  phone_number: 'phone',
  webauthn: 'biometric',
  security_question: 'question',
};

const byMethod: Readonly<Record<string, IconName>> = {
  push: 'app',
  totp: 'app',
  otp: 'app',
  sms: 'phone',
  voice: 'phone',
  email: 'email',
  password: 'password',
  webauthn: 'biometric',
};

function iconName(method: string | undefined, authenticatorKey: string | undefined): IconName {
  if (method === 'signed_nonce') return 'fastpass';
  return byAuthenticator[authenticatorKey ?? ''] ?? byMethod[method ?? ''] ?? 'shield';
}

export function optionIcon(method: string | undefined, authenticatorKey: string | undefined): TemplateResult {
  const name = iconName(method, authenticatorKey);
  return html`<svg
    class="icon"
    part="option-icon"
    data-icon=${name}
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths[name]}
  </svg>`;
}
