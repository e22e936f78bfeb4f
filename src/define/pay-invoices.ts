import { defineElement } from './define.js';
import { PayInvoices } from '../elements/pay-invoices/pay-invoices.js';
// The element renders <payment-method-modal> for "Enter Card Info" / "Enter Bank Info"…
import './payment-method-modal.js';
// …and <payment-walkthrough> for the "i" button. Its "Manage saved methods" panel,
// <pay-invoices-saved-methods>, is loaded and registered by the element when first opened.
import './payment-walkthrough.js';

defineElement('pay-invoices', PayInvoices);

export { PayInvoices };
