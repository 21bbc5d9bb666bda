import { defineConfig } from 'vite';

/** The demo: `npm start` runs this with the simulator beside it (scripts/demo.ts). */
export default defineConfig({
  root: 'demo',
  define: {
    __OV_SIM_URL__: JSON.stringify(process.env.OV_SIM_URL ?? 'http://127.0.0.1:8787'),
  },
  server: { host: '127.0.0.1', port: 5173 },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
