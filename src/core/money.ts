/**
 * Money: integer minor units (a JS safe integer) plus an ISO 4217 currency code.
 *
 * Floats are used for nothing here. Formatting builds an exact decimal string from integer
 * division and hands that string to Intl; parsing (money-input.ts, apart so that pages that only
 * show amounts do not load it) builds the integer from the typed digit string.
 * Pure TypeScript: no DOM, no Lit, usable in Node and the browser.
 */

export interface Money {
  amount: number;
  currency: string;
}

export type ParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'negative' | 'zero' | 'too_large';
export type ParseResult = { ok: true; amount: number } | { ok: false; error: ParseError };

/** @internal */
export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// ---------------------------------------------------------------------------------------------
// Currencies

let supportedCurrencies: ReadonlySet<string> | null | undefined;
const knownCache = new Map<string, boolean>();
const digitsCache = new Map<string, number>();

function supportedCurrencySet(): ReadonlySet<string> | null {
  if (supportedCurrencies === undefined) {
    const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
    try {
      supportedCurrencies =
        typeof intl.supportedValuesOf === 'function' ? new Set(intl.supportedValuesOf('currency')) : null;
    } catch {
      supportedCurrencies = null;
    }
  }
  return supportedCurrencies;
}

/** Three uppercase letters that this runtime's Intl knows as a currency. */
export function isKnownCurrency(code: string): boolean {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  const cached = knownCache.get(code);
  if (cached !== undefined) return cached;
  const set = supportedCurrencySet();
  let known: boolean;
  if (set) {
    known = set.has(code);
  } else {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      known = true;
    } catch {
      known = false;
    }
  }
  knownCache.set(code, known);
  return known;
}

/** Minor-unit digits of a currency (USD 2, JPY 0, KWD 3). Throws RangeError for an unknown one. */
export function currencyDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency: ${String(currency)}`);
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  digitsCache.set(currency, digits);
  return digits;
}

// ---------------------------------------------------------------------------------------------
// Exact decimal strings

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
}

/** `123450, 2` → `"1234.50"`; `-5, 2` → `"-0.05"`; `1234, 0` → `"1234"`. Exact. */
/** @internal */
export function decimalString(amount: number, digits: number): string {
  assertSafeInteger(amount, 'Amount');
  const negative = amount < 0;
  const abs = String(Math.abs(amount));
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  const intPart = padded.slice(0, padded.length - digits);
  const fracPart = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${intPart}.${fracPart}`;
}

/** Plain `"1234.50"` (dot, no grouping, currency's digits) for the wire and debugging. */
export function toMajorString(amount: number, currency: string): string {
  return decimalString(amount, currencyDigits(currency));
}

// ---------------------------------------------------------------------------------------------
// Formatting

const formatCache = new Map<string, Intl.NumberFormat>();

/**
 * A usable locale: the given one when Intl accepts it, otherwise `en-US`.
 * @internal
 */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** @internal */
export function numberFormat(locale: string, currency: string, kind: 'money' | 'input'): Intl.NumberFormat {
  const key = `${kind}|${locale}|${currency}`;
  let nf = formatCache.get(key);
  if (!nf) {
    const digits = currencyDigits(currency);
    nf =
      kind === 'money'
        ? new Intl.NumberFormat(safeLocale(locale), {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          })
        : new Intl.NumberFormat(safeLocale(locale), {
            useGrouping: false,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
    formatCache.set(key, nf);
  }
  return nf;
}

/** Localized currency text, e.g. `1234.50 USD` → `$1,234.50` (en-US), `1.234,50 $` (de-DE). Exact. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const text = decimalString(amount, currencyDigits(currency)) as Intl.StringNumericLiteral;
  return numberFormat(locale, currency, 'money').format(text);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/** Exact sum of integer minor units. Throws RangeError for a non-integer input or an unsafe result. */
export function sumAmounts(amounts: readonly number[]): number {
  let total = 0n;
  for (const a of amounts) {
    assertSafeInteger(a, 'Amount');
    total += BigInt(a);
  }
  if (total > MAX_SAFE || total < -MAX_SAFE) throw new RangeError('Sum is out of the safe integer range');
  return Number(total);
}

/**
 * `amount × basisPoints / 10000`, rounded half away from zero, in integer arithmetic
 * (`applyPercent(1005, 5000)` → 503). Throws RangeError for non-integers or an unsafe result.
 */
export function applyPercent(amount: number, basisPoints: number): number {
  assertSafeInteger(amount, 'Amount');
  assertSafeInteger(basisPoints, 'Basis points');
  const product = BigInt(amount) * BigInt(basisPoints);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  let q = abs / 10000n;
  if ((abs % 10000n) * 2n >= 10000n) q += 1n;
  const result = negative ? -q : q;
  if (result > MAX_SAFE || result < -MAX_SAFE) throw new RangeError('Result is out of the safe integer range');
  return Number(result);
}
