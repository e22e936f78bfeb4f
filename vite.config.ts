import { defineConfig, loadEnv } from 'vite';
import type { Connect, Plugin } from 'vite';
import { resolve } from 'node:path';

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
 * Serves `/csp.html` with a `Content-Security-Policy` header (dev server and `vite preview`), and,
 * when `VITE_STRIPE_PUBLISHABLE_KEY` is set, widens the page's matching `<meta>` policy to Stripe's
 * domains (a stricter `<meta>` would otherwise still block them).
 */
function strictCspPage(stripe: boolean): Plugin {
  const policy = (stripe ? STRIPE_CSP : STRICT_CSP).join('; ');
  const setHeader: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split(/[?#]/)[0];
    if (path === '/csp.html' || path === '/csp') res.setHeader('Content-Security-Policy', policy);
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
        if (!stripe || !/\/csp\.html$/.test(ctx.path)) return html;
        return html.replace(STRICT_CSP.join('; '), policy);
      },
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
    plugins: [strictCspPage(Boolean(env['VITE_STRIPE_PUBLISHABLE_KEY']))],
    build: {
      outDir: resolve(import.meta.dirname, 'dist-demo'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'demo/index.html'),
          contact: resolve(import.meta.dirname, 'demo/contact.html'),
          csp: resolve(import.meta.dirname, 'demo/csp.html'),
        },
      },
    },
  };
});
