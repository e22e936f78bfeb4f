import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * `npm start`: the demo (demo/*.html) on the embedded backend, at http://localhost:5173.
 * Vite's own flags (`--port`, `--strictPort`, `--host`) pass through `npm start -- --port 5300`.
 * The library build lives in scripts/build.mjs.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  publicDir: resolve(import.meta.dirname, 'public'),
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-demo'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        contact: resolve(import.meta.dirname, 'demo/contact.html'),
      },
    },
  },
});
