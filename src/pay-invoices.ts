/**
 * The script-tag bundle: `<script type="module" src=".../pay-invoices.js">` registers all four
 * elements (guarded: a second copy or a second registration throws nothing).
 */
import './define/invoice-list.js';
import './define/pay-invoices.js';
import './define/payment-method-modal.js';
import './define/payment-walkthrough.js';

export * from './index.js';
