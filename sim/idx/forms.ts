/** Builders for the Ion forms and fields that every IDX response is made of. */

export const ION_CONTENT_TYPE = 'application/ion+json; okta-version=1.0.0';
const ACCEPTS = 'application/json; okta-version=1.0.0';

export type Field = Record<string, unknown>;

export interface Form {
  rel: ['create-form'];
  name: string;
  relatesTo?: string[];
  href: string;
  method: 'POST';
  produces: string;
  refresh?: number;
  value: Field[];
  accepts: string;
}

/** The hidden, immutable field okta-auth-js takes the state handle from; always last. */
export function stateHandleField(stateHandle: string): Field {
  return { name: 'stateHandle', required: true, value: stateHandle, visible: false, mutable: false };
}

export function form(
  name: string,
  href: string,
  stateHandle: string,
  fields: Field[],
  extra: { relatesTo?: string[]; refresh?: number } = {},
): Form {
  return {
    rel: ['create-form'],
    name,
    ...(extra.relatesTo ? { relatesTo: extra.relatesTo } : {}),
    href,
    method: 'POST',
    produces: ION_CONTENT_TYPE,
    ...(extra.refresh !== undefined ? { refresh: extra.refresh } : {}),
    value: [...fields, stateHandleField(stateHandle)],
    accepts: ACCEPTS,
  };
}

export function immutable(name: string, value: unknown): Field {
  return { name, required: true, value, mutable: false };
}

export function choice(name: string, options: Array<{ label: string; value: string }>, required = false): Field {
  return { name, type: 'string', required, options };
}

/** `{type: "object", value: ...}`, the wrapper of every context object. */
export function objectValue<T>(value: T): { type: 'object'; value: T } {
  return { type: 'object', value };
}

export function arrayValue<T>(value: T[]): { type: 'array'; value: T[] } {
  return { type: 'array', value };
}
