/**
 * A test page (pages/*.html) opened in an iframe of the wtr page: wtr's own page runs inline
 * scripts, so the strict policy (test/support/csp-pages-middleware.mjs) can only govern a page of
 * its own. The frame is same-origin, so the test reads it and its shadow roots directly, and clicks
 * and types into it with the usual CDP input (user.ts offsets by the frame's position).
 */
import { executeServerCommand, resetMouse } from '@web/test-runner-commands';
import { animationsFinished } from '../../support/animations.js';
import type { OvSignin } from '../../../../src/components/ov-signin/ov-signin.js';
import { issuer } from '../../e2e/support/control-api.js';
import { CLIENT_ID } from '../../e2e/support/widget.js';
import { boxInTopPage, eventually, firstScreen, queryAllDeep } from '../../e2e/support/screen.js';

export type PageName = 'clean' | 'hostile' | 'bundle-twice' | 'bundle-and-define';

export interface PageFrame {
  readonly frame: HTMLIFrameElement;
  readonly widget: OvSignin;
  /** What the page's `securitypolicyviolation` listener recorded since it loaded. */
  violations(): string[];
  /** Uncaught errors and unhandled rejections on the page since it loaded. */
  errors(): string[];
  close(): void;
  /** Reloads the page, as the user's reload button does, and finds the new widget. */
  reload(): Promise<PageFrame>;
}

export interface PageOptions {
  /** Serve the page with Trusted Types enforced as well. */
  trustedTypes?: boolean;
  /** `<ov-signin credentials-in-light-dom>`. */
  lightDomCredentials?: boolean;
  /** `brand-name` and an `<img slot="logo">` from the page's origin (pages/logo.svg). */
  brand?: boolean;
}

type PageWindow = Window & { cspViolations: string[]; pageErrors: string[] };

export async function openPage(
  name: PageName,
  { trustedTypes = false, lightDomCredentials = false, brand = false }: PageOptions = {},
): Promise<PageFrame> {
  const settings = new URLSearchParams({
    issuer: await issuer(),
    'client-id': CLIENT_ID,
    'redirect-uri': `${location.origin}/callback`,
    ...(lightDomCredentials && { 'credentials-in-light-dom': '' }),
    ...(brand && { brand: '' }),
  });
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/hostile/pages/${name}.html?${trustedTypes ? 'trusted-types&' : ''}${settings}`;
  Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '900px', height: '1000px', border: '0' });
  const loaded = nextLoad(frame);
  document.body.append(frame);
  await loaded;
  return attach(frame);
}

function nextLoad(frame: HTMLIFrameElement): Promise<unknown> {
  return new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
}

async function attach(frame: HTMLIFrameElement): Promise<PageFrame> {
  const page = frame.contentWindow as PageWindow;
  const widget = page.document.querySelector('ov-signin') as OvSignin;
  await firstScreen(widget);
  return {
    frame,
    widget,
    violations: () => [...page.cspViolations],
    errors: () => [...page.pageErrors],
    close: () => frame.remove(),
    reload: async () => {
      const loaded = nextLoad(frame);
      page.location.reload();
      await loaded;
      return attach(frame);
    },
  };
}

export interface Screenshot {
  png: string;
  width: number;
  height: number;
}

/**
 * Moves `widget` by less than a pixel so that it starts on whole pixels; returns its box there. The
 * CMS page's line heights put it at y = ….8, and Firefox then rounds text and borders to pixels
 * apart (the text a pixel off its box), so the same widget would not draw the same as on the clean
 * page. Through the CSSOM, which the page's policy allows.
 */
function onWholePixels(widget: OvSignin): DOMRect {
  for (const property of ['position', 'left', 'top']) widget.style.removeProperty(property);
  const box = boxInTopPage(widget);
  const [dx, dy] = [Math.round(box.x) - box.x, Math.round(box.y) - box.y];
  if (dx === 0 && dy === 0) return box;
  widget.style.setProperty('position', 'relative');
  widget.style.setProperty('left', `${dx}px`);
  widget.style.setProperty('top', `${dy}px`);
  return boxInTopPage(widget);
}

/** The widget as drawn, once it is idle and has painted, in view, with the mouse away from it (no hover). */
export async function screenshotOf(widget: OvSignin): Promise<Screenshot> {
  await resetMouse();
  widget.scrollIntoView({ block: 'nearest' });
  await eventually(() => !widget.controller.state.busy, 'the widget idle');
  await widget.updateComplete;
  const view = widget.ownerDocument.defaultView!;
  // The activity indicator turns for ever, drawn at another angle on each page: left out of both.
  // Stopped first: WebKit goes on drawing a hidden element's running transform animation.
  for (const indicator of queryAllDeep<HTMLElement>(widget, '[part~="activity"]')) {
    indicator.style.setProperty('animation', 'none');
    indicator.style.setProperty('visibility', 'hidden');
  }
  await new Promise((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(resolve)));
  await animationsFinished(widget);
  // The text caret blinks (WebKit draws it in the screenshot or not, by the moment): hidden on both pages.
  widget.style.setProperty('caret-color', 'transparent');
  const box = onWholePixels(widget);
  const clip = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  return {
    png: await executeServerCommand<string, typeof clip>('screenshot', clip),
    width: clip.width,
    height: clip.height,
  };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelDiff {
  sameSize: boolean;
  sizes: string[];
  differing: number;
  total?: number;
  /** The box around the differing pixels, e.g. "x 12–40, y 300–301"; empty when none differ. */
  area?: string;
}

/** Pixels that differ between two screenshots; `ignore` (relative to them) is left out. */
export function pixelDiff(a: Screenshot, b: Screenshot, ignore?: Rect): Promise<PixelDiff> {
  return executeServerCommand<PixelDiff, object>('pixel-diff', { a: a.png, b: b.png, ...(ignore && { ignore }) });
}
