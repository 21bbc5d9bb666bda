import { getLocale } from './localization.js';

/** The CLDR plural category of `count` in the active locale: "one", "few", … (Arabic has all six). */
export function pluralCategory(count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(getLocale()).select(count);
}

/** `count` written the way the active locale writes numbers. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(getLocale()).format(count);
}
