/**
 * Money: integer minor units (a JS safe integer) plus an ISO 4217 currency code.
 *
 * Floats are used for nothing here. Formatting builds an exact decimal string from integer
 * division and hands that string to Intl; parsing builds the integer from the typed digit string.
 * Pure TypeScript: no DOM, no Lit, usable in Node and the browser.
 */

export interface Money {
  amount: number;
  currency: string;
}

export type ParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'negative' | 'zero' | 'too_large';
export type ParseResult = { ok: true; amount: number } | { ok: false; error: ParseError };

/** More integer digits than this is refused as `too_large`, whatever the currency. */
const MAX_INTEGER_DIGITS = 15;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

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
function decimalString(amount: number, digits: number): string {
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

/** A usable locale: the given one when Intl accepts it, otherwise `en-US`. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function numberFormat(locale: string, currency: string, kind: 'money' | 'input'): Intl.NumberFormat {
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

/**
 * For prefilled inputs: the locale's decimal with exactly the currency's digits, no symbol and no
 * grouping (en-US `1234.50`, de-DE `1234,50`, JPY `1234`). `parseMoney` reads it back.
 */
export function formatAmountForInput(amount: number, currency: string, locale: string): string {
  const text = decimalString(amount, currencyDigits(currency)) as Intl.StringNumericLiteral;
  return numberFormat(locale, currency, 'input').format(text);
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface ParseConfig {
  digits: number;
  decimal: string;
  /** Characters accepted as the group separator (the locale's, plus look-alikes users type). */
  groups: ReadonlySet<string>;
  /** Locale digit characters (e.g. Arabic-Indic) mapped to ASCII. */
  digitMap: ReadonlyMap<string, string>;
  /** Currency texts that may precede or follow the number, longest first. */
  symbols: readonly string[];
  locale: string;
}

const parseConfigCache = new Map<string, ParseConfig>();

/** Bidi controls that Intl puts around numbers in RTL locales and users paste along. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Minus signs: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus, small minus. */
const MINUS_SIGNS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63']);

function clean(s: string): string {
  return s.normalize('NFKC').replace(BIDI_CONTROLS, '');
}

function parseConfig(currency: string, locale: string): ParseConfig {
  const key = `${locale}|${currency}`;
  const cached = parseConfigCache.get(key);
  if (cached) return cached;

  const digits = currencyDigits(currency);
  const loc = safeLocale(locale);
  const parts = new Intl.NumberFormat(loc).formatToParts(12345.6);
  const decimal = clean(parts.find((p) => p.type === 'decimal')?.value ?? '.');
  const group = clean(parts.find((p) => p.type === 'group')?.value ?? ',');

  const groups = new Set<string>([group]);
  if (group.trim() === '') groups.add(' '); // NBSP / narrow NBSP / thin space all normalize to ' '
  if (group === "'" || group === '\u2019') {
    groups.add("'");
    groups.add('\u2019');
  }
  groups.delete(decimal);

  const digitMap = new Map<string, string>();
  const plain = new Intl.NumberFormat(loc, { useGrouping: false });
  for (let d = 0; d <= 9; d++) {
    const local = clean(plain.format(d));
    if (local.length === 1 && local !== String(d)) digitMap.set(local, String(d));
  }

  const symbols = new Set<string>([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
    try {
      const cp = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay })
        .formatToParts(1)
        .find((p) => p.type === 'currency');
      const text = cp ? clean(cp.value).trim() : '';
      if (text) symbols.add(text);
    } catch {
      // narrowSymbol is missing on old engines; the others are enough.
    }
  }

  const config: ParseConfig = {
    digits,
    decimal,
    groups,
    digitMap,
    symbols: [...symbols].sort((a, b) => b.length - a.length),
    locale: loc,
  };
  parseConfigCache.set(key, config);
  return config;
}

const fail = (error: ParseError): ParseResult => ({ ok: false, error });

/** True when `segments` (digit groups between separators) follow a grouping we accept. */
function validGrouping(segments: readonly string[], locale: string): boolean {
  const first = segments[0] ?? '';
  if (first.length === 0 || first.startsWith('0')) return false;
  // Plain thousands grouping: 1-3 digits, then groups of exactly 3.
  if (first.length <= 3 && segments.slice(1).every((s) => s.length === 3)) return true;
  // The locale's own grouping (e.g. en-IN lakh: 12,34,567), as Intl writes it.
  const written = new Intl.NumberFormat(locale, { useGrouping: true })
    .formatToParts(BigInt(segments.join('')))
    .filter((p) => p.type === 'integer')
    .map((p) => p.value.length);
  return written.length === segments.length && written.every((len, i) => len === segments[i]?.length);
}

/**
 * Reads what a user typed as an amount in `currency`, by `locale`'s separators. Strict: anything
 * that could be misread (wrong grouping, a second decimal separator, exponents, hex, words) is
 * refused rather than guessed at. Never goes through floats.
 */
export function parseMoney(input: string, currency: string, locale: string): ParseResult {
  const cfg = parseConfig(currency, locale);
  if (typeof input !== 'string') return fail('invalid');
  let s = clean(input).trim();
  if (s === '') return fail('empty');

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }

  let symbolSeen = false;
  const stripSymbol = (atStart: boolean): boolean => {
    if (symbolSeen) return false;
    for (const sym of cfg.symbols) {
      if (atStart ? s.startsWith(sym) : s.endsWith(sym)) {
        s = (atStart ? s.slice(sym.length) : s.slice(0, s.length - sym.length)).trim();
        symbolSeen = true;
        return true;
      }
    }
    return false;
  };
  const stripSign = (atStart: boolean): boolean => {
    const ch = atStart ? s.charAt(0) : s.charAt(s.length - 1);
    if (!MINUS_SIGNS.has(ch)) return false;
    if (negative) return false; // a second sign: leave it in, so the number is invalid
    negative = true;
    s = (atStart ? s.slice(1) : s.slice(0, -1)).trim();
    return true;
  };
  while (s && (stripSign(true) || stripSymbol(true)));
  while (s && (stripSign(false) || stripSymbol(false)));
  if (s === '') return fail('invalid');

  // What is left must be digits and separators only.
  let intRaw = '';
  let fracRaw = '';
  let seenDecimal = false;
  const segments: string[] = [''];
  for (const rawCh of s) {
    const ch = cfg.digitMap.get(rawCh) ?? rawCh;
    if (ch >= '0' && ch <= '9') {
      if (seenDecimal) fracRaw += ch;
      else {
        intRaw += ch;
        segments[segments.length - 1] += ch;
      }
    } else if (ch === cfg.decimal) {
      if (seenDecimal) return fail('invalid');
      seenDecimal = true;
    } else if (cfg.groups.has(ch)) {
      if (seenDecimal) return fail('invalid');
      segments.push('');
    } else {
      return fail('invalid');
    }
  }
  if (intRaw === '' && fracRaw === '') return fail('invalid');
  if (segments.length > 1 && !validGrouping(segments, cfg.locale)) return fail('invalid');

  const intDigits = intRaw.replace(/^0+/, '');
  const nonZero = /[1-9]/.test(intDigits + fracRaw);
  if (negative && nonZero) return fail('negative');
  if (intDigits.length > MAX_INTEGER_DIGITS) return fail('too_large');
  if (fracRaw.length > cfg.digits) return fail('too_many_decimals');
  if (!nonZero) return fail('zero');

  const value = BigInt((intDigits || '0') + fracRaw.padEnd(cfg.digits, '0'));
  if (value > MAX_SAFE) return fail('too_large');
  return { ok: true, amount: Number(value) };
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
