/**
 * The API shared by the package entry (`index.ts`) and the script-tag bundle (`pay-invoices.ts`):
 * element classes, backend, context, the message layer and the collector types with the deferred
 * collector factories. Registers nothing. The package entry adds the classes the script-tag bundle
 * loads on demand (the pay view's elements and the collector classes).
 */
export { InvoiceList, type PayNowDetail } from './elements/invoice-list/invoice-list.js';
export { InvoiceListHistory } from './elements/invoice-list/invoice-list-history.js';
// Types only: the script-tag bundle fetches these three elements on demand (index.ts exports the classes).
export type {
  PayInvoices,
  WalkthroughRequestDetail,
  AuthRequiredDetail,
  PaymentCompleteDetail,
} from './elements/pay-invoices/pay-invoices.js';
export type { MethodsChangedDetail } from './elements/pay-invoices/saved-methods.js';
export type {
  PaymentMethodModal,
  MethodCollectedDetail,
  MethodCancelDetail,
} from './elements/payment-method-modal/payment-method-modal.js';
export type {
  PaymentWalkthrough,
  WalkthroughStepDetail,
  WalkthroughCloseDetail,
  WalkthroughCompleteDetail,
} from './elements/payment-walkthrough/payment-walkthrough.js';
export { PayInvoicesBase } from './elements/base.js';
export { backendContext, collectorContext } from './elements/context.js';
export { provideBackend, ensureContextRoot, type BackendProvision } from './elements/provide.js';
export { defineElement } from './define/define.js';
export { loadElement } from './elements/element-loader.js';
export * from './backend/index.js';
export { registerMessages, loadMessages, translate } from './i18n/index.js';
// Collectors: their types, and factories that load a collector's code on first use (the classes
// themselves are in index.ts: the script-tag bundle keeps card and bank entry out of its first load).
export * from './collectors/types.js';
export {
  deferCollector,
  deferredSandboxCollector,
  deferredStripeCollector,
  type DeferredCollector,
} from './collectors/lazy.js';
