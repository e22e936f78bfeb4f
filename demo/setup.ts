/**
 * Shared by the demo pages: starts the embedded backend (msw service worker), then hands each
 * `<invoice-list>` a RestBackend for the signed-in viewer — so every call shows in the network log.
 */
import { startDemoBackend } from '../src/demo-backend/index.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import '../src/pay-invoices.js';
import './erp-panel.js';
import type { DemoErpPanel } from './erp-panel.js';

export async function setupDemo(viewer: 'worker' | 'contact'): Promise<void> {
  await startDemoBackend({ latencyMs: 250 });
  const backend = new RestBackend({ baseUrl: '/api/v1', headers: { 'X-Demo-Viewer': viewer } });
  const list = document.querySelector('invoice-list');
  const erp = document.querySelector<DemoErpPanel>('demo-erp-panel');
  if (list) list.backend = backend;
  // A payment lands in the ERP's batch; a posted batch changes balances in the list.
  document.addEventListener('payment-complete', () => void erp?.refresh());
  document.addEventListener('erp-changed', () => void list?.reload());
}
