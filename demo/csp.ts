/**
 * `/csp.html`: the pay flow (`<pay-invoices account="C-1001">` as the contact Pat Buyer, on the
 * embedded demo backend) on a page served with a strict Content-Security-Policy and Trusted Types
 * (see vite.config.ts, `strictCspPage`). It reports every `securitypolicyviolation` on the page, so
 * a visitor (and test/faults/csp.test.ts) can see that there are none.
 *
 * Query parameters: `latency=<ms>` (default 250), `store=memory` (fresh data that is not kept).
 * With a Stripe key (`?stripe-key=pk_test_…` or `VITE_STRIPE_PUBLISHABLE_KEY`), card and bank
 * entry use Stripe and the policy admits Stripe's domains (see `installDefaultPolicy` for Stripe.js under Trusted Types).
 */
import { startDemoBackend, MemoryStorage } from '../src/demo-backend/index.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import { demoStripeKey } from './stripe-key.js';
// The define module, not src/pay-invoices.ts: package.json lists src/define/*.ts as side effects,
// so a production build keeps the registration.
import '../src/define/pay-invoices.js';

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

/** Violations seen on this page (read by the end-to-end test). */
export const violations: CspViolation[] = [];

const status = document.getElementById('csp-status');

function showStatus(): void {
  if (!status) return;
  status.textContent =
    violations.length === 0
      ? 'No Content-Security-Policy violations on this page.'
      : `${violations.length} Content-Security-Policy violation(s): ${violations
          .map((v) => `${v.directive} blocked ${v.blockedURI || v.sample || 'inline content'}`)
          .join('; ')}`;
  status.dataset['violations'] = String(violations.length);
}

document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample });
  showStatus();
});

interface TrustedTypesLike {
  defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL(url: string): string | null }): unknown;
}

/** Script URLs the page's `default` policy let through (read by the end-to-end test). */
export const defaultPolicyUses: string[] = [];

/**
 * The page's `default` Trusted Types policy. The widget needs none (Lit renders through its own
 * `lit-html` policy); the demo around it does: msw registers its service worker from a string
 * (`navigator.serviceWorker.register` is a script-URL sink), and so does `@stripe/stripe-js` when
 * it adds Stripe.js. Exactly those URLs pass; anything else is refused and reported.
 */
function installDefaultPolicy(allowStripe: boolean): void {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt || tt.defaultPolicy) return;
  const worker = new URL('/mockServiceWorker.js', location.href).href;
  tt.createPolicy('default', {
    createScriptURL(url: string): string | null {
      const u = new URL(url, location.href);
      if (u.href === worker || (allowStripe && u.origin === 'https://js.stripe.com')) {
        defaultPolicyUses.push(u.href);
        document.documentElement.dataset['defaultPolicyUses'] = defaultPolicyUses.join(' ');
        return url;
      }
      return null;
    },
  });
}

async function main(): Promise<void> {
  // The same key the header admits Stripe for (vite.config.ts): `?stripe-key=` or the environment's.
  const stripeKey = demoStripeKey();
  installDefaultPolicy(Boolean(stripeKey));
  const params = new URLSearchParams(location.search);
  const latency = Number(params.get('latency') ?? 250);
  await startDemoBackend({
    latencyMs: Number.isFinite(latency) && latency >= 0 ? latency : 250,
    ...(params.get('store') === 'memory' ? { storage: new MemoryStorage() } : {}),
  });
  const pay = document.querySelector('pay-invoices');
  if (!pay) return;
  if (stripeKey) pay.stripeKey = stripeKey;
  pay.backend = new RestBackend({ baseUrl: '/api/v1', headers: { 'X-Demo-Viewer': 'contact' } });
  showStatus();
  document.documentElement.dataset['ready'] = 'true';
}

void main();
