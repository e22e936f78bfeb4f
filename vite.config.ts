import { defineConfig, loadEnv } from 'vite';
import type { Connect, Plugin } from 'vite';
import { resolve, sep } from 'node:path';
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The policy `/csp.html` is served with (F34): no inline script or style, Trusted Types. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
];

/** With a Stripe key the page also admits Stripe.js, its iframes (3-D Secure too) and its API. */
export const STRIPE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://js.stripe.com https://*.js.stripe.com",
  "style-src 'self'",
  "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com",
  "connect-src 'self' https://api.stripe.com",
  "require-trusted-types-for 'script'",
];

/**
 * Serves `/csp.html` with a `Content-Security-Policy` header (dev server and `vite preview`), and
 * widens it — and the page's matching `<meta>` policy, which would otherwise still block them — to
 * Stripe's domains when the demo uses Stripe: `VITE_STRIPE_PUBLISHABLE_KEY` is set, or the page is
 * opened with `?stripe-key=`.
 */
function strictCspPage(stripeFromEnv: boolean): Plugin {
  const usesStripe = (url: string | undefined): boolean =>
    stripeFromEnv || new URLSearchParams((url ?? '').split('?')[1]?.split('#')[0] ?? '').get('stripe-key')?.trim() !== undefined;
  const policyFor = (url: string | undefined): string => (usesStripe(url) ? STRIPE_CSP : STRICT_CSP).join('; ');
  const setHeader: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split(/[?#]/)[0];
    if (path === '/csp.html' || path === '/csp') res.setHeader('Content-Security-Policy', policyFor(req.url));
    next();
  };
  return {
    name: 'pay-invoices:strict-csp-page',
    configureServer(server) {
      server.middlewares.use(setHeader);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeader);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const url = ctx.originalUrl ?? ctx.path;
        if (!/\/csp\.html$/.test(ctx.path) || !usesStripe(url)) return html;
        return html.replace(STRICT_CSP.join('; '), policyFor(url));
      },
    },
  };
}

/**
 * `/script-tag.html` loads the *built* bundle, as a host site would: `/dist/*` is served from the
 * repository's dist/ (built on first use), and `/demo-backend.js` is the embedded backend entry.
 */
function scriptTagPage(): Plugin {
  const root = import.meta.dirname;
  const distDir = resolve(root, 'dist');
  const ensureDist = (): void => {
    if (existsSync(resolve(distDir, 'pay-invoices.js'))) return;
    // build.mjs makes a production build even under the dev server (NODE_ENV=development).
    const built = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs'), '--no-types'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  };
  return {
    name: 'pay-invoices:script-tag-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split(/[?#]/)[0] ?? '';
        if (path === '/demo-backend.js') {
          req.url = '/script-tag-backend.ts';
          return next();
        }
        if (!path.startsWith('/dist/')) return next();
        ensureDist();
        const file = resolve(distDir, `.${path.slice('/dist'.length)}`);
        if (!file.startsWith(distDir + sep) || !existsSync(file)) {
          res.statusCode = 404;
          return res.end();
        }
        res.setHeader('Content-Type', file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
    buildStart() {
      ensureDist();
    },
    generateBundle() {
      // The bundle and the files it loads on demand (catalogs, card and bank entry).
      const chunks = existsSync(resolve(distDir, 'pay-invoices-chunks'))
        ? readdirSync(resolve(distDir, 'pay-invoices-chunks')).map((f) => `pay-invoices-chunks/${f}`)
        : [];
      for (const name of ['pay-invoices.js', 'pay-invoices.js.map', ...chunks]) {
        const file = resolve(distDir, name);
        if (existsSync(file)) this.emitFile({ type: 'asset', fileName: `dist/${name}`, source: readFileSync(file) });
      }
    },
  };
}

/**
 * `npm start`: the demo (demo/*.html) on the embedded backend, at http://localhost:5173.
 * Vite's own flags (`--port`, `--strictPort`, `--host`) pass through `npm start -- --port 5300`.
 * The library build lives in scripts/build.mjs.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, 'VITE_');
  return {
    root: resolve(import.meta.dirname, 'demo'),
    publicDir: resolve(import.meta.dirname, 'public'),
    envDir: import.meta.dirname,
    server: { port: 5173 },
    preview: { port: 4173 },
    plugins: [strictCspPage(Boolean(env['VITE_STRIPE_PUBLISHABLE_KEY'])), scriptTagPage()],
    // Discovered late otherwise (only when card entry opens), which makes Vite reload the page.
    optimizeDeps: { include: ['@stripe/stripe-js/pure'] },
    build: {
      outDir: resolve(import.meta.dirname, 'dist-demo'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'demo/index.html'),
          contact: resolve(import.meta.dirname, 'demo/contact.html'),
          csp: resolve(import.meta.dirname, 'demo/csp.html'),
          'script-tag': resolve(import.meta.dirname, 'demo/script-tag.html'),
          'demo-backend': resolve(import.meta.dirname, 'demo/script-tag-backend.ts'),
        },
        output: {
          entryFileNames: (chunk: { name: string }) =>
            chunk.name === 'demo-backend' ? 'demo-backend.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  };
});
