import { build, defaultClientConditions, defineConfig, type Plugin, type UserConfig } from 'vite';
import { minify } from 'terser';
import MagicString from 'magic-string';
import ts from 'typescript';
import { targetLocales } from './src/i18n/locale-codes.ts';

/** `npm start` serves the demo (scripts/demo.ts starts the simulator beside it). */
const demo: UserConfig = {
  root: 'demo',
  resolve: {
    conditions: [
      // The phone panel's simulator client (ov-sim/client) from its TypeScript source, as in the tests.
      'ov-sim-source',
      // Lit's production build even under `vite` serve (whose default picks `development`, and Lit's
      // dev build warns in the console): the demo shows the widget as a page that ships it runs.
      ...defaultClientConditions.map((condition) =>
        condition === 'development|production' ? 'production' : condition,
      ),
    ],
  },
  define: {
    __OV_SIM_URL__: JSON.stringify(process.env.OV_SIM_URL ?? 'http://127.0.0.1:8787'),
  },
  server: { host: '127.0.0.1', port: 5173 },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
};

const BUNDLE_DIR = 'dist/bundle';

/**
 * The one-file builds load a locale other than English from `ov-signin.locale.<locale>.js` beside
 * them (src/i18n/locale-files.ts replaces locale-loaders.ts). Each locale file is built on its own,
 * so it imports nothing (its copy of @lit/localize's `str` is a few bytes): one request per locale,
 * and the same files serve both builds.
 */
const localeFilesAlias = { find: /^(.*)\/locale-loaders\.js$/, replacement: '$1/locale-files' };

/**
 * `str`, the one thing the widget takes from @lit/localize at run time (its `msg()` is src/i18n/msg.ts),
 * from its own module: the package's index also brings in its runtime (`configureLocalization`,
 * with its id hashing), which has no `sideEffects` flag to let the bundler drop it: 0.1 KiB gzip of
 * the drop-in file, 0.3 kB (minified) of each locale file.
 */
const strOnlyAlias = { find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js' };

/**
 * The one-file builds' stylesheets without their comments and indentation: the minifier leaves
 * the text of css`` templates as written. Only *.styles.ts files, which hold nothing but
 * stylesheets, so no string of code is touched.
 */
/**
 * Terser over the finished file, after rolldown's own minifier: it finds what one pass left (1.3 KiB
 * gzip of the drop-in file, 65.0 → 63.7 KiB measured), which keeps the file inside its 64 KiB budget.
 */
function terserAfterMinify(): Plugin {
  return {
    name: 'ov-signin-terser-after-minify',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: true,
          ecma: 2020,
          compress: { passes: 2 },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), asObject: true } : false,
        });
        if (result.code === undefined) continue;
        const mapComment = /\n\/\/# sourceMappingURL=\S+\s*$/.exec(chunk.code)?.[0] ?? '';
        chunk.code = result.code + mapComment;
        if (!chunk.map || !result.map) continue;
        Object.assign(chunk.map, result.map);
        // The bundler may have emitted the map file already, from the map before Terser.
        const mapFile = bundle[`${chunk.fileName}.map`];
        if (mapFile?.type === 'asset') mapFile.source = JSON.stringify(result.map);
      }
    },
  };
}

function compactStyles(): Plugin {
  return {
    name: 'ov-signin-compact-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return { code: code.replace(/^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*$/gm, '').replace(/\n\s+/g, '\n'), map: null };
    },
  };
}

/**
 * The one-file builds' Lit templates without the layout of their source: the minifier leaves
 * template text as written. In html`` and svg``, the spaces and tabs around a line break go (the
 * line break stays, and HTML renders it as the whitespace it was), and so does a line break before
 * a tag's closing `>` (never before `/>`: after an unquoted attribute binding the `/` would join its
 * value). In css``, outside quoted strings, also the whitespace around `{`, `}`, `;` and `,` and
 * after `:`, the `;` before `}` and the `0` of `0.5` (never a space that separates selectors or
 * values, nor one around `+` or `-`, which calc() needs). The templates are found with TypeScript's
 * parser, so no other string is touched. About 0.5 KiB gzip of the drop-in file, 60 B of it the
 * css`` rules beyond line breaks.
 */
