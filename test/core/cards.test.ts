import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateAccountNumber, validateRoutingNumber } from '../../src/core/aba.js';
import { isCardExpired, luhnValid } from '../../src/core/cards.js';
import {
  STRIPE_TEST_BANK_ACCOUNTS,
  STRIPE_TEST_CARDS,
  STRIPE_TEST_MICRODEPOSITS,
  findTestBankAccount,
  findTestCard,
} from '../../src/core/test-cards.js';
import { newIdempotencyKey } from '../../src/core/idempotency.js';

/** Appends the Luhn check digit to a digit string. */
function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('core/cards', () => {
  describe('isCardExpired', () => {
    it('is valid through the last day of the expiry month', () => {
      expect(isCardExpired(1, 2025, new Date(2025, 0, 1))).to.equal(false);
      expect(isCardExpired(1, 2025, new Date(2025, 0, 31, 23, 59, 59, 999))).to.equal(false);
      expect(isCardExpired(1, 2025, new Date(2025, 1, 1))).to.equal(true);
      expect(isCardExpired(12, 2025, new Date(2025, 11, 31, 23, 59))).to.equal(false);
      expect(isCardExpired(12, 2025, new Date(2026, 0, 1))).to.equal(true);
      expect(isCardExpired(2, 2024, new Date(2024, 1, 29))).to.equal(false);
      expect(isCardExpired(6, 2030, new Date(2025, 5, 15))).to.equal(false);
      expect(isCardExpired(6, 2020, new Date(2025, 5, 15))).to.equal(true);
    });

    it('reads two-digit years as 20xx and treats nonsense as expired', () => {
      expect(isCardExpired(6, 30, new Date(2025, 0, 1))).to.equal(false);
      expect(isCardExpired(6, 24, new Date(2025, 0, 1))).to.equal(true);
      expect(isCardExpired(0, 2030, new Date(2025, 0, 1))).to.equal(true);
      expect(isCardExpired(13, 2030, new Date(2025, 0, 1))).to.equal(true);
      expect(isCardExpired(1.5, 2030, new Date(2025, 0, 1))).to.equal(true);
      expect(isCardExpired(1, NaN, new Date(2025, 0, 1))).to.equal(true);
    });

    it('uses the current date by default', () => {
      const now = new Date();
      expect(isCardExpired(now.getMonth() + 1, now.getFullYear())).to.equal(false);
      expect(isCardExpired(12, now.getFullYear() - 1)).to.equal(true);
    });

    it('agrees with "before the first day of the following month"', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 2000, max: 2100 }),
          fc.date({ min: new Date(1999, 0, 1), max: new Date(2102, 0, 1), noInvalidDate: true }),
          (month, year, now) => {
            const firstOfNext = new Date(year, month, 1); // month is 1-based: this is the next month
            expect(isCardExpired(month, year, now)).to.equal(now.getTime() >= firstOfNext.getTime());
          },
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe('luhnValid', () => {
    it('checks the Luhn digit', () => {
      expect(luhnValid('4242424242424242')).to.equal(true);
      expect(luhnValid('4242 4242 4242 4242')).to.equal(true);
      expect(luhnValid('79927398713')).to.equal(true);
      expect(luhnValid('4242424242424241')).to.equal(false);
      expect(luhnValid('79927398710')).to.equal(false);
    });

    it('refuses non-digits, empty and overlong input', () => {
      expect(luhnValid('')).to.equal(false);
      expect(luhnValid('0')).to.equal(false);
      expect(luhnValid('4242-4242-4242-4242')).to.equal(false);
      expect(luhnValid('abcd')).to.equal(false);
      expect(luhnValid('4'.repeat(19) + '0')).to.equal(false);
    });

    it('detects any single changed digit', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[0-9]{11,18}$/),
          fc.nat(),
          fc.integer({ min: 1, max: 9 }),
          (body, p, delta) => {
            const n = withLuhnDigit(body);
            expect(luhnValid(n)).to.equal(true);
            const pos = p % n.length;
            const changed = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
            expect(luhnValid(changed)).to.equal(false);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe('STRIPE_TEST_CARDS', () => {
    it('are Luhn-valid, unique and of the right length for their brand', () => {
      expect(STRIPE_TEST_CARDS.length).to.equal(13);
      for (const card of STRIPE_TEST_CARDS) {
        expect(luhnValid(card.number), card.number).to.equal(true);
        expect(card.number.length, card.number).to.equal(card.brand === 'amex' ? 15 : 16);
        const prefix = { visa: /^4/, mastercard: /^5[1-5]|^2[2-7]/, amex: /^3[47]/, discover: /^6011|^65/ }[card.brand];
        expect(prefix.test(card.number), card.number).to.equal(true);
        expect(card.token).to.match(/^pm_card_/);
      }
      expect(new Set(STRIPE_TEST_CARDS.map((c) => c.number)).size).to.equal(STRIPE_TEST_CARDS.length);
      expect(new Set(STRIPE_TEST_CARDS.map((c) => c.token)).size).to.equal(STRIPE_TEST_CARDS.length);
    });

    it('cover every outcome the widget has a message for (F09, F10)', () => {
      const outcomes = new Set(STRIPE_TEST_CARDS.map((c) => c.outcome));
      for (const o of [
        'success',
        'generic_decline',
        'insufficient_funds',
        'lost_card',
        'stolen_card',
        'expired_card',
        'incorrect_cvc',
        'processing_error',
        'authentication_required',
      ]) {
        expect(outcomes.has(o as never), o).to.equal(true);
      }
    });

    it('are frozen', () => {
      expect(Object.isFrozen(STRIPE_TEST_CARDS)).to.equal(true);
      expect(Object.isFrozen(STRIPE_TEST_CARDS[0])).to.equal(true);
    });
  });

  describe('findTestCard', () => {
    it('finds Stripe test cards, ignoring spaces and dashes', () => {
      expect(findTestCard('4242424242424242')).to.deep.equal({
        number: '4242424242424242',
        brand: 'visa',
        outcome: 'success',
        token: 'pm_card_visa',
      });
      expect(findTestCard('4000 0000 0000 9995')?.outcome).to.equal('insufficient_funds');
      expect(findTestCard('3782-822463-10005')?.brand).to.equal('amex');
      expect(findTestCard('4000002500003155')?.token).to.equal('pm_card_threeDSecure2Required');
      expect(findTestCard('4000002760003184')?.outcome).to.equal('authentication_required');
    });

    it('finds nothing for other numbers', () => {
      expect(findTestCard('4111111111111111')).to.equal(undefined);
      expect(findTestCard('4242424242424241')).to.equal(undefined);
      expect(findTestCard('')).to.equal(undefined);
      expect(findTestCard('4242x4242424242424242')).to.equal(undefined);
    });
  });

  describe('STRIPE_TEST_BANK_ACCOUNTS', () => {
    it('pass the routing checksum and account rules, with unique numbers and tokens', () => {
      for (const b of STRIPE_TEST_BANK_ACCOUNTS) {
        expect(validateRoutingNumber(b.routing), b.account).to.equal(null);
        expect(validateAccountNumber(b.account), b.account).to.equal(null);
        expect(b.token).to.match(/^pm_usBankAccount_/);
      }
      expect(new Set(STRIPE_TEST_BANK_ACCOUNTS.map((b) => `${b.routing}/${b.account}`)).size).to.equal(
        STRIPE_TEST_BANK_ACCOUNTS.length,
      );
      expect(new Set(STRIPE_TEST_BANK_ACCOUNTS.map((b) => b.token)).size).to.equal(STRIPE_TEST_BANK_ACCOUNTS.length);
    });

    it('include success, each failure and a micro-deposit account (F25)', () => {
      const outcomes = new Set(STRIPE_TEST_BANK_ACCOUNTS.map((b) => b.outcome));
      for (const o of ['success', 'account_closed', 'no_account', 'insufficient_funds', 'debit_not_authorized']) {
        expect(outcomes.has(o as never), o).to.equal(true);
      }
      expect(STRIPE_TEST_BANK_ACCOUNTS.some((b) => b.verification === 'microdeposits')).to.equal(true);
      expect(STRIPE_TEST_BANK_ACCOUNTS.some((b) => b.verification === 'instant' && b.outcome === 'success')).to.equal(
        true,
      );
      expect(STRIPE_TEST_MICRODEPOSITS.verified).to.deep.equal({ amounts: [32, 45], descriptorCode: 'SM11AA' });
    });
  });

  describe('findTestBankAccount', () => {
    it("finds Stripe's test accounts", () => {
      expect(findTestBankAccount('110000000', '000123456789')).to.deep.equal({
        routing: '110000000',
        account: '000123456789',
        outcome: 'success',
        verification: 'instant',
        token: 'pm_usBankAccount_success',
      });
      expect(findTestBankAccount('110 000 000', '0001 1111 1113')?.outcome).to.equal('account_closed');
      expect(findTestBankAccount('110000000', '000111111116')?.outcome).to.equal('no_account');
      expect(findTestBankAccount('110000000', '000222222227')?.outcome).to.equal('insufficient_funds');
      expect(findTestBankAccount('110000000', '000333333335')?.outcome).to.equal('debit_not_authorized');
    });

    it('finds nothing for other numbers', () => {
      expect(findTestBankAccount('011000015', '000123456789')).to.equal(undefined);
      expect(findTestBankAccount('110000000', '000123456788')).to.equal(undefined);
      expect(findTestBankAccount('', '')).to.equal(undefined);
    });
  });
});

describe('core/idempotency', () => {
  it('makes UUID v4 keys', () => {
    const key = newIdempotencyKey();
    expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 5000 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(5000);
  });

  it('works without crypto.randomUUID (insecure contexts)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const key = newIdempotencyKey();
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(newIdempotencyKey()).to.not.equal(key);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true });
    }
  });
});
