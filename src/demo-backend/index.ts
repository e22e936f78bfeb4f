/**
 * The embedded demo backend: a separate entry point (never part of the production bundles).
 *
 * ```ts
 * import { startDemoBackend, DemoErpClient } from './src/demo-backend/index.js';
 * const { store } = await startDemoBackend({ latencyMs: 300 });
 * // <pay-invoices api-base="/api/v1" account="C-1001"> now talks to the demo.
 * const erp = new DemoErpClient('/api/v1');
 * ```
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { Payment, Settings } from '../core/schemas.js';
import { createHandlers } from './handlers.js';
import type { DemoHandlerOptions } from './handlers.js';
import { MemoryStorage } from './memory-storage.js';
import { DemoStore } from './store.js';
import type { DemoBatch, DemoFaults } from './store.js';
import { DemoHttpError } from './errors.js';

export { DemoStore, DEFAULT_STORAGE_KEY, MAX_VERIFY_ATTEMPTS, ACH_SETTLEMENT_DAYS } from './store.js';
export type { DemoBatch, DemoReceipt, DemoFault, DemoFaults, DemoStoreOptions, BatchStatus } from './store.js';
export { createHandlers } from './handlers.js';
export type { DemoHandlerOptions } from './handlers.js';
export { DemoHttpError, isDemoHttpError } from './errors.js';
export { MemoryStorage } from './memory-storage.js';
export {
  createSeed,
  achMandateText,
  ACH_MANDATE_PLACEHOLDERS,
  ACME_ID,
  GLOBEX_ID,
  INITECH_ID,
  INITECH_INVOICE_COUNT,
  MERCHANT_NAME,
  MICRODEPOSIT_CODE,
} from './seed.js';
export type { DemoSeed, SeedAccount, SeedInvoice, SeedPaymentMethod } from './seed.js';
export { classifyToken, CARD_DECLINES, CARD_3DS_TOKENS, ACH_RETURNS, ACH_MICRODEPOSIT_TOKEN } from './sandbox.js';
export type { TokenBehavior } from './sandbox.js';

export interface StartDemoBackendOptions {
  /** Default `/api/v1`. */
  baseUrl?: string;
  /** Where payments persist. Default `localStorage` (an in-memory one when that is unusable). */
  storage?: Storage;
  /** Simulated network latency per request (ms). */
  latencyMs?: number;
  /** Silences msw's console logging of each request. Default true. */
  quiet?: boolean;
  /** Default `/mockServiceWorker.js` (run `npx msw init public` to put it there). */
  serviceWorkerUrl?: string;
  /** Passed to the store (tests: a fixed clock). */
  now?: () => Date;
  /** Extra handler options (fault injection, timeout fault duration). */
  handlers?: Omit<DemoHandlerOptions, 'baseUrl' | 'latencyMs'>;
}

export interface DemoBackend {
  store: DemoStore;
  worker: SetupWorker;
  /** The store's faults: push `'drop-response'`, `'5xx'`, … to disturb the next payment POSTs. */
  faults: DemoFaults;
  stop(): void;
}

function defaultStorage(): Storage {
  try {
    const s = globalThis.localStorage;
    const probe = '__pay-invoices-demo-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return new MemoryStorage();
  }
}

/** Starts the service worker that serves the REST contract from an in-browser store. */
export async function startDemoBackend(opts: StartDemoBackendOptions = {}): Promise<DemoBackend> {
  const storeOptions: ConstructorParameters<typeof DemoStore>[0] = { storage: opts.storage ?? defaultStorage() };
  if (opts.now) storeOptions.now = opts.now;
  const store = new DemoStore(storeOptions);
  const handlerOptions: DemoHandlerOptions = { ...opts.handlers };
  if (opts.baseUrl !== undefined) handlerOptions.baseUrl = opts.baseUrl;
  if (opts.latencyMs !== undefined) handlerOptions.latencyMs = opts.latencyMs;
  const worker = setupWorker(...createHandlers(store, handlerOptions));
  await worker.start({
    serviceWorker: { url: opts.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledFrame: 'bypass',
    quiet: opts.quiet ?? true,
  });
  return {
    store,
    worker,
    faults: handlerOptions.faults ?? store.faults,
    stop: () => {
      void worker.stop();
    },
  };
}

/** Fetch-based client of the demo-only ERP endpoints, for the demo page's ERP panel. */
export class DemoErpClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;

  constructor(baseUrl = '/api/v1', fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
    this.base = `${baseUrl.replace(/\/+$/, '')}/demo`;
    this.fetchImpl = fetchImpl;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    }
    const res = await this.fetchImpl(`${this.base}${path}`, init);
    if (res.status === 204) return undefined as T;
    const data: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
      throw new DemoHttpError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.field);
    }
    return data as T;
  }

  async listBatches(): Promise<DemoBatch[]> {
    return (await this.call<{ items: DemoBatch[] }>('GET', '/erp/batches')).items;
  }

  importBatch(batchId: string): Promise<DemoBatch> {
    return this.call('POST', `/erp/batches/${encodeURIComponent(batchId)}/import`);
  }

  postBatch(batchId: string): Promise<DemoBatch> {
    return this.call('POST', `/erp/batches/${encodeURIComponent(batchId)}/post`);
  }

  /** Settles one processing ACH payment, or all of them. */
  async settleAch(paymentId?: string): Promise<Payment[]> {
    return (await this.call<{ items: Payment[] }>('POST', '/erp/ach/settle', paymentId ? { paymentId } : {})).items;
  }

  advanceClock(days = 1): Promise<{ today: string; settled: Payment[] }> {
    return this.call('POST', '/clock/advance', { days });
  }

  async reset(): Promise<void> {
    await this.call<void>('POST', '/reset');
  }

  /** Overrides settings for an account (or the site without `accountId`). */
  setSettings(partial: Partial<Settings> & { accountId?: string }): Promise<Settings> {
    return this.call('PUT', '/settings', partial);
  }

  async clearSettings(): Promise<void> {
    await this.call<void>('DELETE', '/settings');
  }
}
