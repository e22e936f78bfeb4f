import { common } from './common.js';
import { invoiceList } from './invoice-list.js';
import { payInvoices } from './pay-invoices.js';
import { paymentMethodModal } from './payment-method-modal.js';
import { paymentWalkthrough } from './payment-walkthrough.js';
import { sandbox } from './sandbox.js';
import { savedMethods } from './saved-methods.js';
import { stripe } from './stripe.js';
import type { Catalog } from '../index.js';

/** French (français): every key of the English catalog, file by file. */
export const fr: Catalog = {
  ...common,
  ...invoiceList,
  ...payInvoices,
  ...paymentMethodModal,
  ...paymentWalkthrough,
  ...sandbox,
  ...savedMethods,
  ...stripe,
};
