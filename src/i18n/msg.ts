import type { LocaleModule, MsgFn, MsgOptions, StrResult, TemplateLike } from '@lit/localize';
import { templatesFor } from './localization.js';

/**
 * The widget's `msg()`: @lit/localize's signature (so `lit-localize extract` finds every call by its
 * type), answered from the templates of the locale being rendered, which differs per element
 * (`inLocale`). @lit/localize's own runtime keeps one locale per page, and reaching into its
 * internals to change that would break silently on an update; this lookup uses only its public
 * types. Every message has an explicit `id`, so no id is derived from the text.
 */
export const msg = ((template: TemplateLike, options?: MsgOptions) =>
  localize(templatesFor(), template, options)) as MsgFn;

/** `template` in the translations given (source text where they have none), as a string. */
export function localize(
  templates: LocaleModule['templates'] | undefined,
  template: TemplateLike,
  options?: MsgOptions,
): TemplateLike {
  const localized = options?.id === undefined ? undefined : templates?.[options.id];
  if (typeof template === 'string') return typeof localized === 'string' ? localized : template;
  if (!isStr(template)) return template;
  // A translated str`…` holds, in place of each expression, the index of the source value it shows.
  if (localized !== undefined && isStr(localized)) {
    return join(
      localized.strings,
      (localized.values as number[]).map((i) => template.values[i]),
    );
  }
  return join(template.strings, template.values);
}

function isStr(template: TemplateLike): template is StrResult {
  return typeof template === 'object' && 'strTag' in template;
}

function join(strings: readonly string[], values: readonly unknown[]): string {
  return strings.reduce((text, part, i) => text + String(values[i - 1]) + part);
}
