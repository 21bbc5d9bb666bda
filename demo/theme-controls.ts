// The demo's appearance controls: the widget's `theme` attribute, and an accent colour set through
// the --ov-* custom properties (CSSOM, so the demo's CSP needs no inline styles).
import type { OvSignin, OvTheme } from '../src/index.ts';

/** Accent and text-on-accent pairs, each colour given for light and dark, all ≥4.5:1. */
const ACCENTS: Record<string, [accent: string, accentText: string]> = {
  green: ['light-dark(#0a7d32, #7dd99a)', 'light-dark(#ffffff, #0a2614)'],
  purple: ['light-dark(#6d3fc0, #c9b3f5)', 'light-dark(#ffffff, #21104a)'],
};

export function bindThemeControls(form: HTMLFormElement, signin: OvSignin): void {
  form.addEventListener('change', () => {
    const data = new FormData(form);
    const theme = String(data.get('theme') ?? 'auto') as OvTheme;
    signin.theme = theme;
    // The page follows too, so the widget is seen on a matching background.
    document.documentElement.style.colorScheme = theme === 'auto' ? '' : theme;

    const accent = ACCENTS[String(data.get('accent'))];
    for (const [property, value] of [
      ['--ov-accent', accent?.[0]],
      ['--ov-accent-text', accent?.[1]],
    ] as const) {
      if (value) signin.style.setProperty(property, value);
      else signin.style.removeProperty(property);
    }
  });
}
