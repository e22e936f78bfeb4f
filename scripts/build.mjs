#!/usr/bin/env node
// `npm run build`:
//  1. dist/*.js — ES modules for bundler users: one entry per element (registering), the classes
//     (`index.js`, registers nothing), the backend API (`backend.js`) and core (`core.js`);
//     lit, @lit/*, zod and Stripe.js stay external (the app's bundler dedupes them).
//  2. dist/pay-invoices.js — the minified script-tag bundle that registers all elements. Its first
//     load is the file and the few shared chunks it imports (dist/pay-invoices-chunks/); the pay
//     view, card/bank entry, "Manage saved methods" and the Spanish and French catalogs are files
//     there too, fetched relative to the bundle's URL when needed (without a catalog the widget
//     falls back to English). Stripe.js comes from Stripe's URL only when the Stripe collector is used.
// Both builds minify the static text of Lit's html``/css``/svg`` templates
// (scripts/minify-templates.mjs); `--no-minify-templates` keeps it as written (to compare sizes),
// MINIFY_TEMPLATES_DEBUG=1 prints how many templates were minified or left unchanged.
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyTemplates } from './minify-templates.mjs';

// Always a production build, even when started from the dev server (NODE_ENV=development), so
// Lit's dev mode never reaches dist/.
process.env.NODE_ENV = 'production';
const root = resolve(import.meta.dirname, '..');
const r = (p) => resolve(root, p);
rmSync(r('dist'), { recursive: true, force: true });

const moduleEntries = {
  index: r('src/index.ts'),
  backend: r('src/backend/index.ts'),
  core: r('src/core/index.ts'),
};
for (const tag of ['invoice-list', 'pay-invoices', 'payment-method-modal', 'payment-walkthrough']) {
  const file = r(`src/define/${tag}.ts`);
  if (existsSync(file)) moduleEntries[`define/${tag}`] = file;
}

const external = (id) => /^(lit|@lit\/|zod|@stripe\/stripe-js)(\/|$)/.test(id);

const templatePlugins = () => (process.argv.includes('--no-minify-templates') ? [] : [minifyTemplates({ srcDir: r('src') })]);

const common = {
  configFile: false,
  mode: 'production',
  root,
  publicDir: false,
  logLevel: 'warn',
  esbuild: { legalComments: 'none' },
};

await build({
  ...common,
  plugins: templatePlugins(),
  build: {
    outDir: r('dist'),
    emptyOutDir: false,
    copyPublicDir: false,
    minify: true,
    sourcemap: true,
    target: 'es2022',
    lib: { entry: moduleEntries, formats: ['es'] },
    rollupOptions: { external, output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
  },
});

await build({
  ...common,
  plugins: templatePlugins(),
  build: {
    outDir: r('dist'),
    emptyOutDir: false,
    copyPublicDir: false,
    minify: true,
    sourcemap: true,
    target: 'es2022',
    lib: { entry: { 'pay-invoices': r('src/pay-invoices.ts') }, formats: ['es'] },
    rollupOptions: {
      // The bundle may export internals for its on-demand chunks (the shared code rolldown keeps
      // in the entry); what it does not keep there goes to shared chunks the entry imports.
      preserveEntrySignatures: 'allow-extension',
      // No bundler reads this build again: its @__PURE__ annotations are only bytes (the module
      // build above keeps them for the app bundlers that tree-shake it).
      output: { entryFileNames: '[name].js', chunkFileNames: 'pay-invoices-chunks/[name]-[hash].js', minify: true, comments: { annotation: false } },
    },
  },
});
// 3. dist/types/ — TypeScript declarations for the package's entries (`types` conditions in
//    package.json). `--no-types` skips them (npm test builds only the bundles it loads).
if (!process.argv.includes('--no-types')) {
  const tsc = spawnSync(process.execPath, [r('node_modules/typescript/bin/tsc'), '-p', r('tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('declarations failed (tsc -p tsconfig.build.json)');
    process.exit(tsc.status ?? 1);
  }
}
console.log('built dist/');
