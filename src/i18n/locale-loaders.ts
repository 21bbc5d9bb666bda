import type { LocaleModule } from '@lit/localize';
import type { targetLocales } from './locale-codes.js';

export type TargetLocale = (typeof targetLocales)[number];

/**
 * One module per locale, fetched the first time a widget needs it. Written out (not a template
 * string) so that tsc, Vite and esbuild all see every locale module. The one-file builds replace
 * this module with locale-files.ts (vite.config.ts).
 */
export const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  ja: () => import('./locales/ja.js'),
  nl: () => import('./locales/nl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
};
