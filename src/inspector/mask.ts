/**
 * Masking of what the flow inspector records, so a timeline can be pasted into a bug report: every
 * password, one-time code, token, state handle, PKCE value and OAuth code is replaced by MASK,
 * wherever it sits (a JSON body, a form-encoded body, a URL's query, an IDX form field's `value`).
 */

export const MASK = '[masked]';

/** Field names, compared lowercase without `_` or `-`, whose value is secret. */
const SECRET_NAMES = new Set([
  'password',
  'passcode',
  'code',
  'verificationcode',
  'interactioncode',
  'codeverifier',
  'codechallenge',
  'state',
  'nonce',
  'otp',
  'totp',
  'answer',
  'authorization',
  'cookie',
]);

/** Endings that make a name secret: `stateHandle`, `interaction_handle`, `access_token`, `clientSecret`… */
const SECRET_ENDINGS = ['token', 'handle', 'secret', 'password', 'passcode'];

export function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(key) || SECRET_ENDINGS.some((ending) => key.endsWith(ending));
}

/** Longest text kept of a body that is neither JSON nor a form. */
const TEXT_LIMIT = 200;

/**
 * A deep copy of `value` with secrets masked. Strings that are JSON or form bodies are parsed
 * first, so their fields are masked one by one. Data URIs (the enrolment QR code carries an
 * activation token) are dropped.
 */
export function mask(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(mask);
  if (value && typeof value === 'object') return maskObject(value as Record<string, unknown>);
  return value;
}

function maskObject(object: Record<string, unknown>): Record<string, unknown> {
  // An IDX form field, `{ name: 'stateHandle', value: '02…' }`: the secret is named by its sibling.
  const secretField = typeof object.name === 'string' && isSecretName(object.name);
  return Object.fromEntries(
    Object.entries(object).map(([key, v]) => [
      key,
      isSecretName(key) || (secretField && key === 'value') ? masked(v) : mask(v),
    ]),
  );
}

/**
 * Objects keep their shape (which fields were sent), every leaf masked. A boolean holds no secret
 * (IDX marks its password fields `secret: true`), so it stays.
 */
function masked(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(() => MASK);
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value).map((key) => [key, MASK]));
  return MASK;
}

/** A JSON Web Token, whatever field it is in (`eyJ…` header and payload). */
const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\./;

function maskText(text: string): unknown {
  if (text.startsWith('data:')) return `[data URI, ${text.length} characters]`;
  if (JWT.test(text)) return MASK;
  if (/^https?:\/\//.test(text) && URL.canParse(text)) return `${new URL(text).origin}${maskedPath(text)}`;
  const json = parseJson(text);
  if (json !== undefined) return mask(json);
  if (/^[\w.%-]+=[^&\s]*(&[\w.%-]+=[^&\s]*)*$/.test(text)) {
    return maskObject(Object.fromEntries(new URLSearchParams(text)));
  }
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}… [${text.length} characters]` : text;
}

/**
 * A body as data: okta-auth-js hands over IDX answers (`application/ion+json`) as text, so JSON
 * text is parsed; anything else is returned as it is.
 */
export function parsedBody(body: unknown): unknown {
  return typeof body === 'string' ? (parseJson(body) ?? body) : body;
}

function parseJson(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The URL's path and query with secret parameters masked (`/v1/authorize?state=[masked]`); the
 * origin and the fragment (where implicit flows put tokens) are left out.
 */
export function maskedPath(url: string): string {
  const { pathname, searchParams } = new URL(url, 'http://relative.invalid');
  const query = [...searchParams].map(
    ([key, value]) => `${key}=${isSecretName(key) ? MASK : encodeURIComponent(value)}`,
  );
  return query.length ? `${pathname}?${query.join('&')}` : pathname;
}
