import { nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inLocale, isLoaded, isRightToLeft, loadLocale, matchLocale } from './localization.js';
import { sourceLocale } from './locale-codes.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Elements that set the direction of their frame; the elements inside them follow it. */
const leaders = new WeakSet<Element>();

/**
 * Takes the locale from the `lang` the element is in: its own, else the closest ancestor's (through
 * shadow roots, up to `<html>`), else the browser's language, and follows changes of it. Each
 * element renders in its own locale (`render`), so two widgets in two languages can share a page.
 * The widget's outermost element (`<ov-signin>`, or a step element on a page that composes its own
 * flow) also sets the direction of its frame.
 */
export class LocaleController implements ReactiveController {
  #observer?: MutationObserver;
  /** The page set `dir` for the language the widget follows, so the widget keeps the page's. */
  #pageSetsDirection = false;
  /** The locale on screen: the wanted one once its strings are here, English until then. */
  #shown = sourceLocale;
  #wanted = sourceLocale;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The locale this element renders in. */
  get current(): string {
    return this.#shown;
  }

  /** `dir` for the element's frame: its locale's direction, unless the page chose one. */
  get dir(): 'rtl' | 'ltr' | typeof nothing {
    if (!leaders.has(this.host) || this.#pageSetsDirection) return nothing;
    return isRightToLeft(this.#shown) ? 'rtl' : 'ltr';
  }

  /** Runs the host's update (render and lifecycle callbacks) with its strings in its locale. */
  render<T>(update: () => T): T {
    return inLocale(this.#shown, update);
  }

  hostConnected(): void {
    if (!ancestors(this.host).some((element) => leaders.has(element))) leaders.add(this.host);
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
    const lang = path[langIndex]?.getAttribute('lang') ?? '';
    // `dir` on the element carrying that `lang`, or closer to the widget, was meant for it.
    this.#pageSetsDirection = dirIndex >= 0 && (langIndex < 0 || dirIndex <= langIndex);
    const wanted = (this.#wanted = matchLocale(lang || navigator.language));
    if (isLoaded(wanted)) this.#show(wanted);
    // A locale that fails to load leaves the current one on screen.
    else
      loadLocale(wanted).then(
        () => this.#wanted === wanted && this.#show(wanted),
        () => undefined,
      );
    this.host.requestUpdate();
  }

  #show(locale: string): void {
    this.#shown = locale;
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
