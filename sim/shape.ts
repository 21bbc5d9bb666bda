/**
 * The shape digest of an Okta (or simulator) response: every key path with its JSON type and
 * none of the values, so a simulator response can be set beside a recorded Okta one without the
 * repository carrying the recording's handles, codes, QR images or addresses.
 *
 * Paths join object keys with `.`; an array element is `[k]`, where k names the element the way
 * the protocol does (form field and remediation `name`, authenticator `key`, message i18n key,
 * option value, method type; see elementKey), so two responses that list the same things in a
 * different order or with a different count have the same paths. Elements with the same k merge.
 *
 * Kept, because they are the protocol's vocabulary and not data: values of `type` (Ion field
 * types, authenticator and method types), values of `key` (authenticator keys, i18n keys) and
 * `relatesTo` paths, written as `string:<value>`. A relatesTo index is replaced by the key of the
 * element it points at (`$.authenticators.value[okta_verify]`), since indexes depend on how many
 * other authenticators an org has. A JWT is digested as its header and claim names.
 */
export interface ShapeDigest {
  /** HTTP status, where the recording's source states it. */
  status?: number;
  /** Names of `remediation.value[]`, in order (the paths above do not keep order). */
  remediations?: string[];
  /** Path → `string`, `number`, `boolean`, `null`, `object`, `array`, `jwt`, or `string:<kept value>`. */
  shape: Record<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const KEPT_PROPERTIES = new Set(['type', 'key', 'relatesTo']);

export function digest(body: unknown, status?: number): ShapeDigest {
  const root = body as Json;
  const shape: Record<string, string> = {};
  const put = (path: string, type: string) => {
    const types = new Set([...(shape[path]?.split('|') ?? []), type]);
    shape[path] = [...types].sort().join('|');
  };
  const walk = (node: Json, path: string, property: string) => {
    if (Array.isArray(node)) {
      put(path, 'array');
      for (const element of node) walk(element, `${path}[${elementKey(element, root)}]`, property);
    } else if (isObject(node)) {
      if (path) put(path, 'object');
      for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key, key);
    } else if (typeof node === 'string') {
      const jwt = decodeJwt(node);
      if (jwt) {
        put(path, 'jwt');
        walk(jwt.header, `${path}.header`, 'header');
        walk(jwt.payload, `${path}.payload`, 'payload');
      } else if (KEPT_PROPERTIES.has(property)) {
        put(path, `string:${property === 'relatesTo' ? normalizeRelatesTo(node, root) : node}`);
      } else {
        put(path, 'string');
      }
    } else {
      put(path, node === null ? 'null' : typeof node);
    }
  };
  walk(root, '', '');
  const sorted = Object.fromEntries(Object.entries(shape).sort(([a], [b]) => (a < b ? -1 : 1)));
  const remediations = remediationNames(root);
  return { ...(status === undefined ? {} : { status }), ...(remediations ? { remediations } : {}), shape: sorted };
}

function isObject(node: unknown): node is JsonObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function remediationNames(root: Json): string[] | undefined {
  const list = isObject(root) && isObject(root.remediation) ? root.remediation.value : undefined;
  return Array.isArray(list)
    ? list.map((form) => (isObject(form) && typeof form.name === 'string' ? form.name : ''))
    : undefined;
}

/** What names an array element; '' for elements that have nothing naming them (they merge). */
function elementKey(element: Json, root: Json): string {
  if (!isObject(element)) return '';
  if (typeof element.name === 'string') return element.name;
  if (typeof element.key === 'string') return element.key;
  if (isObject(element.i18n) && typeof element.i18n.key === 'string') return element.i18n.key;
  // An option pointing at an authenticator is named by that authenticator's key.
  if (typeof element.relatesTo === 'string') return keyOf(resolve(element.relatesTo, root));
  // An option of a choice (methodType, channel) is named by its value: a protocol word.
  if (typeof element.value === 'string' && 'label' in element) return element.value;
  const keys = Object.keys(element);
  if (keys.length === 1 && typeof element.type === 'string') return element.type;
  return '';
}

function keyOf(target: Json | undefined): string {
  return isObject(target) && typeof target.key === 'string' ? target.key : '';
}

/** Follows `$.a.b[0].c`, the only JSONPath syntax okta-auth-js resolves. */
function resolve(path: string, root: Json): Json | undefined {
  if (!path.startsWith('$.')) return undefined;
  let node: Json | undefined = root;
  for (const [, name, index] of path.slice(2).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (name !== undefined) node = isObject(node) ? node[name] : undefined;
    else node = Array.isArray(node) ? node[Number(index)] : undefined;
  }
  return node;
}

/** `$.authenticators.value[1]` → `$.authenticators.value[okta_verify]`; an unresolvable path says so. */
function normalizeRelatesTo(path: string, root: Json): string {
  if (!path.startsWith('$.')) return path;
  if (resolve(path, root) === undefined) return `${path} (unresolved)`;
  return path.replace(/\[(\d+)\]/g, (_, index: string, offset: number) => {
    const element = resolve(`${path.slice(0, offset)}[${index}]`, root);
    return `[${elementKey(element ?? null, root) || index}]`;
  });
}

function decodeJwt(text: string): { header: Json; payload: Json } | undefined {
  const parts = text.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[\w-]*$/.test(part))) return undefined;
  try {
    const [header, payload] = parts
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Json);
    return isObject(header) && isObject(payload) ? { header, payload } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Values of `body` that turn up in its digest although no rule above keeps them; should be none.
 * Words are matched whole (a handle, a code); values with `.`, `:`, `/` or `@` in them (addresses,
 * URLs, data URIs, dates) anywhere in the text.
 */
export function leakedValues(body: unknown, shapeDigest: ShapeDigest): string[] {
  const text = JSON.stringify(shapeDigest);
  const words = new Set(text.split(/[^\w-]+/));
  const vocabulary = new Set<string>();
  const values: string[] = [];
  const visit = (node: unknown, property: string, parent: JsonObject | undefined) => {
    if (Array.isArray(node)) node.forEach((element) => visit(element, property, parent));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        vocabulary.add(key);
        visit(value, key, node);
      }
    } else if (typeof node === 'string') {
      const isOptionValue = property === 'value' && parent !== undefined && 'label' in parent;
      if (['name', ...KEPT_PROPERTIES].includes(property) || isOptionValue) vocabulary.add(node);
      else values.push(node);
    }
  };
  visit(body, '', undefined);
  const leaked = values.filter((value) => {
    if (value === '' || vocabulary.has(value)) return false;
    return /[.:/@]/.test(value) && value.length >= 8 ? text.includes(value) : words.has(value);
  });
  return [...new Set(leaked)];
}
