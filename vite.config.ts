import { defaultClientConditions, defineConfig, type UserConfig } from 'vite';

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

/**
 * `vite build --mode bundle`: one ES module with Lit and okta-auth-js inside, for a page that adds
 * `<script type="module" src="ov-signin.js">` and loads nothing else at run time.
 */
const bundle: UserConfig = {
  build: {
    outDir: 'dist/bundle',
    // Not emptied: its files have fixed names, and emptying it left a server that serves them (the
    // Node tests, a test run beside a build) a moment with none, answered 404.
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'ov-signin.js' },
    // One file: the lazily loaded locales and okta-auth-js inlined (`codeSplitting: false`, which
    // replaced rollup's `inlineDynamicImports`). Library mode keeps whitespace in ES output unless
    // the output itself is minified.
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
    alias: [{ find: /^(.*)\/create-auth-client\.js$/, replacement: '$1/no-sdk-client.ts' }],
  },
  build: {
    ...bundle.build,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'ov-signin-server-mode.js' },
  },
};

const configs: Record<string, UserConfig> = { bundle, 'bundle-server-mode': serverModeBundle };

export default defineConfig(({ mode }) => configs[mode] ?? demo);
