/**
 * Display helpers of `<pay-invoices>`: money and dates through core/Intl, method summaries.
 * Never throws on odd data (an unknown currency shows its code, a bad date shows as is).
 */
import { formatMoney } from '../../core/money.js';
import type { MethodSummary } from '../../core/schemas.js';

type T = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** Localized money text; for a currency Intl does not know, the amount cannot be shown safely. */
export function money(amount: number, currency: string, locale: string): string {
  try {
    return formatMoney(amount, currency, locale);
  } catch {
    return currency;
  }
}

/** A count with the locale's grouping (10,000). */
export function count(n: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    }
    dateFormats.set(locale, f);
  }
  return f;
}

/** `YYYY-MM-DD` (or an ISO instant's date part) as a localized calendar date. */
export function calendarDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? iso : dateFormat(locale).format(d);
}

/** Today as a localized date (for the ACH authorization sentence). */
export function today(locale: string): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  return dateFormat(locale).format(d);
}

const BRANDS: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

export function brandName(brand: string): string {
  const known = BRANDS[brand.toLowerCase()];
  if (known) return known;
  return brand ? brand.charAt(0).toUpperCase() + brand.slice(1) : brand;
}

/** "Visa ending 4242" / "First Bank checking ending 6789". */
export function methodSummaryText(summary: MethodSummary, t: T): string {
  if (summary.type === 'card') {
    return t('payInvoices.method.cardSummary', { brand: brandName(summary.brand), last4: summary.last4 });
  }
  return t('payInvoices.method.bankSummary', {
    bank: summary.bankName,
    accountType: t(`payInvoices.method.${summary.accountType}`),
    last4: summary.last4,
  }).trim();
}
