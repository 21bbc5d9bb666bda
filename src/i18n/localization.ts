import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

/**
 * One module per locale, fetched the first time a widget needs it. Written out (not a template
 * string) so that tsc, Vite and esbuild all see every locale module.
 */
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  ja: () => import('./locales/ja.js'),
  nl: () => import('./locales/nl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
};

/** @lit/localize keeps one locale per page: every widget on the page shows it. */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as TargetLocale](),
});

const supported: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * The supported locale for a BCP 47 tag: the same tag ("pt-BR"), else the same language ("de-AT" →
 * "de", "pt-PT" → "pt-BR"), else English.
 */
export function matchLocale(tag: string): string {
  const wanted = tag.trim().toLowerCase().replace(/_/g, '-');
  const exact = supported.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return supported.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? sourceLocale;
}

/** Languages written right to left (only Arabic among the shipped locales; the rest for locales to come). */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(locale.toLowerCase().split('-')[0] ?? '');
}
