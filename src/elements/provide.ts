import { ContextProvider, ContextRoot } from '@lit/context';
import type { PayInvoicesBackend } from '../backend/types.js';
import type { PaymentCollector } from '../collectors/types.js';
import { backendContext, collectorContext } from './context.js';

/** What `provideBackend` returns: change or withdraw what the subtree receives. */
export interface BackendProvision {
  /** Hands a new backend to every element below the host (they reload). */
  setBackend(backend: PayInvoicesBackend | undefined): void;
  /** Hands a new collector to every element below the host. */
  setCollector(collector: PaymentCollector | undefined): void;
  /**
   * Stops providing: elements below fall back to their own `backend` / `collector` property or
   * `api-base` (and, when they next connect, to a provider further up).
   */
  dispose(): void;
}

/** One context root per document, shared by every copy of the library on the page. */
const ROOT_KEY = Symbol.for('pay-invoices/context-root');

/**
 * Makes providers added after their consumers work: pending context requests are kept at the
 * document and replayed when a provider appears. `provideBackend` calls it; call it yourself early
 * (before the elements connect) when a provider may be created after the elements it serves.
 */
export function ensureContextRoot(doc: Document = document): void {
  const holder = doc as Document & { [ROOT_KEY]?: ContextRoot };
  if (holder[ROOT_KEY]) return;
  const root = new ContextRoot();
  root.attach(doc.documentElement);
  holder[ROOT_KEY] = root;
}

/**
 * Provides a backend (and optionally a payment collector) to every pay-invoices element below
 * `host` — its children and, across shadow roots, everything it renders. For CRM vendors and app
 * shells that render the elements inside their own components:
 *
 * ```ts
 * class CrmInvoicesTab extends HTMLElement {
 *   constructor() {
 *     super();
 *     provideBackend(this, new RestBackend({ baseUrl: '/crm/api/pay' }));
 *     this.attachShadow({ mode: 'open' }).innerHTML = '<invoice-list mode="worker"></invoice-list>';
 *   }
 * }
 * ```
 *
 * An element's own `backend` / `collector` property still wins over the provided one. `host` may be
 * any element (a plain HTMLElement, a Lit element, a `<div>`); call it before the elements inside
 * connect, or rely on the context root this installs for providers created later.
 */
export function provideBackend(
  host: HTMLElement,
  backend: PayInvoicesBackend | undefined,
  collector?: PaymentCollector,
): BackendProvision {
  ensureContextRoot(host.ownerDocument);
  const backendProvider = new ContextProvider(host, { context: backendContext, initialValue: backend });
  const collectorProvider =
    collector === undefined ? undefined : new ContextProvider(host, { context: collectorContext, initialValue: collector });
  let lateCollector: ContextProvider<typeof collectorContext> | undefined;
  // A plain element has no controller lifecycle: announce the providers now so that elements which
  // asked before (kept by the context root) or a provider further up re-resolve to this one.
  if (host.isConnected && !('addController' in host)) {
    backendProvider.hostConnected();
    collectorProvider?.hostConnected();
  }
  return {
    setBackend(next) {
      backendProvider.setValue(next);
    },
    setCollector(next) {
      const provider = collectorProvider ?? lateCollector;
      if (provider) {
        provider.setValue(next);
        return;
      }
      lateCollector = new ContextProvider(host, { context: collectorContext, initialValue: next });
      if (host.isConnected) lateCollector.hostConnected();
    },
    dispose() {
      for (const provider of [backendProvider, collectorProvider, lateCollector]) {
        if (!provider) continue;
        provider.setValue(undefined, true);
        provider.clearCallbacks();
        host.removeEventListener('context-request', provider.onContextRequest);
        host.removeEventListener('context-provider', provider.onProviderRequest);
      }
      const lit = host as HTMLElement & { removeController?: (c: object) => void };
      lit.removeController?.(backendProvider);
      if (collectorProvider) lit.removeController?.(collectorProvider);
      if (lateCollector) lit.removeController?.(lateCollector);
    },
  };
}
