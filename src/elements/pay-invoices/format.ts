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



const BRANDS: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

function brandName(brand: string): string {
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
