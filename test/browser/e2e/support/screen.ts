/** Reading the widget the way a user sees it: through every shadow root, by visible text. */
import { waitUntil } from '@open-wc/testing';

/**
 * By node type, not `instanceof`: a widget inside an iframe (the hostile-page tests) is built from
 * that frame's `Element`, not this page's.
 */
function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

/** Every element matching `selector` in `root` and in the shadow roots beneath it, in document order. */
export function queryAllDeep<T extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (isElement(node) && node.matches(selector)) found.push(node as T);
    if (isElement(node) && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

export function queryDeep<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const [first] = queryAllDeep<T>(root, selector);
  if (!first) throw new Error(`nothing on screen matches ${selector}`);
  return first;
}

/** The text rendered inside `root`, shadow roots included, whitespace collapsed. */
export function textOf(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === 'STYLE') return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (isElement(node) && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The heading of the screen on show (each screen has exactly one). */
export function headingOf(widget: Element): HTMLHeadingElement {
  return queryDeep<HTMLHeadingElement>(widget, 'h2[data-heading]');
}

/** The button a user would pick by its label. */
export function button(widget: Element, name: string | RegExp): HTMLButtonElement {
  const buttons = queryAllDeep<HTMLButtonElement>(widget, 'button');
  const found = buttons.find((b) => matches(textOf(b), name));
  if (!found) throw new Error(`no button "${name}" among: ${buttons.map((b) => `"${textOf(b)}"`).join(', ')}`);
  return found;
}

/** The text field whose label reads `label`. */
export function field(widget: Element, label: string | RegExp): HTMLInputElement {
  const labels = queryAllDeep<HTMLLabelElement>(widget, 'label');
  const found = labels.find((l) => matches(textOf(l), label))?.querySelector('input');
  if (!found) throw new Error(`no field "${label}" among: ${labels.map((l) => `"${textOf(l)}"`).join(', ')}`);
  return found;
}

/** Where `element` is in this page's viewport, through the same-origin iframes it may sit in. */
export function boxInTopPage(element: Element): DOMRect {
  const box = element.getBoundingClientRect();
  let { x, y } = box;
  for (
    let frame = element.ownerDocument.defaultView?.frameElement;
    frame;
    frame = frame.ownerDocument.defaultView?.frameElement
  ) {
    const frameBox = frame.getBoundingClientRect();
    x += frameBox.x + frame.clientLeft;
    y += frameBox.y + frame.clientTop;
  }
  return new DOMRect(x, y, box.width, box.height);
}

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits for `predicate`, longer than @open-wc's 1 s default: real requests and 300 ms polls are involved. */
export function eventually(predicate: () => unknown, what: string, timeout = 15_000): Promise<void> {
  return waitUntil(predicate, what, { interval: 20, timeout });
}

/**
 * Waits for Okta's first step on screen: a heading, and not the sign-in form `<ov-signin>` shows
 * while Okta is asked to start (`state.provisional`).
 */
export function firstScreen(widget: Element): Promise<void> {
  const state = () => (widget as Element & { controller?: { state: { provisional?: boolean } } }).controller?.state;
  return eventually(
    () => queryAllDeep(widget, 'h2[data-heading]').length > 0 && !state()?.provisional,
    'the first screen',
    15_000,
  );
}

/** Waits for the screen whose heading reads `heading`; on timeout, says what was on screen instead. */
export async function screenTitled(widget: Element, heading: string, timeout = 15_000): Promise<HTMLHeadingElement> {
  const current = () => queryAllDeep(widget, 'h2[data-heading]').map(textOf).join(' | ');
  try {
    await eventually(() => current() === heading, `the screen "${heading}"`, timeout);
  } catch (error) {
    throw new Error(`${(error as Error).message}; on screen instead: "${current()}": ${textOf(widget)}`, {
      cause: error,
    });
  }
  return headingOf(widget);
}

/** Waits for an element matching `selector` to be on screen and returns it. */
export async function appears<T extends Element = HTMLElement>(
  widget: Element,
  selector: string,
  what: string,
): Promise<T> {
  await eventually(() => queryAllDeep(widget, selector).length > 0, what);
  return queryDeep<T>(widget, selector);
}

function matches(text: string, name: string | RegExp): boolean {
  return typeof name === 'string' ? text === name : name.test(text);
}
