/**
 * The invoice rows of `<pay-invoices>`: which open invoices can be paid (F28) and how much is left
 * on each once pending payments are taken off. Per-row selection state lives in a Map keyed by
 * invoice id so that toggling one row, "Select all" and the totals never touch the rows' DOM.
 */
import { isKnownCurrency } from '../../core/money.js';
import { invoiceProblems, payableAmount } from '../../core/invoices.js';
import type { AmountError } from '../../core/allocation.js';
import type { Credit, Invoice } from '../../core/schemas.js';

/** Why an invoice cannot be selected. */
export type RowFlag = 'unknown_currency' | 'negative_balance' | 'duplicate_id' | 'nothing_due';

export interface InvoiceRow {
  /** Unique among rows (duplicated ids get a suffix), for keyed rendering. */
  readonly key: string;
  readonly invoice: Invoice;
  /** Open balance less pending amounts: what may be paid now (0 when flagged). */
  readonly payable: number;
  readonly flag: RowFlag | null;
  /** Position in the list (0-based). */
  readonly index: number;
}

/** Selection and amount of one selectable invoice. */
export interface RowState {
  selected: boolean;
  /** What the payer typed; null while the amount is the full payable balance (never edited). */
  input: string | null;
  /** The valid amount in minor units, or null while `error` is set. */
  amount: number | null;
  error: AmountError | null;
}

export interface CreditState {
  applied: boolean;
  input: string;
  amount: number | null;
  error: AmountError | null;
}

/** Builds the rows in the backend's order and flags what cannot be paid (F28). */
export function buildRows(invoices: readonly Invoice[]): InvoiceRow[] {
  const problems = invoiceProblems(invoices);
  const seen = new Map<string, number>();
  return invoices.map((invoice, index) => {
    const n = seen.get(invoice.id) ?? 0;
    seen.set(invoice.id, n + 1);
    const key = n === 0 ? invoice.id : `${invoice.id}\u0000${n}`;
    const problem = problems.get(index)?.[0];
    if (problem) return { key, invoice, payable: 0, flag: problem, index };
    const payable = payableAmount(invoice);
    return { key, invoice, payable, flag: payable > 0 ? null : 'nothing_due', index };
  });
}

/** Credits that can be applied: known currency and something left. */
export function creditUsable(credit: Credit): boolean {
  return isKnownCurrency(credit.currency) && credit.amount > 0;
}
