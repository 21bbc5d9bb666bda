/**
 * Masking of what the flow inspector records, so a timeline can be pasted into a bug report.
 *
 * It masks by an allow-list: a value is shown only under a key known to hold no secret (IDX's form
 * structure, remediation and authenticator names, statuses, Okta's messages and error codes);
 * every other string or number becomes MASK, whatever its key is called (`pin`, `pwd`,
 * `secretAnswer`, a field Okta adds tomorrow). On top of that, a string that looks like a random
 * secret (long, token characters, mixed classes) is masked even under a known key, in JSON and form
 * bodies, in URL path segments and query values, and inside text.
 */

export const MASK = '[masked]';

/**
 * Keys, compared lowercase without `_` or `-`, whose string and number values hold no secret.
 * `stateHandle`, `interaction_handle`, tokens, codes, PKCE values, `state`, `nonce` are not here.
 */
const SAFE_NAMES = new Set([
  // IDX forms and their structure
  'version',
  'expiresat',
  'intent',
  'type',
  'name',
  'label',
  'rel',
  'href',
  'method',
  'accepts',
  'produces',
  'refresh',
  'relatesto',
  'required',
  'visible',
  'mutable',
  'secret',
  'maxlength',
  'minlength',
  'actions',
  'remediations',
  // authenticators and their methods
  'key',
  'id',
  'authenticatorid',
  'displayname',
  'authenticatorname',
  'catalogkey',
  'methodtype',
  'channel',
  'selectedchannel',
  'challengemethod',
  'securitylevel',
  'probetimeoutmillis',
  'ports',
  'domain',
  'platform',
  'os',
  'browser',
  'devicename',
  'enrolleddevices',
  'correctanswer',
  // who signs in (not a secret; a bug report needs it)
  'identifier',
  // messages and errors
  'class',
  'message',
  'errorcode',
  'errorsummary',
  'errorlink',
  'error',
  'errordescription',
  'status',
  'step',
  'action',
  // OAuth parameters that are not secrets
  'clientid',
  'redirecturi',
  'scope',
  'granttype',
  'responsetype',
  'responsemode',
  'codechallengemethod',
  'tokentype',
  'expiresin',
  'lang',
  'locale',
]);

/** Keys whose value may be an Okta object id (`aut2h3fft4y9pDPCS1d7`), shown although it looks random. */
const ID_NAMES = new Set(['id', 'authenticatorid']);

function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Whether the inspector masks a value found under this key (every key it does not know). */
export function isSecretName(name: string): boolean {
  return !SAFE_NAMES.has(normalized(name));
}

/** Tokens, handles, codes and keys (base64, base64url, hex): no space, `@` or `:`; `=` only as padding. */
const TOKEN_CHARACTERS = /^[\w~+/.-]+={0,2}$/;
const TOKEN_RUN = /[\w~+/.-]{16,}={0,2}/g;
const OKTA_ID = /^[a-z0-9]{3}[A-Za-z0-9]{17}$/;

/** How often a text switches between lower case, upper case and digits (punctuation aside). */
function classSwitches(text: string): number {
  const runs = text.replace(/[^A-Za-z0-9]/g, '').match(/\d+|[a-z]+|[A-Z]+/g) ?? [];
  return Math.max(0, runs.length - 1);
}

/**
 * A random-looking string: 16 characters or more of token characters that switch between lower
 * case, upper case and digits at least three times. Words and names (`select-authenticator-enroll`,
 * `testuser1`), content types and dates are not; state handles, activation tokens, session ids and
 * hex digests are.
 */
export function looksSecret(text: string): boolean {
  return text.length >= 16 && TOKEN_CHARACTERS.test(text) && classSwitches(text) >= 3;
}

/** Masks every random-looking run inside a text (an error message quoting a token). */
function maskSecretRuns(text: string): string {
  return text.replace(TOKEN_RUN, (run) => (looksSecret(run) ? MASK : run));
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
  return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, maskEntry(object, key, v)]));
}

/** A value under `key`: objects are walked (their own keys decide), leaves are shown only under a safe key. */
function maskEntry(object: Record<string, unknown>, key: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => maskEntry(object, key, item));
  if (value && typeof value === 'object') return maskObject(value as Record<string, unknown>);
  if (value === undefined || value === null || value === '' || typeof value === 'boolean') return value;
  // A link is worth seeing under any key: its path and query are masked on their own.
  if (typeof value === 'string' && isWebUrl(value)) return maskText(value);
  const name = key === 'value' && typeof object.name === 'string' ? object.name : key;
  return shownUnder(object, key) ? maskLeaf(value, name) : MASK;
}

/**
 * An IDX form field or option carries its value beside its name (`{ name: 'stateHandle', value }`)
 * or label (`{ label: 'Okta Verify', value: 'aut…' }`): the value is as safe as the field's name.
 */
function shownUnder(object: Record<string, unknown>, key: string): boolean {
  if (key !== 'value') return !isSecretName(key);
  if (typeof object.name === 'string') return !isSecretName(object.name);
  return typeof object.label === 'string';
}

/** A string or number under a safe name (the key, or the field's name for its `value`). */
function maskLeaf(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  if (ID_NAMES.has(normalized(name)) && OKTA_ID.test(value)) return value;
  return maskText(value);
}

function isWebUrl(text: string): boolean {
  return /^https?:\/\//.test(text) && URL.canParse(text);
}

/** A JSON Web Token, whatever field it is in (`eyJ…` header and payload). */
const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\./;

function maskText(text: string): unknown {
  if (text.startsWith('data:')) return `[data URI, ${text.length} characters]`;
  if (JWT.test(text)) return MASK;
  if (isWebUrl(text)) return `${new URL(text).origin}${maskedPath(text)}`;
  const json = parseJson(text);
  if (json !== undefined) return mask(json);
  if (/^[\w.%-]+=[^&\s]*(&[\w.%-]+=[^&\s]*)*$/.test(text)) {
    return maskObject(Object.fromEntries(new URLSearchParams(text)));
  }
  const shown = maskSecretRuns(text);
  return shown.length > TEXT_LIMIT ? `${shown.slice(0, TEXT_LIMIT)}… [${text.length} characters]` : shown;
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

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The URL's path and query, masked (`/v1/authorize?client_id=ov&state=[masked]`): a path segment
 * that looks random (an activation token in the path) is masked, a query value is shown only
 * under a safe name and when it does not look random. The origin and the fragment (where implicit
 * flows put tokens) are left out.
 */
export function maskedPath(url: string): string {
  const { pathname, searchParams } = new URL(url, 'http://relative.invalid');
  const path = pathname
    .split('/')
    .map((segment) => (looksSecret(decoded(segment)) ? MASK : segment))
    .join('/');
  const query = [...searchParams].map(
    ([key, value]) => `${key}=${isSecretName(key) || looksSecret(value) ? MASK : encodeURIComponent(value)}`,
  );
  return query.length ? `${path}?${query.join('&')}` : path;
}
