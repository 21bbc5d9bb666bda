/**
 * First render: two moments of a page load, each cold and warm (bench/method.md).
 * - First field usable: navigation start to the username field being interactive (probe.js).
 * - First submit possible: when a submit would be sent at once. `<ov-signin>` shows its form before
 *   Okta has answered the start and holds a submit made then, so for it this is the later of the
 *   field and its first `ov-step` (Okta's first step on screen); Okta's widget shows its form only
 *   after that answer, so for it this is its first field.
 * Cold: a fresh browser context (no cache, no storage), scripts served `no-store`, as a first visit.
 * Warm: the second load, in a new tab of a context that loaded the page once, scripts served with
 * a `max-age`, so the browser's HTTP cache answers them, as for a returning visitor.
 *
 * `npx tsx bench/browser-first-render.ts [runs]` prints these rows alone (after `npm run build:bundle`).
 */
import type { BrowserContext } from 'puppeteer-core';
import { startBrowserBench, type BrowserBench, type PageName } from './lib/browser-setup.ts';
import { ms, ratio } from './lib/format.ts';
import { markdownTable, type Row } from './lib/report.ts';
import { median, repeat } from './lib/stats.ts';
import './lib/page-state.ts';

export type Cache = 'cold' | 'warm';
export const CACHES: readonly Cache[] = ['cold', 'warm'];

/** What the warm loads' scripts are served with; cold loads get `no-store`. */
const WARM_CACHE_CONTROL = 'max-age=3600';

export interface Timing {
  /** ms from navigation start, one per run. */
  runs: number[];
  median: number;
}

export interface FirstRender {
  page: PageName;
  cache: Cache;
  firstField: Timing;
  firstSubmit: Timing;
}

interface Load {
  firstField: number;
  firstSubmit: number;
}

async function load(context: BrowserContext, bench: BrowserBench, pageName: PageName): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.goto(bench.url(pageName));
    const waitsForStep = pageName === 'ov-signin';
    const handle = await page.waitForFunction(
      (needsStep: boolean) => {
        const { interactiveAt, firstStepAt, errors } = window.bench;
        if (errors.length > 0) return { errors };
        if (interactiveAt === undefined || (needsStep && firstStepAt === undefined)) return false;
        return { interactiveAt, firstStepAt };
      },
      { timeout: 20_000, polling: 50 },
      waitsForStep,
    );
    const found = (await handle.jsonValue()) as { errors?: string[]; interactiveAt?: number; firstStepAt?: number };
    await handle.dispose();
    if (found.interactiveAt === undefined)
      throw new Error(`${pageName}: no username field; page errors: ${(found.errors ?? []).join('; ')}`);
    const field = found.interactiveAt;
    return { firstField: field, firstSubmit: waitsForStep ? Math.max(field, found.firstStepAt ?? field) : field };
  } finally {
    await page.close();
  }
}

async function once(bench: BrowserBench, pageName: PageName, cache: Cache): Promise<Load> {
  const context = await bench.browser.createBrowserContext();
  try {
    if (cache === 'cold') {
      bench.server.cacheControl = 'no-store';
      return await load(context, bench, pageName);
    }
    bench.server.cacheControl = WARM_CACHE_CONTROL;
    await load(context, bench, pageName);
    return await load(context, bench, pageName);
  } finally {
    bench.server.cacheControl = 'no-store';
    await context.close();
  }
}

const timing = (runs: number[]): Timing => ({ runs, median: median(runs) });

export async function measureFirstRender(
  bench: BrowserBench,
  pages: readonly PageName[],
  runs: number,
): Promise<FirstRender[]> {
  // One untimed load of each page first, so no page pays for the browser's own first start.
  for (const page of pages) await once(bench, page, 'cold');
  const loads = new Map<string, Load[]>();
  const key = (page: PageName, cache: Cache) => `${page} ${cache}`;
  // Round robin, so a slow spell of the machine falls on every page and cache alike.
  await repeat(runs, async () => {
    for (const cache of CACHES)
      for (const page of pages) {
        const list = loads.get(key(page, cache)) ?? [];
        list.push(await once(bench, page, cache));
        loads.set(key(page, cache), list);
      }
  });
  return CACHES.flatMap((cache) =>
    pages.map((page) => {
      const list = loads.get(key(page, cache)) ?? [];
      return {
        page,
        cache,
        firstField: timing(list.map((l) => l.firstField)),
        firstSubmit: timing(list.map((l) => l.firstSubmit)),
      };
    }),
  );
}

/** The First render rows, each figure against the .oie widget's same figure (same cache) in the same run. */
export function firstRenderRows(renders: readonly FirstRender[]): Row[] {
  const widget = (page: PageName) =>
    page === 'ov-signin' ? 'ov-signin (one-file build)' : `Okta Sign-In Widget (${page}.min.js + css)`;
  const figures = [
    {
      name: 'first field usable',
      of: (r: FirstRender) => r.firstField,
      method: 'navigation start to the username field visible, enabled and focusable (checked each frame)',
    },
    {
      name: 'first submit possible',
      of: (r: FirstRender) => r.firstSubmit,
      method:
        'navigation start to the moment a submit is sent at once: ov-signin, the later of the field and its first ov-step (before it a submit is held); Okta’s widget, its first field (it shows the form after the handshake)',
    },
  ];
  const caches = {
    cold: 'cold: fresh context per run, scripts no-store',
    warm: `warm: second load in a new tab of the same context, scripts ${WARM_CACHE_CONTROL}`,
  };
  return figures.flatMap((figure) =>
    renders.map((render) => {
      const oie = renders.find((r) => r.page === 'okta-sign-in.oie' && r.cache === render.cache);
      const t = figure.of(render);
      return {
        section: 'First render',
        figure: `${widget(render.page)}, ${figure.name}, ${render.cache}`,
        value: `median ${ms(t.median)} (${ms(Math.min(...t.runs))}–${ms(Math.max(...t.runs))}, ${t.runs.length} runs)`,
        against:
          !oie || render === oie
            ? 'baseline'
            : `${ratio(t.median, figure.of(oie).median)} of the .oie widget${render.page === 'ov-signin' && figure.name === 'first field usable' ? ' (goal ≤ 0.25×)' : ''}`,
        method: `headless Chromium, ${caches[render.cache]}; ${figure.method}`,
      };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = await startBrowserBench();
  try {
    const pages: PageName[] = ['ov-signin', 'okta-sign-in', 'okta-sign-in.oie'];
    const renders = await measureFirstRender(bench, pages, Number(process.argv[2] ?? 7));
    console.log(markdownTable(firstRenderRows(renders)));
  } finally {
    await bench.close();
  }
}
