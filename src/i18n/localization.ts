import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';
import { loaders, type TargetLocale } from './locale-loaders.js';

type Templates = LocaleModule['templates'];

const supported: readonly string[] = [sourceLocale, ...targetLocales];
const loaded = new Map<string, Templates | undefined>([[sourceLocale, undefined]]);
const loading = new Map<string, Promise<void>>();

/** Outside any element's rendering (a page calling `strings` itself): English unless `setLocale` says otherwise. */
let pageDefault = sourceLocale;
/** The locale `msg()` answers in now: that of the element being rendered, else the page default. */
let current: string | undefined;

/** The locale strings are answered in right now. */
export function getLocale(): string {
  return current ?? pageDefault;
}

/** The translations `msg()` answers from now; none for English. */
export function templatesFor(locale = getLocale()): Templates | undefined {
  return loaded.get(locale);
}

/** Whether `locale`'s strings are here (English always is). */
export function isLoaded(locale: string): boolean {
  return loaded.has(locale);
}

/** Fetches `locale`'s strings once; resolves when they are here. */
export function loadLocale(locale: string): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  if (!isTargetLocale(locale)) return Promise.reject(new Error(`No locale ${locale}`));
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (module) => void loaded.set(locale, module.templates),
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

function isTargetLocale(locale: string): locale is TargetLocale {
  return (targetLocales as readonly string[]).includes(locale);
}

/** Runs `render` with every string answered in `locale` (English where it is not loaded yet). */
export function inLocale<T>(locale: string, render: () => T): T {
  const outer = current;
  current = locale;
  try {
    return render();
  } finally {
    current = outer;
  }
}

/** The locale of strings used outside any element (e.g. by a page formatting its own messages). */
export async function setLocale(locale: string): Promise<void> {
  await loadLocale(locale);
  pageDefault = locale;
}

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
