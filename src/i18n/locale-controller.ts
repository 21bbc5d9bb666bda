import { nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { getLocale, isRightToLeft, matchLocale, setLocale } from './localization.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Elements that choose the page's locale now; the elements inside them only follow it. */
const leaders = new WeakSet<Element>();

/**
 * Takes the locale from the `lang` the element is in: its own, else the closest ancestor's (through
 * shadow roots, up to `<html>`), else the browser's language, and follows changes of it. The
 * widget's outermost element leads (`<ov-signin>`, or a step element on a page that composes its
 * own flow). @lit/localize has one locale per page, so two widgets in different languages on one
 * page both show the one whose `lang` was set last.
 */
export class LocaleController implements ReactiveController {
  #observer?: MutationObserver;
  /** The page set `dir` for the language the widget follows, so the widget keeps the page's. */
  #pageSetsDirection = false;

  constructor(private readonly host: Host) {
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  /** `dir` for the element's frame: the active locale's direction, unless the page chose one. */
  get dir(): 'rtl' | 'ltr' | typeof nothing {
    if (!leaders.has(this.host) || this.#pageSetsDirection) return nothing;
    return isRightToLeft(getLocale()) ? 'rtl' : 'ltr';
  }

  hostConnected(): void {
    if (ancestors(this.host).some((element) => leaders.has(element))) return;
    leaders.add(this.host);
    this.#observer = new MutationObserver(() => this.#follow());
    // Observing each document or shadow root above sees a `lang` or `dir` change on any ancestor.
    for (const root of rootsAbove(this.host)) {
      this.#observer.observe(root, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
    this.#follow();
  }

  hostDisconnected(): void {
    leaders.delete(this.host);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #follow(): void {
    const path = [this.host, ...ancestors(this.host)];
    const langIndex = path.findIndex((element) => element.hasAttribute('lang'));
    const dirIndex = path.findIndex((element) => element.hasAttribute('dir'));
    const lang = langIndex >= 0 ? path[langIndex]!.getAttribute('lang') : '';
    // `dir` on the element carrying that `lang`, or closer to the widget, was meant for it.
    this.#pageSetsDirection = dirIndex >= 0 && (langIndex < 0 || dirIndex <= langIndex);
    // A locale that fails to load leaves the current one on screen.
    setLocale(matchLocale(lang || navigator.language)).catch(() => undefined);
    this.host.requestUpdate();
  }
}

/** The element's ancestors, nearest first, stepping out of shadow roots to their hosts. */
function ancestors(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = parentOf(element); node; node = parentOf(node)) found.push(node);
  return found;
}

function parentOf(element: Element): Element | null {
  const parent = element.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
}

/** The document and every shadow root the element sits in. */
function rootsAbove(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  for (; root instanceof ShadowRoot; root = root.host.getRootNode()) roots.push(root);
  return [...roots, root];
}
