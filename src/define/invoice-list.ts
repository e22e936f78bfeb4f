/**
 * Registers `<invoice-list>` and the elements it renders. Pay Now continues into `<pay-invoices>`
 * in place: the list fetches and registers that element on first use (see
 * elements/element-loader.ts), so a page that only lists invoices never loads the pay view.
 */
import { defineElement } from './define.js';
import { InvoiceList } from '../elements/invoice-list/invoice-list.js';
import { InvoiceListHistory } from '../elements/invoice-list/invoice-list-history.js';

defineElement('invoice-list-history', InvoiceListHistory);
defineElement('invoice-list', InvoiceList);

export { InvoiceList, InvoiceListHistory };
