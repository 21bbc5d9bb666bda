import { defineConfig, type UserConfig } from 'vite';

/** `npm start` serves the demo (scripts/demo.ts starts the simulator beside it). */
const demo: UserConfig = {
  root: 'demo',
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
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'ov-signin.js' },
    // Library mode keeps whitespace in ES output unless the output itself is minified.
    rollupOptions: { output: { inlineDynamicImports: true, minify: true } },
  },
};

export default defineConfig(({ mode }) => (mode === 'bundle' ? bundle : demo));
