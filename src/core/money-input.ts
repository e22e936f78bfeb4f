/**
 * Amounts typed by a payer: the text an amount input starts with, and reading back what was typed.
 * Exact (no floats), strict (anything that could be misread is refused). Apart from money.ts so
 * that pages which only show amounts do not load the parser.
 */
import { MAX_SAFE, currencyDigits, decimalString, numberFormat, safeLocale, type ParseError, type ParseResult } from './money.js';

/** More integer digits than this is refused as `too_large`, whatever the currency. */
const MAX_INTEGER_DIGITS = 15;

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
