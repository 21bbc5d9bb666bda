/**
 * Sizes: minified and gzip (level 9) bytes of what a page downloads. The floor and the npm build's
 * own code are built here with the project's own bundle config (vite.config.ts, mode `bundle`), so
 * they are minified exactly as dist/bundle/ov-signin.js is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { breakdown, type ModuleShare } from './lib/source-map-breakdown.ts';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'bundle');

/** Issue 17's budgets, gzip; test/package/bundle-budget.test.ts fails the build over them. */
export const BUDGETS = { oneFile: 64 * 1024, serverMode: 40 * 1024 };

export interface Size {
  name: string;
  minified: number;
  gzip: number;
}

function sizeOf(name: string, code: string | Buffer): Size {
  return { name, minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

/** Lit itself (what the floor holds); @lit/context, @lit/task and @lit/localize stay in "our code". */
const LIT_AND_OKTA = /^(lit|lit-html|lit-element|@lit\/reactive-element|@okta\/)(\/.*)?/;

async function bundleWithProjectConfig(entry: string, external?: RegExp): Promise<string> {
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'bundle',
    logLevel: 'silent',
    build: {
      write: false,
      sourcemap: false,
      // Never the real dist/bundle: nothing is written, and nothing there is emptied.
      outDir: join(ROOT, 'bench', '.cache', 'build'),
      emptyOutDir: false,
      // Formats come from vite.config.ts (arrays given here would be appended to its list).
      lib: { entry, fileName: () => 'entry.js' },
      rollupOptions: {
        ...(external ? { external: (id: string) => external.test(id) } : {}),
        // The project config's deprecation notice, once per build, would interleave with the table.
        onLog: () => {},
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const [chunk, ...more] = chunks;
  if (!chunk || more.length)
    throw new Error(`${entry}: expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
  return chunk.code;
}

/** The locale files beside the one-file builds (`ov-signin.locale.<locale>.js`), each fetched alone. */
function localeFiles(): Size[] {
  return readdirSync(BUNDLE)
    .filter((file) => /^ov-signin\.locale\.[\w-]+\.js$/.test(file))
    .map((file) => sizeOf(file, readFileSync(join(BUNDLE, file))));
}

/** Per package (and per folder of ours) from each one-file build's source map. */
export function sizeBreakdowns(): { oneFile: ModuleShare[]; serverMode: ModuleShare[] } {
  return {
    oneFile: breakdown(join(BUNDLE, 'ov-signin.js')),
    serverMode: breakdown(join(BUNDLE, 'ov-signin-server-mode.js')),
  };
}

export interface MeasuredSizes {
  oneFile: Size;
  serverMode: Size;
  locales: Size[];
  ours: Size;
  floor: Size;
  okta: [full: Size, oie: Size];
}

export async function measureSizes(oktaWidgetDist: string): Promise<MeasuredSizes> {
  const oneFile = sizeOf(
    'ov-signin one-file build (dist/bundle/ov-signin.js)',
    readFileSync(join(ROOT, 'dist', 'bundle', 'ov-signin.js')),
  );
  const serverMode = sizeOf(
    'ov-signin server-mode build, no okta-auth-js (dist/bundle/ov-signin-server-mode.js)',
    readFileSync(join(ROOT, 'dist', 'bundle', 'ov-signin-server-mode.js')),
  );
  const ours = sizeOf(
    'ov-signin npm build, own code (dist/lib/define.js bundled, Lit and @okta/* external)',
    await bundleWithProjectConfig(join(ROOT, 'dist', 'lib', 'define.js'), LIT_AND_OKTA),
  );
  const floor = sizeOf(
    'floor: Lit + @okta/okta-auth-js/idx, nothing of ours',
    await bundleWithProjectConfig(join(ROOT, 'bench', 'entries', 'floor.ts')),
  );
  const oktaFile = (file: string) =>
    sizeOf(`Okta Sign-In Widget ${file}`, readFileSync(join(oktaWidgetDist, 'js', file)));
  const okta: [Size, Size] = [oktaFile('okta-sign-in.min.js'), oktaFile('okta-sign-in.oie.min.js')];
  return { oneFile, serverMode, locales: localeFiles(), ours, floor, okta };
}
