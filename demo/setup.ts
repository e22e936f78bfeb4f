/**
 * Shared by the demo pages: starts the embedded backend (msw service worker), then hands each
 * `<invoice-list>` a RestBackend for the signed-in viewer — so every call shows in the network log.
 * The end-to-end tests (test/e2e) call it too, with a fresh in-memory storage and no latency.
 */
import { startDemoBackend } from '../src/demo-backend/index.js';
import type { DemoStore } from '../src/demo-backend/index.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import '../src/pay-invoices.js';
import './erp-panel.js';
import type { DemoErpPanel } from './erp-panel.js';
import { demoStripeKey } from './stripe-key.js';

export type DemoViewer = 'worker' | 'contact';

export interface SetupDemoOptions {
  /** Where the demo data persists. Default `localStorage`. */
  storage?: Storage;
  /** Simulated network latency per request (ms). Default 250 (so the loading states show). */
  latencyMs?: number;
  /** Where to find the page's `<invoice-list>` and `<demo-erp-panel>`. Default `document`. */
  root?: ParentNode;
}

export interface DemoHandles {
  /** The demo backend's store (seed data, payments, batches). */
  store: DemoStore;
  /** The backend the page's `<invoice-list>` uses. */
  backend: RestBackend;
  /** Stops the msw worker and removes the page's listeners (resolves once the worker let go). */
  stop(): Promise<void>;
}

export async function setupDemo(viewer: DemoViewer, opts: SetupDemoOptions = {}): Promise<DemoHandles> {
  const demo = await startDemoBackend({
    latencyMs: opts.latencyMs ?? 250,
    ...(opts.storage ? { storage: opts.storage } : {}),
  });
  const root = opts.root ?? document;
  const backend = new RestBackend({ baseUrl: '/api/v1', headers: { 'X-Demo-Viewer': viewer } });
  const list = root.querySelector('invoice-list');
  const erp = root.querySelector<DemoErpPanel>('demo-erp-panel');
  if (list) {
    list.backend = backend;
    // Stripe test mode when a publishable key is given; the TEST MODE sandbox otherwise.
    const stripeKey = demoStripeKey();
    if (stripeKey) list.stripeKey = stripeKey;
  }
  // The panel loads only now that the backend answers (before, its request would 404).
  void erp?.refresh();
  // A payment lands in the ERP's batch; a posted batch changes balances in the list.
  const onPayment = (): void => void erp?.refresh();
  const onErpChanged = (): void => void list?.reload();
  document.addEventListener('payment-complete', onPayment);
  document.addEventListener('erp-changed', onErpChanged);
  return {
    store: demo.store,
    backend,
    stop: async () => {
      document.removeEventListener('payment-complete', onPayment);
      document.removeEventListener('erp-changed', onErpChanged);
      await demo.worker.stop();
    },
  };
}
