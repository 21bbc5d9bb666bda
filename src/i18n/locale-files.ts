import type { LocaleModule } from '@lit/localize';
import { targetLocales } from './locale-codes.js';
import type { TargetLocale } from './locale-loaders.js';

/**
 * Stands in for locale-loaders.ts in the one-file builds (dist/bundle, vite.config.ts): each locale
 * is a file of its own beside the script (`ov-signin.locale.de.js`, self-contained), fetched from
 * the script's own URL the first time a widget needs it, so a page writes one tag, English costs no
 * second request, and a policy of `script-src 'self'` covers both. The URL is built from a variable
 * so the bundler leaves it to the browser.
 */
const here = import.meta.url;

export const loaders = Object.fromEntries(
  targetLocales.map((locale) => [
    locale,
    () => import(/* @vite-ignore */ new URL(`ov-signin.locale.${locale}.js`, here).href) as Promise<LocaleModule>,
  ]),
) as Record<TargetLocale, () => Promise<LocaleModule>>;
