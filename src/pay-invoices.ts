/**
 * The script-tag bundle: `<script type="module" src=".../pay-invoices.js">` registers all four
 * elements (guarded: a second copy or a second registration throws nothing).
 */
import './define/invoice-list.js';
import './define/pay-invoices.js';
import './define/payment-method-modal.js';
import './define/payment-walkthrough.js';

export * from './api.js';
// Collectors: the bundle keeps card and bank entry code out of the first download. The sandbox and
// the Stripe collector load on first use; hosts create them with the deferred factories.
export { CollectorError, isValidatingSession } from './collectors/types.js';
export type {
  Availability,
  BillingDetails,
  CollectOptions,
  CollectedToken,
  CollectorSession,
  PaymentCollector,
  ValidatingSession,
} from './collectors/types.js';
export {
  deferCollector,
  deferredSandboxCollector,
  deferredStripeCollector,
  type DeferredCollector,
} from './collectors/lazy.js';
