/**
 * Rules about invoices that every view shares: which ones cannot be paid online (F28) and how much
 * of an invoice may be paid now. Pure; no DOM.
 */
import { isKnownCurrency, sumAmounts } from './money.js';
import type { Invoice } from './schemas.js';

/** Why an invoice cannot be paid online. */
export type InvoiceProblem = 'duplicate_id' | 'unknown_currency' | 'negative_balance';

/**
 * F28: the problems of each invoice in `invoices`, by position (only positions with a problem are
 * present). Every copy of a duplicated id is flagged; the rest can still be paid.
 */
export function invoiceProblems(invoices: readonly Invoice[]): Map<number, InvoiceProblem[]> {
  const counts = new Map<string, number>();
  for (const inv of invoices) counts.set(inv.id, (counts.get(inv.id) ?? 0) + 1);
  const problems = new Map<number, InvoiceProblem[]>();
  invoices.forEach((inv, i) => {
    const found: InvoiceProblem[] = [];
    if ((counts.get(inv.id) ?? 0) > 1) found.push('duplicate_id');
    if (!isKnownCurrency(inv.currency)) found.push('unknown_currency');
    if (inv.balance < 0) found.push('negative_balance');
    if (found.length) problems.set(i, found);
  });
  return problems;
}

/** What may be paid on an invoice now: its open balance less pending payments, never below 0. */
export function payableAmount(invoice: Pick<Invoice, 'balance' | 'pending'>): number {
  try {
    return Math.max(0, sumAmounts([invoice.balance, -invoice.pending]));
  } catch {
    return 0;
  }
}
