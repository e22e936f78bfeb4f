/**
 * Display helpers shared by `<invoice-list>` and its parts. Money goes through core's formatMoney;
 * dates through Intl.DateTimeFormat. Nothing here does arithmetic on money.
 */
import { formatMoney, isKnownCurrency } from '../../core/money.js';
import { calendarDate } from '../format.js';
import type { Invoice, MethodSummary } from '../../core/schemas.js';
import { invoiceProblems, type InvoiceProblem } from '../../core/invoices.js';

type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** A calendar date (`YYYY-MM-DD`, or the date part of an ISO instant) in the locale's medium style. */
export const formatDate = calendarDate;

/** Money as text; an unknown currency is shown by its code only (never guessed at). */
export function moneyText(amount: number, currency: string, locale: string, t: Translate): string {
  if (!isKnownCurrency(currency)) return t('invoiceList.money.unknownCurrency', { currency });
  try {
    return formatMoney(amount, currency, locale);
  } catch {
    return t('invoiceList.money.unknownCurrency', { currency });
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A plain quantity in the locale. */
export function formatQuantity(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    } catch {
      f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    }
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/** Today's local calendar date as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** An open invoice with something still owed whose due date has passed. */
export function isPastDue(invoice: Invoice, today: string): boolean {
  return invoice.status === 'open' && invoice.balance > 0 && invoice.dueDate < today;
}

/** "Visa ending 4242", "Checking ending 6789". */
export function methodText(summary: MethodSummary, t: Translate): string {
  if (summary.type === 'card') {
    const key = `invoiceList.brand.${summary.brand.toLowerCase()}`;
    const named = t(key);
    const brand = named === key ? summary.brand : named;
    return t('invoiceList.history.method.card', { brand, last4: summary.last4 });
  }
  return t(`invoiceList.history.method.${summary.accountType}`, { last4: summary.last4 });
}

export type InvoiceFlag = 'negativeBalance' | 'duplicateId' | 'unknownCurrency';

const FLAG_NAMES: Readonly<Record<InvoiceProblem, InvoiceFlag>> = {
  negative_balance: 'negativeBalance',
  duplicate_id: 'duplicateId',
  unknown_currency: 'unknownCurrency',
};

/**
 * F28: problems that make an invoice unpayable online (core's rules), by position in `invoices`
 * (the page in view), named as this element's messages name them.
 */
export function invoiceFlags(invoices: readonly Invoice[]): Map<number, InvoiceFlag[]> {
  const flags = new Map<number, InvoiceFlag[]>();
  for (const [i, problems] of invoiceProblems(invoices)) flags.set(i, problems.map((p) => FLAG_NAMES[p]));
  return flags;
}
