/**
 * Allocation and totals: how much is paid on which invoice, what credits take off, what the
 * surcharge adds. All integer minor units; never summed across currencies (F18).
 */
import { applyPercent, sumAmounts } from './money.js';
import { parseMoney } from './money-input.js';
import type { Money, ParseError } from './money.js';
import type { Surcharge } from './schemas.js';

/**
 * `{ kind: 'fixed' | 'percent'; value: number; label: string }` — fixed: minor units; percent:
 * basis points (300 = 3 %). One type with the contract schema's, so `export *` of both modules
 * from the core index is not ambiguous (type-only: no runtime dependency on zod here).
 */
export type { Surcharge } from './schemas.js';

/**
 * The surcharge on `base`: 0 without a surcharge or without anything to pay; a fixed one as is;
 * a percent one rounded half up. Throws RangeError for a negative or non-integer surcharge value
 * (the backend schema refuses those before they get here).
 */
export function computeSurcharge(base: number, s: Surcharge | undefined | null): number {
  if (!s) return 0;
  if (!Number.isSafeInteger(s.value) || s.value < 0) {
    throw new RangeError(`Surcharge value must be a non-negative integer, got ${String(s.value)}`);
  }
  if (!Number.isSafeInteger(base)) throw new RangeError(`Base must be a safe integer, got ${String(base)}`);
  if (base <= 0) return 0;
  return s.kind === 'fixed' ? s.value : applyPercent(base, s.value);
}

export interface OpenItem {
  id: string;
  /** ISO yyyy-mm-dd. */
  dueDate: string;
  open: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Spreads a lump sum over open items, oldest due date first (equal dates keep their input order;
 * items without a valid date go last), each up to its open amount. Only items that receive
 * something are listed. `remainder` is what is left once every item is covered.
 * Items whose `open` is not a positive safe integer receive nothing.
 * Throws RangeError when `amount` is not a non-negative safe integer.
 */
export function allocateLumpSum(
  amount: number,
  items: readonly OpenItem[],
): { allocations: { id: string; amount: number }[]; remainder: number } {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Amount must be a non-negative safe integer, got ${String(amount)}`);
  }
  const ordered = items
    .map((item, index) => ({ item, index, dated: ISO_DATE.test(item.dueDate) }))
    .sort((a, b) => {
      if (a.dated !== b.dated) return a.dated ? -1 : 1;
      if (a.dated && a.item.dueDate !== b.item.dueDate) return a.item.dueDate < b.item.dueDate ? -1 : 1;
      return a.index - b.index;
    });

  const allocations: { id: string; amount: number }[] = [];
  let left = amount;
  for (const { item } of ordered) {
    if (left === 0) break;
    if (!Number.isSafeInteger(item.open) || item.open <= 0) continue;
    const take = Math.min(left, item.open);
    allocations.push({ id: item.id, amount: take });
    left -= take;
  }
  return { allocations, remainder: left };
}

export type TotalsError = 'credits_exceed_invoices' | 'no_method_amount' | 'mixed_currencies' | 'overflow';

export interface Totals {
  invoices: number;
  credits: number;
  base: number;
  surcharge: number;
  total: number;
  error: TotalsError | null;
}

const ZERO_TOTALS: Totals = { invoices: 0, credits: 0, base: 0, surcharge: 0, total: 0, error: null };

/**
 * The payment's totals. `base = invoices − credits`; the surcharge is computed on the base and
 * `total = base + surcharge`.
 *
 * Errors (first that applies wins):
 * - `mixed_currencies` (F18): amounts in more than one currency; every total is 0, currency null.
 * - `overflow`: a sum leaves the safe integer range (or a malformed surcharge); totals are 0.
 * - `credits_exceed_invoices` (F19): `base` is negative, `surcharge` 0 and `total` equals `base`.
 * - `no_method_amount` (F19): invoices are selected but credits cover them completely; a payment
 *   must still carry a card or bank amount (ERPs require it). `surcharge` and `total` are 0.
 *
 * `currency` is the one currency of all amounts, or null when there are none (or they are mixed).
 */
export function computeTotals(input: {
  invoiceAmounts: readonly Money[];
  creditAmounts: readonly Money[];
  surcharge?: Surcharge | null;
}): Totals & { currency: string | null } {
  const all = [...input.invoiceAmounts, ...input.creditAmounts];
  const currencies = new Set(all.map((m) => m.currency));
  if (currencies.size > 1) return { ...ZERO_TOTALS, error: 'mixed_currencies', currency: null };
  const currency = all.length > 0 ? (all[0]?.currency ?? null) : null;

  let invoices: number;
  let credits: number;
  let base: number;
  try {
    invoices = sumAmounts(input.invoiceAmounts.map((m) => m.amount));
    credits = sumAmounts(input.creditAmounts.map((m) => m.amount));
    base = sumAmounts([invoices, -credits]);
  } catch {
    return { ...ZERO_TOTALS, error: 'overflow', currency };
  }

  if (base < 0) {
    return { invoices, credits, base, surcharge: 0, total: base, error: 'credits_exceed_invoices', currency };
  }
  if (base === 0 && invoices > 0) {
    return { invoices, credits, base, surcharge: 0, total: 0, error: 'no_method_amount', currency };
  }

  let surcharge: number;
  let total: number;
  try {
    surcharge = computeSurcharge(base, input.surcharge);
    total = sumAmounts([base, surcharge]);
  } catch {
    return { ...ZERO_TOTALS, error: 'overflow', currency };
  }
  return { invoices, credits, base, surcharge, total, error: null, currency };
}

/**
 * The largest amount of one credit that can be applied, given what the selected invoices total
 * and what other credits already take: it always leaves at least one minor unit for the card or
 * bank (F19). Never negative.
 */
export function maxCreditApplicable(invoicesTotal: number, creditOpen: number, otherCredits: number): number {
  const room = invoicesTotal - otherCredits - 1;
  return Math.max(0, Math.min(creditOpen, room));
}

export type AmountError = ParseError | 'over_balance' | 'not_editable';

/**
 * Parses an amount typed for one invoice and checks it against the invoice's open balance `max`
 * (F12–F16). More than `max` is `over_balance` unless `overpaymentAllowed`. With
 * `editable: false` (partial payments not allowed, F17) anything but exactly `max` is `not_editable`.
 */
export function validateInvoiceAmount(
  input: string,
  opts: { currency: string; locale: string; max: number; overpaymentAllowed: boolean; editable?: boolean },
): { ok: true; amount: number } | { ok: false; error: AmountError } {
  const parsed = parseMoney(input, opts.currency, opts.locale);
  if (!parsed.ok) return parsed;
  if (opts.editable === false && parsed.amount !== opts.max) return { ok: false, error: 'not_editable' };
  if (parsed.amount > opts.max && !opts.overpaymentAllowed) return { ok: false, error: 'over_balance' };
  return parsed;
}