function compactTemplates(): Plugin {
  const markup = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n>/g, '>');
  const styles = (text: string) =>
    text
      .split(/('[^']*'|"[^"]*")/)
      .map((part, i) =>
        i % 2
          ? part
          : part
              .replace(/\s*([{};,])\s*/g, '$1')
              .replace(/:\s+/g, ':')
              .replace(/;}/g, '}')
              .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
              .replace(/[ \t]*\n[ \t]*/g, '\n'),
      )
      .join('');
  return {
    name: 'ov-signin-compact-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return undefined;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const texts: Array<{ node: ts.Node; compact: (text: string) => string }> = [];
      const visit = (node: ts.Node): void => {
        const tag = ts.isTaggedTemplateExpression(node) ? node.tag.getText(file) : '';
        if (ts.isTaggedTemplateExpression(node) && /^(html|svg|css)$/.test(tag)) {
          const t = node.template;
          const compact = tag === 'css' ? styles : markup;
          const parts = ts.isNoSubstitutionTemplateLiteral(t)
            ? [t]
            : [t.head, ...t.templateSpans.map((s) => s.literal)];
          texts.push(...parts.map((part) => ({ node: part, compact })));
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      // A source map, so the size breakdown (bench/lib/source-map-breakdown.ts) still finds each module.
      const out = new MagicString(code);
      for (const { node, compact } of texts) {
        const start = node.getStart(file);
        out.overwrite(start, node.end, compact(code.slice(start, node.end)));
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}

/**
 * The one-file builds' message table (src/i18n/strings.ts) as data: each `get name() { return
 * msg('text', { id: 'name' }); }` becomes `name: 'text'`, and one function, run once as the module
 * loads, turns those back into the same getters. The source keeps one msg() call per message,
 * which is what `lit-localize extract` reads. About 0.6 KiB gzip of the drop-in file.
 */
function messageTable(): Plugin {
  const plainMessage = (member: ts.ObjectLiteralElementLike): string | undefined => {
    if (!ts.isGetAccessorDeclaration(member) || member.body?.statements.length !== 1) return undefined;
    const [statement] = member.body.statements;
    const call = statement && ts.isReturnStatement(statement) ? statement.expression : undefined;
    if (!call || !ts.isCallExpression(call) || call.expression.getText() !== 'msg') return undefined;
    const [text, options] = call.arguments;
    const id = options && ts.isObjectLiteralExpression(options) ? options.properties : undefined;
    const idValue = id?.length === 1 && id[0] && ts.isPropertyAssignment(id[0]) ? id[0].initializer : undefined;
    const named = idValue && ts.isStringLiteral(idValue) && idValue.text === member.name.getText();
    return named && text && ts.isStringLiteralLike(text) ? text.text : undefined;
  };
  return {
    name: 'ov-signin-message-table',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/src/i18n/strings.ts')) return undefined;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const table = file.statements
        .flatMap((statement) => (ts.isVariableStatement(statement) ? statement.declarationList.declarations : []))
        .find((declaration) => declaration.name.getText() === 'strings')?.initializer;
      if (!table || !ts.isObjectLiteralExpression(table)) throw new Error(`${id}: no \`strings\` table`);
      const out = new MagicString(code);
      for (const member of table.properties) {
        const text = plainMessage(member);
        if (text !== undefined)
          out.overwrite(member.getStart(), member.end, `${member.name?.getText()}: ${JSON.stringify(text)}`);
      }
      out.appendLeft(table.getStart(), 'messageGetters(').appendRight(table.end, ')');
      out.append(`
function messageGetters(table) {
  for (const [id, text] of Object.entries(table))
    if (typeof text === 'string')
      Object.defineProperty(table, id, { get: () => msg(text, { id }), enumerable: true, configurable: true });
  return table;
}
`);
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}

/**
 * tiny-emitter (okta-auth-js's event emitter) as the ES module it could be: its only CommonJS is the
 * two `module.exports` lines at its end, and bundling it as CommonJS adds the bundler's interop
 * helpers to the one-file build. Its code is used as it is. 0.3 KiB gzip.
 */
function tinyEmitterAsModule(): Plugin {
  const exportsLines = /\nmodule\.exports = E;\nmodule\.exports\.TinyEmitter = E;\s*$/;
  return {
    name: 'ov-signin-tiny-emitter-as-module',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/tiny-emitter\/index\.js$/.test(id)) return undefined;
      if (!exportsLines.test(code)) throw new Error(`${id}: not the tiny-emitter this build knows`);
      return { code: code.replace(exportsLines, '\nexport default E;\nexport { E as TinyEmitter };\n'), map: null };
    },
  };
}

function localeFiles(): Plugin {
  let outDir = BUNDLE_DIR;
  return {
    name: 'ov-signin-locale-files',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      for (const locale of targetLocales) {
        await build({
          configFile: false,
          logLevel: 'warn',
          resolve: { alias: [strOnlyAlias] },
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            minify: true,
            sourcemap: true,
            lib: {
              entry: `src/i18n/locales/${locale}.ts`,
              formats: ['es'],
              fileName: () => `ov-signin.locale.${locale}.js`,
            },
            rolldownOptions: { output: { minify: true } },
          },
        });
      }
    },
  };
}

/**
 * `vite build --mode bundle`: one ES module with Lit and okta-auth-js inside, for a page that adds
 * `<script type="module" src="ov-signin.js">` and loads nothing else at run time but the locale
 * files of languages other than English.
 */
const bundle: UserConfig = {
  resolve: {
    alias: [
      localeFilesAlias,
      strOnlyAlias,
      { find: /^(.*)\/create-auth-client\.js$/, replacement: '$1/create-bundled-auth-client' },
    ],
  },
  plugins: [
    compactStyles(),
    compactTemplates(),
    messageTable(),
    tinyEmitterAsModule(),
    localeFiles(),
    terserAfterMinify(),
  ],
  build: {
    outDir: BUNDLE_DIR,
    // Not emptied: its files have fixed names, and emptying it left a server that serves them (the
    // Node tests, a test run beside a build) a moment with none, answered 404.
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'ov-signin.js' },
    // One file: okta-auth-js inside (`codeSplitting: false`, which replaced rollup's
    // `inlineDynamicImports`); the locales are files of their own (localeFiles). Library mode keeps
    // whitespace in ES output unless the output itself is minified.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
};

/**
 * `vite build --mode bundle-server-mode`: the same one-file build for server mode only
 * (`<ov-signin endpoint>`), with no okta-auth-js inside: create-auth-client.ts, the only module that
 * loads it, is replaced by one that says this build needs `endpoint`.
 */
const serverModeBundle: UserConfig = {
  ...bundle,
  resolve: {
    alias: [
      localeFilesAlias,
      strOnlyAlias,
      { find: /^(.*)\/create-auth-client\.js$/, replacement: '$1/no-sdk-client.ts' },
    ],
  },
  build: {
    ...bundle.build,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'ov-signin-server-mode.js' },
  },
};

const configs: Record<string, UserConfig> = { bundle, 'bundle-server-mode': serverModeBundle };

export default defineConfig(({ mode }) => configs[mode] ?? demo);
