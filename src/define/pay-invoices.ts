import { defineElement } from './define.js';
import { PayInvoices } from '../elements/pay-invoices/pay-invoices.js';
// The element renders <pay-invoices-saved-methods> for "Manage saved methods"…
import { PayInvoicesSavedMethods } from '../elements/pay-invoices/saved-methods.js';
// …<payment-method-modal> for "Enter Card Info" / "Enter Bank Info".
import './payment-method-modal.js';
// …and <payment-walkthrough> for the "i" button.
import './payment-walkthrough.js';

defineElement('pay-invoices-saved-methods', PayInvoicesSavedMethods);
defineElement('pay-invoices', PayInvoices);

export { PayInvoices, PayInvoicesSavedMethods };
