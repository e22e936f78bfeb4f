import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { last4, validateAccountNumber, validateRoutingNumber } from '../../src/core/aba.js';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/** Completes 8 digits with the check digit that satisfies the ABA checksum. */
function withCheckDigit(first8: number[]): string {
  const partial = first8.reduce((sum, d, i) => sum + d * (WEIGHTS[i] ?? 0), 0);
  const check = (10 - (partial % 10)) % 10;
  return [...first8, check].join('');
}

const validRouting = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map(withCheckDigit)
  .filter((s) => s !== '000000000');

describe('core/aba', () => {
  describe('validateRoutingNumber', () => {
    it('accepts real and test routing numbers', () => {
      expect(validateRoutingNumber('110000000')).to.equal(null); // Stripe test routing number
      expect(validateRoutingNumber('011000015')).to.equal(null); // Federal Reserve Bank of Boston
      expect(validateRoutingNumber('021000021')).to.equal(null);
      expect(validateRoutingNumber('122105278')).to.equal(null);
      expect(validateRoutingNumber(' 011 000 015 ')).to.equal(null);
    });

    it('F21 refuses a routing number failing the ABA checksum', () => {
      expect(validateRoutingNumber('123456789')).to.equal('checksum'); // 3·12 + 7·15 + 18 = 159
      expect(validateRoutingNumber('110000001')).to.equal('checksum');
      expect(validateRoutingNumber('011000016')).to.equal('checksum');
      expect(validateRoutingNumber('000000000')).to.equal('checksum');
    });

    it('F21 refuses a wrong length', () => {
      expect(validateRoutingNumber('11000000')).to.equal('length');
      expect(validateRoutingNumber('1100000000')).to.equal('length');
      expect(validateRoutingNumber('1')).to.equal('length');
    });

    it('F21 refuses letters and other characters', () => {
      expect(validateRoutingNumber('11000000O')).to.equal('digits');
      expect(validateRoutingNumber('abc')).to.equal('digits');
      expect(validateRoutingNumber('011-000-015')).to.equal('digits');
      expect(validateRoutingNumber('１１００００００')).to.equal('digits'); // full-width
      expect(validateRoutingNumber('-11000000')).to.equal('digits');
    });

    it('F21 refuses an empty routing number', () => {
      expect(validateRoutingNumber('')).to.equal('empty');
      expect(validateRoutingNumber('   ')).to.equal('empty');
    });

    it('F21 accepts every number with a correct check digit', () => {
      fc.assert(
        fc.property(validRouting, (n) => {
          expect(validateRoutingNumber(n)).to.equal(null);
        }),
        { numRuns: 2000 },
      );
    });

    it('F21 a valid routing number with any one digit changed fails the checksum', () => {
      fc.assert(
        fc.property(validRouting, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
          const digit = (Number(n[pos]) + delta) % 10;
          const changed = n.slice(0, pos) + String(digit) + n.slice(pos + 1);
          expect(validateRoutingNumber(changed)).to.equal('checksum');
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws, whatever it is given', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
          const r = validateRoutingNumber(s);
          expect([null, 'empty', 'digits', 'length', 'checksum']).to.include(r);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('validateAccountNumber', () => {
    it('accepts 4 to 17 digits', () => {
      expect(validateAccountNumber('1234')).to.equal(null);
      expect(validateAccountNumber('000123456789')).to.equal(null);
      expect(validateAccountNumber('12345678901234567')).to.equal(null);
      expect(validateAccountNumber(' 0001 2345 6789 ')).to.equal(null);
    });

    it('refuses empty, letters and wrong lengths', () => {
      expect(validateAccountNumber('')).to.equal('empty');
      expect(validateAccountNumber('  ')).to.equal('empty');
      expect(validateAccountNumber('12a4')).to.equal('digits');
      expect(validateAccountNumber('1234-5678')).to.equal('digits');
      expect(validateAccountNumber('123')).to.equal('length');
      expect(validateAccountNumber('123456789012345678')).to.equal('length');
    });

    it('agrees with the length rule for any digit string', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9]{1,25}$/), (s) => {
          expect(validateAccountNumber(s)).to.equal(s.length >= 4 && s.length <= 17 ? null : 'length');
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('last4', () => {
    it('keeps the last four digits only', () => {
      expect(last4('000123456789')).to.equal('6789');
      expect(last4('4242 4242 4242 4242')).to.equal('4242');
      expect(last4('12')).to.equal('12');
      expect(last4('')).to.equal('');
      expect(last4('ab-12-cd-345')).to.equal('2345');
    });
  });
});
