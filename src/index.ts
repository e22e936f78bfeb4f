/**
 * Everything for bundler users, registering nothing: the element classes, the backend API, the
 * collectors, context and the message layer. Register elements with `pay-invoices/define/<tag>.js`
 * (or the script-tag bundle `pay-invoices.js`, which registers all four).
 */
export * from './api.js';
// Not in api.ts: the script-tag bundle loads these elements on first use, not in its first download.
export { PayInvoices } from './elements/pay-invoices/pay-invoices.js';
export { PaymentMethodModal } from './elements/payment-method-modal/payment-method-modal.js';
export { PaymentWalkthrough } from './elements/payment-walkthrough/payment-walkthrough.js';
export { PayInvoicesSavedMethods } from './elements/pay-invoices/saved-methods.js';
export * from './collectors/index.js';
