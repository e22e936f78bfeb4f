/**
 * The script-tag bundle: `<script type="module" src=".../pay-invoices.js">` registers all four
 * elements (guarded: a second copy or a second registration throws nothing). `<invoice-list>` is
 * in this file; `<pay-invoices>`, `<payment-method-modal>` and `<payment-walkthrough>` are files
 * beside it, fetched as soon as the page uses them, on the first Pay Now, or when the page is idle
 * (define/on-demand.ts). Their classes are therefore not exported here: use
 * `customElements.whenDefined(tag)`, or the package entry, which exports every class.
 */
import './define/invoice-list.js';
import { defineOnDemand } from './define/on-demand.js';

defineOnDemand(['pay-invoices', 'payment-method-modal', 'payment-walkthrough']);

export * from './api.js';
