/**
 * Elements that another element renders are registered by that element on first use: the code of
 * `<pay-invoices>` (with its modal and guide) is fetched when `<invoice-list>` first continues into
 * the pay view, and "Manage saved methods" when the panel first opens. In the script-tag bundle each
 * of these is its own file, so a page pays for them only when (or if) they are needed.
 *
 * `loadElement(tag)` resolves once `tag` is registered: at once when it already is (by a define
 * module, a host, or an earlier load), otherwise after its loader ran. Every caller waits for the
 * same load; a failed load (offline, a blocked file) is tried again on the next call.
 */
import { defineElement } from '../define/define.js';

/** Fetches an element's code and returns its class (registered under the tag). */
export type ElementLoader = () => Promise<CustomElementConstructor>;

/** Where each element the others render comes from. Dynamic imports: each is a chunk of its own in the bundle. */
const DEFAULT_LOADERS: Record<string, ElementLoader> = {
  'pay-invoices': () => import('./pay-invoices/pay-invoices.js').then((m) => m.PayInvoices),
  'payment-method-modal': () => import('./payment-method-modal/payment-method-modal.js').then((m) => m.PaymentMethodModal),
  'payment-walkthrough': () => import('./payment-walkthrough/payment-walkthrough.js').then((m) => m.PaymentWalkthrough),
  'pay-invoices-saved-methods': () => import('./pay-invoices/saved-methods.js').then((m) => m.PayInvoicesSavedMethods),
};

const overrides = new Map<string, ElementLoader>();
const loading = new Map<string, Promise<void>>();

/**
 * Replaces how `tag` is fetched (tests simulate a slow or a failed file with it); `null` restores
 * the default. Not part of the package API.
 * @internal
 */
export function setElementLoader(tag: string, loader: ElementLoader | null): void {
  if (loader) overrides.set(tag, loader);
  else overrides.delete(tag);
  loading.delete(tag);
}

/**
 * Registers `ctor` as `tag` unless the tag is taken. When the class is registered under another
 * name already (a host's own tag), the tag gets a subclass of its own.
 */
export function registerAs(tag: string, ctor: CustomElementConstructor): void {
  defineElement(tag, ctor);
  if (!customElements.get(tag)) defineElement(tag, class extends ctor {});
}

/** Resolves once `tag` is registered; rejects when its code cannot be fetched (call again to retry). */
export function loadElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    const loader = overrides.get(tag) ?? DEFAULT_LOADERS[tag];
    if (!loader) return customElements.whenDefined(tag).then(() => undefined);
    pending = loader()
      .then((ctor) => registerAs(tag, ctor))
      .catch((error: unknown) => {
        loading.delete(tag);
        throw error;
      });
    loading.set(tag, pending);
  }
  return pending;
}
