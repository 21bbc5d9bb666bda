import { readFileSync } from 'node:fs';
import type { Route } from '../http/types.ts';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** The page's own CSP: it runs only its own files, as it asks of the widget. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** One of the files beside this module (the package's build copies them next to the compiled code). */
export function staticPage(file: string): Route {
  const type = TYPES[file.split('.').pop() ?? ''];
  return () => ({
    status: 200,
    body: readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'),
    contentType: type,
    headers: { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' },
  });
}
