/** Registers `<invoice-list>` and the elements it renders. */
import { defineElement } from './define.js';
import { InvoiceList } from '../elements/invoice-list/invoice-list.js';
import { InvoiceListHistory } from '../elements/invoice-list/invoice-list-history.js';
// Pay Now continues into <pay-invoices> in place (and it registers <payment-method-modal>).
import './pay-invoices.js';

defineElement('invoice-list-history', InvoiceListHistory);
defineElement('invoice-list', InvoiceList);

export { InvoiceList, InvoiceListHistory };
