import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { applyPercent, currencyDigits, formatMoney, isKnownCurrency, sumAmounts, toMajorString } from '../../src/core/money.js';
import { formatAmountForInput, parseMoney } from '../../src/core/money-input.js';
import type { ParseResult } from '../../src/core/money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] as const;
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'] as const;

/** Any whitespace (NBSP, narrow NBSP) as a plain space, to compare formatted text. */
const spaces = (s: string) => s.replace(/\s/g, ' ');
const ok = (amount: number): ParseResult => ({ ok: true, amount });
const err = (error: string) => ({ ok: false, error });

/** Largest amount parseMoney accepts for a currency: a safe integer with at most 15 integer digits. */
function maxParseable(currency: string): number {
  const limit = 10n ** BigInt(15 + currencyDigits(currency)) - 1n;
  return limit < BigInt(MAX) ? Number(limit) : MAX;
}

/** Positive amounts, biased to everyday sizes but reaching the largest accepted. */
function amountArb(currency: string) {
  return fc.oneof(
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 1, max: maxParseable(currency) }),
    fc.constantFrom(1, 5, 10, 99, 100, 1000, 100000, maxParseable(currency)),
  );
}

describe('core/money', () => {
  describe('isKnownCurrency / currencyDigits', () => {
    it('knows ISO codes in upper case only', () => {
      expect(isKnownCurrency('USD')).to.equal(true);
      expect(isKnownCurrency('EUR')).to.equal(true);
      expect(isKnownCurrency('JPY')).to.equal(true);
      expect(isKnownCurrency('usd')).to.equal(false);
      expect(isKnownCurrency('US')).to.equal(false);
      expect(isKnownCurrency('USDX')).to.equal(false);
      expect(isKnownCurrency('')).to.equal(false);
      expect(isKnownCurrency('XYZ')).to.equal(false);
      expect(isKnownCurrency('ABC')).to.equal(false);
    });

    it('gives the minor-unit digits by Intl', () => {
      expect(currencyDigits('USD')).to.equal(2);
      expect(currencyDigits('EUR')).to.equal(2);
      expect(currencyDigits('JPY')).to.equal(0);
      expect(currencyDigits('KRW')).to.equal(0);
      expect(currencyDigits('KWD')).to.equal(3);
      expect(currencyDigits('BHD')).to.equal(3);
      // cached: same answer again
      expect(currencyDigits('KWD')).to.equal(3);
    });

    it('throws RangeError for an unknown currency', () => {
      expect(() => currencyDigits('XYZ')).to.throw(RangeError);
      expect(() => currencyDigits('usd')).to.throw(RangeError);
      expect(() => currencyDigits('')).to.throw(RangeError);
    });
  });

  describe('toMajorString', () => {
    it('writes plain decimals with the currency digits', () => {
      expect(toMajorString(123450, 'USD')).to.equal('1234.50');
      expect(toMajorString(5, 'USD')).to.equal('0.05');
      expect(toMajorString(0, 'USD')).to.equal('0.00');
      expect(toMajorString(-5, 'USD')).to.equal('-0.05');
      expect(toMajorString(-123456, 'USD')).to.equal('-1234.56');
      expect(toMajorString(1234, 'JPY')).to.equal('1234');
      expect(toMajorString(1, 'KWD')).to.equal('0.001');
      expect(toMajorString(MAX, 'USD')).to.equal('90071992547409.91');
    });

    it('refuses non-integer and unsafe amounts', () => {
      expect(() => toMajorString(1.5, 'USD')).to.throw(RangeError);
      expect(() => toMajorString(NaN, 'USD')).to.throw(RangeError);
      expect(() => toMajorString(MAX + 1, 'USD')).to.throw(RangeError);
    });
  });

  describe('formatMoney', () => {
    it('formats by locale and currency', () => {
      expect(formatMoney(123450, 'USD', 'en-US')).to.equal('$1,234.50');
      expect(spaces(formatMoney(123450, 'EUR', 'de-DE'))).to.equal('1.234,50 €');
      expect(spaces(formatMoney(123450, 'EUR', 'fr-FR'))).to.equal('1 234,50 €');
      expect(formatMoney(1234, 'JPY', 'ja-JP')).to.equal('￥1,234');
      expect(spaces(formatMoney(1234567, 'KWD', 'en-US'))).to.equal('KWD 1,234.567');
      expect(formatMoney(5, 'USD', 'en-US')).to.equal('$0.05');
      expect(formatMoney(-5, 'USD', 'en-US')).to.equal('-$0.05');
      expect(formatMoney(0, 'USD', 'en-US')).to.equal('$0.00');
    });

    it('is exact at the top of the safe range (no float rounding)', () => {
      expect(formatMoney(MAX, 'USD', 'en-US')).to.equal('$90,071,992,547,409.91');
      expect(formatMoney(MAX, 'JPY', 'en-US')).to.equal('¥9,007,199,254,740,991');
      expect(formatMoney(MAX - 1, 'KWD', 'en-US').endsWith('9,007,199,254,740.990')).to.equal(true);
      expect(formatMoney(1000000000000001, 'USD', 'en-US')).to.equal('$10,000,000,000,000.01');
    });

    it('falls back to en-US for a malformed locale instead of throwing', () => {
      expect(formatMoney(100, 'USD', 'not a locale!')).to.equal('$1.00');
    });

    it('throws for unknown currencies and non-integers', () => {
      expect(() => formatMoney(100, 'XYZ', 'en-US')).to.throw(RangeError);
      expect(() => formatMoney(1.25, 'USD', 'en-US')).to.throw(RangeError);
    });
  });

  describe('formatAmountForInput', () => {
    it('writes the locale decimal with exactly the currency digits, no symbol, no grouping', () => {
      expect(formatAmountForInput(123450, 'USD', 'en-US')).to.equal('1234.50');
      expect(formatAmountForInput(123450, 'EUR', 'de-DE')).to.equal('1234,50');
      expect(formatAmountForInput(123450, 'EUR', 'fr-FR')).to.equal('1234,50');
      expect(formatAmountForInput(1234, 'JPY', 'ja-JP')).to.equal('1234');
      expect(formatAmountForInput(1000, 'KWD', 'en-US')).to.equal('1.000');
      expect(formatAmountForInput(7, 'USD', 'en-US')).to.equal('0.07');
      expect(formatAmountForInput(MAX, 'USD', 'en-US')).to.equal('90071992547409.91');
    });
  });

  describe('parseMoney', () => {
    it('reads plain amounts', () => {
      expect(parseMoney('1234.50', 'USD', 'en-US')).to.deep.equal(ok(123450));
      expect(parseMoney('1234.5', 'USD', 'en-US')).to.deep.equal(ok(123450));
      expect(parseMoney('1234', 'USD', 'en-US')).to.deep.equal(ok(123400));
      expect(parseMoney('0.01', 'USD', 'en-US')).to.deep.equal(ok(1));
      expect(parseMoney('.5', 'USD', 'en-US')).to.deep.equal(ok(50));
      expect(parseMoney('5.', 'USD', 'en-US')).to.deep.equal(ok(500));
      expect(parseMoney('  42  ', 'USD', 'en-US')).to.deep.equal(ok(4200));
      expect(parseMoney('007', 'USD', 'en-US')).to.deep.equal(ok(700));
      expect(parseMoney('1234', 'JPY', 'ja-JP')).to.deep.equal(ok(1234));
      expect(parseMoney('12.345', 'KWD', 'en-US')).to.deep.equal(ok(12345));
    });

    it('accepts the currency symbol or code of that currency in that locale', () => {
      expect(parseMoney('$1,234.50', 'USD', 'en-US')).to.deep.equal(ok(123450));
      expect(parseMoney('$ 12', 'USD', 'en-US')).to.deep.equal(ok(1200));
      expect(parseMoney('USD 12', 'USD', 'en-US')).to.deep.equal(ok(1200));
      expect(parseMoney('12 USD', 'USD', 'en-US')).to.deep.equal(ok(1200));
      expect(parseMoney('1.234,50 €', 'EUR', 'de-DE')).to.deep.equal(ok(123450));
      expect(parseMoney('1 234,50 $US', 'USD', 'fr-FR')).to.deep.equal(ok(123450));
      expect(parseMoney('￥1,234', 'JPY', 'ja-JP')).to.deep.equal(ok(1234));
      expect(parseMoney('¥1,234', 'JPY', 'ja-JP')).to.deep.equal(ok(1234));
      expect(parseMoney('€12', 'USD', 'en-US')).to.deep.equal(err('invalid'));
      expect(parseMoney('EUR 12', 'USD', 'en-US')).to.deep.equal(err('invalid'));
      expect(parseMoney('$$12', 'USD', 'en-US')).to.deep.equal(err('invalid'));
      expect(parseMoney('$', 'USD', 'en-US')).to.deep.equal(err('invalid'));
    });

    it('accepts full-width digits and locale digits', () => {
      expect(parseMoney('１２３４', 'JPY', 'ja-JP')).to.deep.equal(ok(1234));
      expect(parseMoney('١٢٣٤٫٥٠', 'USD', 'ar-EG')).to.deep.equal(ok(123450));
    });

    it('F12 refuses empty, zero and negative amounts', () => {
      for (const s of ['', ' ', '\t\n', '\u00A0']) expect(parseMoney(s, 'USD', 'en-US')).to.deep.equal(err('empty'));
      for (const s of ['0', '0.00', '00', '.0', '$0', '-0', '0.']) {
        expect(parseMoney(s, 'USD', 'en-US'), s).to.deep.equal(err('zero'));
      }
      expect(parseMoney('0,00', 'EUR', 'de-DE')).to.deep.equal(err('zero'));
      for (const s of ['-5', '−5', '-$5.00', '$-5.00', '(5.00)', '($5.00)', '5-', '- 5', '-0.01']) {
        expect(parseMoney(s, 'USD', 'en-US'), s).to.deep.equal(err('negative'));
      }
      expect(parseMoney('-1.234,50 €', 'EUR', 'de-DE')).to.deep.equal(err('negative'));
      for (const s of ['--5', '-(5)', '-', '()', '+5']) {
        expect(parseMoney(s, 'USD', 'en-US'), s).to.deep.equal(err('invalid'));
      }
    });

    it('F13 refuses 1e21, Infinity, NaN, 0x10, 1e3 and thousands of digits', () => {
      for (const s of ['1e21', 'Infinity', '-Infinity', 'NaN', '0x10', '1e3', '1E3', '0b101', '0o7', '1_000', '12abc', 'abc', '1.2.3']) {
        expect(parseMoney(s, 'USD', 'en-US'), s).to.deep.equal(err('invalid'));
      }
      expect(parseMoney('9'.repeat(5000), 'USD', 'en-US')).to.deep.equal(err('too_large'));
      expect(parseMoney('1' + '0'.repeat(21), 'USD', 'en-US')).to.deep.equal(err('too_large'));
      expect(parseMoney('1' + '0'.repeat(15), 'JPY', 'en-US')).to.deep.equal(err('too_large')); // 16 digits
      expect(parseMoney('9'.repeat(15), 'JPY', 'en-US')).to.deep.equal(ok(999999999999999));
      // Beyond Number.MAX_SAFE_INTEGER minor units:
      expect(parseMoney('90071992547409.92', 'USD', 'en-US')).to.deep.equal(err('too_large'));
      expect(parseMoney('90071992547409.91', 'USD', 'en-US')).to.deep.equal(ok(MAX));
      expect(parseMoney('900,719,925,474,099.1', 'USD', 'en-US')).to.deep.equal(err('too_large'));
      // Leading zeros are not magnitude:
      expect(parseMoney('0'.repeat(3000) + '1', 'USD', 'en-US')).to.deep.equal(ok(100));
    });

    it('F14 refuses more decimals than the currency has', () => {
      expect(parseMoney('12.345', 'USD', 'en-US')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('12.340', 'USD', 'en-US')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('12,345', 'EUR', 'de-DE')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('1234.5', 'JPY', 'en-US')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('1234.0', 'JPY', 'ja-JP')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('12.3456', 'KWD', 'en-US')).to.deep.equal(err('too_many_decimals'));
      // The locale decides what "." means: in en-US it is a decimal, so 1.234 USD is not 1234.
      expect(parseMoney('1.234', 'USD', 'en-US')).to.deep.equal(err('too_many_decimals'));
      expect(parseMoney('1.234', 'EUR', 'de-DE')).to.deep.equal(ok(123400));
    });

    it('F15 parses by the locale or refuses, never silently misreads', () => {
      expect(parseMoney('1,234.50', 'USD', 'en-US')).to.deep.equal(ok(123450));
      expect(parseMoney('1,234,567.89', 'USD', 'en-US')).to.deep.equal(ok(123456789));
      expect(parseMoney('1.234,50', 'EUR', 'de-DE')).to.deep.equal(ok(123450));
      expect(parseMoney('1234,5', 'EUR', 'de-DE')).to.deep.equal(ok(123450));
      // The other convention is refused, not misread:
      expect(parseMoney('1,234.50', 'EUR', 'de-DE')).to.deep.equal(err('invalid'));
      expect(parseMoney('1.234,50', 'USD', 'en-US')).to.deep.equal(err('invalid'));
      expect(parseMoney('12.50', 'EUR', 'de-DE')).to.deep.equal(err('invalid'));
      // Group separators only where groups of three end:
      for (const s of ['12,34', '1,23', '1,2345', ',123', '1,,234', '1,234,56', '0,123', '1,234.5,6', '1.50,000']) {
        expect(parseMoney(s, 'USD', 'en-US'), s).to.deep.equal(err('invalid'));
      }
      // fr-FR groups with (narrow) no-break spaces; a typed space is the same thing.
      for (const sp of [' ', '\u00A0', '\u202F', '\u2009']) {
        expect(parseMoney(`1${sp}234,50`, 'EUR', 'fr-FR'), JSON.stringify(sp)).to.deep.equal(ok(123450));
      }
      expect(parseMoney('1.234,50', 'EUR', 'fr-FR')).to.deep.equal(err('invalid'));
      expect(parseMoney('1 234.50', 'USD', 'en-US')).to.deep.equal(err('invalid'));
      expect(parseMoney('12 34,50', 'EUR', 'fr-FR')).to.deep.equal(err('invalid'));
      // Swiss apostrophes, Indian lakh grouping:
      expect(parseMoney("1'234.50", 'CHF', 'de-CH')).to.deep.equal(ok(123450));
      expect(parseMoney('1’234.50', 'CHF', 'de-CH')).to.deep.equal(ok(123450));
      expect(parseMoney('12,34,567.00', 'INR', 'en-IN')).to.deep.equal(ok(123456700));
      expect(parseMoney('1,234,567.00', 'INR', 'en-IN')).to.deep.equal(ok(123456700));
      expect(parseMoney('1,2,34,567.00', 'INR', 'en-IN')).to.deep.equal(err('invalid'));
      // Spanish writes 1234 without a group but 1.234 still reads as grouped:
      expect(parseMoney('1.234', 'EUR', 'es-ES')).to.deep.equal(ok(123400));
    });

    it('never throws and only returns positive safe integers, for any input', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789.,- $€()e\u00A0\u202F') })),
          fc.constantFrom(...LOCALES),
          fc.constantFrom(...CURRENCIES),
          (s, locale, currency) => {
            const r = parseMoney(s, currency, locale);
            if (r.ok) {
              expect(Number.isSafeInteger(r.amount)).to.equal(true);
              expect(r.amount).to.be.greaterThan(0);
            } else {
              expect(['empty', 'invalid', 'too_many_decimals', 'negative', 'zero', 'too_large']).to.include(r.error);
            }
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('F15 reads every en-US plain decimal exactly as its digits (BigInt reference)', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[1-9][0-9]{0,13}$/),
          fc.stringMatching(/^[0-9]{0,2}$/),
          (intPart, frac) => {
            const text = frac ? `${intPart}.${frac}` : intPart;
            const expected = Number(BigInt(intPart + frac.padEnd(2, '0')));
            expect(parseMoney(text, 'USD', 'en-US')).to.deep.equal(ok(expected));
          },
        ),
        { numRuns: 2000 },
      );
    });

    for (const locale of LOCALES) {
      for (const currency of CURRENCIES) {
        it(`F15 round-trips formatMoney → parseMoney in ${locale} ${currency}`, () => {
          fc.assert(
            fc.property(amountArb(currency), (amount) => {
              expect(parseMoney(formatMoney(amount, currency, locale), currency, locale)).to.deep.equal(ok(amount));
            }),
            { numRuns: 1000 },
          );
        });
        it(`round-trips formatAmountForInput → parseMoney in ${locale} ${currency}`, () => {
          fc.assert(
            fc.property(amountArb(currency), (amount) => {
              const text = formatAmountForInput(amount, currency, locale);
              expect(parseMoney(text, currency, locale)).to.deep.equal(ok(amount));
            }),
            { numRuns: 1000 },
          );
        });
      }
    }

    it('F15 round-trips in other locales too (en-IN, de-CH, es-ES, ar-EG, pt-BR)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom('en-IN', 'de-CH', 'es-ES', 'ar-EG', 'pt-BR'),
          fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'INR', 'CHF'),
          fc.integer({ min: 1, max: 10 ** 14 }),
          (locale, currency, amount) => {
            expect(parseMoney(formatMoney(amount, currency, locale), currency, locale)).to.deep.equal(ok(amount));
            expect(parseMoney(formatAmountForInput(amount, currency, locale), currency, locale)).to.deep.equal(
              ok(amount),
            );
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('F12 a formatted negative amount reads back as negative, never as positive', () => {
      fc.assert(
        fc.property(fc.constantFrom(...LOCALES), fc.constantFrom(...CURRENCIES), fc.integer({ min: 1, max: 10 ** 12 }), (locale, currency, amount) => {
          expect(parseMoney(formatMoney(-amount, currency, locale), currency, locale)).to.deep.equal(err('negative'));
        }),
        { numRuns: 1000 },
      );
    });

    it('throws RangeError for an unknown currency (a programming error, not user input)', () => {
      expect(() => parseMoney('12', 'XYZ', 'en-US')).to.throw(RangeError);
    });
  });

  describe('sumAmounts', () => {
    it('adds exactly', () => {
      expect(sumAmounts([])).to.equal(0);
      expect(sumAmounts([10, 20])).to.equal(30);
      expect(sumAmounts([MAX, 1, -1])).to.equal(MAX);
      expect(sumAmounts([MAX - 1, 1])).to.equal(MAX);
      expect(sumAmounts([-MAX])).to.equal(-MAX);
    });

    it('throws RangeError for non-integers or an unsafe result', () => {
      expect(() => sumAmounts([0.1, 0.2])).to.throw(RangeError);
      expect(() => sumAmounts([1, NaN])).to.throw(RangeError);
      expect(() => sumAmounts([1, Infinity])).to.throw(RangeError);
      expect(() => sumAmounts([MAX, 1])).to.throw(RangeError);
      expect(() => sumAmounts([2 ** 60])).to.throw(RangeError);
      expect(() => sumAmounts([-MAX, -1])).to.throw(RangeError);
    });

    it('F20 sums thousands of parsed partial amounts exact to the cent', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 })), {
            minLength: 1,
            maxLength: 300,
          }),
          (parts) => {
            const texts = parts.map(([d, c]) => `${d}.${String(c).padStart(2, '0')}`);
            const parsed = texts.map((t) => parseMoney(t, 'USD', 'en-US'));
            const amounts = parsed.map((r) => (r.ok ? r.amount : 0));
            // Reference: decimal strings added as BigInt cents, never through floats.
            const reference = texts.reduce((acc, t) => acc + BigInt(t.replace('.', '')), 0n);
            expect(BigInt(sumAmounts(amounts))).to.equal(reference);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('F20 is exact where floats are not (0.10 + 0.20, many 0.01s)', () => {
      const a = parseMoney('0.10', 'USD', 'en-US');
      const b = parseMoney('0.20', 'USD', 'en-US');
      expect(a.ok && b.ok && sumAmounts([a.amount, b.amount])).to.equal(30);
      expect(sumAmounts(new Array<number>(10000).fill(1))).to.equal(10000);
      expect(toMajorString(sumAmounts(new Array<number>(10000).fill(1)), 'USD')).to.equal('100.00');
    });
  });

  describe('applyPercent', () => {
    it('rounds half away from zero', () => {
      expect(applyPercent(10000, 300)).to.equal(300);
      expect(applyPercent(1005, 5000)).to.equal(503); // 502.5
      expect(applyPercent(1, 5000)).to.equal(1); // 0.5
      expect(applyPercent(1, 4999)).to.equal(0);
      expect(applyPercent(17, 300)).to.equal(1); // 0.51
      expect(applyPercent(16, 300)).to.equal(0); // 0.48
      expect(applyPercent(-1005, 5000)).to.equal(-503);
      expect(applyPercent(12345, 0)).to.equal(0);
      expect(applyPercent(MAX, 10000)).to.equal(MAX);
      expect(applyPercent(MAX, 299)).to.equal(269315257716756); // 269315257716755.63…
    });

    it('throws RangeError for non-integers and unsafe results', () => {
      expect(() => applyPercent(1.5, 300)).to.throw(RangeError);
      expect(() => applyPercent(100, 2.5)).to.throw(RangeError);
      expect(() => applyPercent(MAX, 20000)).to.throw(RangeError);
    });

    it('matches a rational reference and is symmetric', () => {
      fc.assert(
        fc.property(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: 0, max: 10000 }), (amount, bp) => {
          const p = BigInt(amount) * BigInt(bp);
          const abs = p < 0n ? -p : p;
          const rounded = (2n * abs + 10000n) / 20000n; // floor(x + 1/2)
          const expected = Number(p < 0n ? -rounded : rounded);
          expect(applyPercent(amount, bp)).to.equal(expected);
          expect(applyPercent(-amount, bp)).to.equal(-expected || 0);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
