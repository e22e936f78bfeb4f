import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  allocateLumpSum,
  computeSurcharge,
  computeTotals,
  maxCreditApplicable,
  validateInvoiceAmount,
} from '../../src/core/allocation.js';
import type { OpenItem, Surcharge } from '../../src/core/allocation.js';
import type { Money } from '../../src/core/money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const fee = (kind: Surcharge['kind'], value: number): Surcharge => ({ kind, value, label: 'Fee' });

describe('core/allocation', () => {
  describe('computeSurcharge', () => {
    it('is 0 without a surcharge or without a base', () => {
      expect(computeSurcharge(10000, null)).to.equal(0);
      expect(computeSurcharge(10000, undefined)).to.equal(0);
      expect(computeSurcharge(0, fee('fixed', 250))).to.equal(0);
      expect(computeSurcharge(-100, fee('percent', 300))).to.equal(0);
    });

    it('adds a fixed amount as is and a percent in basis points, rounded half up', () => {
      expect(computeSurcharge(10000, fee('fixed', 250))).to.equal(250);
      expect(computeSurcharge(1, fee('fixed', 250))).to.equal(250);
      expect(computeSurcharge(10000, fee('percent', 300))).to.equal(300);
      expect(computeSurcharge(123456, fee('percent', 295))).to.equal(3642); // 3641.952
      expect(computeSurcharge(20, fee('percent', 250))).to.equal(1); // 0.5
      expect(computeSurcharge(19, fee('percent', 250))).to.equal(0); // 0.475
      expect(computeSurcharge(10000, fee('percent', 0))).to.equal(0);
    });

    it('throws RangeError for a negative or fractional surcharge value', () => {
      expect(() => computeSurcharge(100, fee('fixed', -1))).to.throw(RangeError);
      expect(() => computeSurcharge(100, fee('percent', 2.5))).to.throw(RangeError);
      expect(() => computeSurcharge(1.5, fee('fixed', 1))).to.throw(RangeError);
    });
  });

  describe('allocateLumpSum', () => {
    const items: OpenItem[] = [
      { id: 'INV-3', dueDate: '2024-03-01', open: 3000 },
      { id: 'INV-1', dueDate: '2024-01-15', open: 1000 },
      { id: 'INV-2b', dueDate: '2024-02-01', open: 2000 },
      { id: 'INV-2a', dueDate: '2024-02-01', open: 500 },
    ];

    it('pays the oldest due date first, equal dates in input order', () => {
      expect(allocateLumpSum(2500, items)).to.deep.equal({
        allocations: [
          { id: 'INV-1', amount: 1000 },
          { id: 'INV-2b', amount: 1500 },
        ],
        remainder: 0,
      });
      expect(allocateLumpSum(3200, items).allocations).to.deep.equal([
        { id: 'INV-1', amount: 1000 },
        { id: 'INV-2b', amount: 2000 },
        { id: 'INV-2a', amount: 200 },
      ]);
    });

    it('returns the remainder when the sum exceeds what is open', () => {
      expect(allocateLumpSum(7000, items)).to.deep.equal({
        allocations: [
          { id: 'INV-1', amount: 1000 },
          { id: 'INV-2b', amount: 2000 },
          { id: 'INV-2a', amount: 500 },
          { id: 'INV-3', amount: 3000 },
        ],
        remainder: 500,
      });
      expect(allocateLumpSum(100, [])).to.deep.equal({ allocations: [], remainder: 100 });
    });

    it('allocates nothing for 0, skips non-positive balances and puts undated items last', () => {
      expect(allocateLumpSum(0, items)).to.deep.equal({ allocations: [], remainder: 0 });
      const odd: OpenItem[] = [
        { id: 'nodate', dueDate: '', open: 100 },
        { id: 'neg', dueDate: '2020-01-01', open: -100 },
        { id: 'zero', dueDate: '2020-01-01', open: 0 },
        { id: 'frac', dueDate: '2020-01-01', open: 1.5 },
        { id: 'ok', dueDate: '2021-01-01', open: 100 },
      ];
      expect(allocateLumpSum(150, odd)).to.deep.equal({
        allocations: [
          { id: 'ok', amount: 100 },
          { id: 'nodate', amount: 50 },
        ],
        remainder: 0,
      });
    });

    it('throws RangeError for a negative or non-integer amount', () => {
      expect(() => allocateLumpSum(-1, items)).to.throw(RangeError);
      expect(() => allocateLumpSum(10.5, items)).to.throw(RangeError);
      expect(() => allocateLumpSum(NaN, items)).to.throw(RangeError);
    });

    it('does not reorder or change its input', () => {
      const copy = items.map((i) => ({ ...i }));
      allocateLumpSum(5000, items);
      expect(items).to.deep.equal(copy);
    });

    it('F20 allocations of random lump sums over random invoices add up exactly', () => {
      const itemArb = fc.record({
        dueDate: fc.constantFrom('2023-12-31', '2024-01-01', '2024-01-02', '2024-02-29', '2025-06-30'),
        open: fc.integer({ min: 1, max: 10_000_000_000 }),
      });
      fc.assert(
        fc.property(
          fc.array(itemArb, { maxLength: 60 }),
          fc.integer({ min: 0, max: 2_000_000_000_000 }),
          (raw, amount) => {
            const list: OpenItem[] = raw.map((r, i) => ({ id: `inv-${i}`, ...r }));
            const totalOpen = list.reduce((a, i) => a + i.open, 0);
            const { allocations, remainder } = allocateLumpSum(amount, list);
            const allocated = allocations.reduce((a, x) => a + x.amount, 0);

            expect(allocated).to.equal(Math.min(amount, totalOpen));
            expect(remainder).to.equal(Math.max(0, amount - totalOpen));
            expect(allocated + remainder).to.equal(amount);

            const byId = new Map(list.map((i) => [i.id, i]));
            expect(new Set(allocations.map((a) => a.id)).size).to.equal(allocations.length);
            allocations.forEach((a, k) => {
              const item = byId.get(a.id)!;
              expect(a.amount).to.be.greaterThan(0);
              expect(a.amount).to.be.at.most(item.open);
              // Only the last allocation may be partial.
              if (k < allocations.length - 1) expect(a.amount).to.equal(item.open);
              // Oldest first: nothing older (or equally old but earlier in input) is left unpaid.
              for (const other of list) {
                const older =
                  other.dueDate < item.dueDate ||
                  (other.dueDate === item.dueDate && list.indexOf(other) < list.indexOf(item));
                if (older) expect(allocations.find((x) => x.id === other.id)?.amount).to.equal(other.open);
              }
            });
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  describe('computeTotals', () => {
    it('is all zeros with no currency for an empty selection', () => {
      expect(computeTotals({ invoiceAmounts: [], creditAmounts: [] })).to.deep.equal({
        invoices: 0,
        credits: 0,
        base: 0,
        surcharge: 0,
        total: 0,
        error: null,
        currency: null,
      });
    });

    it('sums invoices, takes off credits and adds the surcharge on the base', () => {
      expect(
        computeTotals({
          invoiceAmounts: [usd(10000), usd(5050)],
          creditAmounts: [usd(2050)],
          surcharge: fee('percent', 300),
        }),
      ).to.deep.equal({
        invoices: 15050,
        credits: 2050,
        base: 13000,
        surcharge: 390,
        total: 13390,
        error: null,
        currency: 'USD',
      });
      const fixed = computeTotals({ invoiceAmounts: [usd(100)], creditAmounts: [], surcharge: fee('fixed', 295) });
      expect(fixed.total).to.equal(395);
      expect(fixed.surcharge).to.equal(295);
    });

    it('F18 never sums invoices in different currencies', () => {
      const t = computeTotals({
        invoiceAmounts: [usd(10000), { amount: 5000, currency: 'EUR' }],
        creditAmounts: [],
      });
      expect(t).to.deep.equal({
        invoices: 0,
        credits: 0,
        base: 0,
        surcharge: 0,
        total: 0,
        error: 'mixed_currencies',
        currency: null,
      });
      const credit = computeTotals({ invoiceAmounts: [usd(10000)], creditAmounts: [{ amount: 100, currency: 'CAD' }] });
      expect(credit.error).to.equal('mixed_currencies');
      expect(credit.total).to.equal(0);
    });

    it('F19 refuses credits beyond what is owed', () => {
      const t = computeTotals({
        invoiceAmounts: [usd(10000)],
        creditAmounts: [usd(6000), usd(6000)],
        surcharge: fee('fixed', 100),
      });
      expect(t.error).to.equal('credits_exceed_invoices');
      expect(t.base).to.equal(-2000);
      expect(t.surcharge).to.equal(0);
      expect(computeTotals({ invoiceAmounts: [], creditAmounts: [usd(1)] }).error).to.equal('credits_exceed_invoices');
    });

    it('F19 a payment must still carry a card or bank amount', () => {
      const t = computeTotals({
        invoiceAmounts: [usd(10000)],
        creditAmounts: [usd(10000)],
        surcharge: fee('fixed', 100),
      });
      expect(t).to.deep.equal({
        invoices: 10000,
        credits: 10000,
        base: 0,
        surcharge: 0,
        total: 0,
        error: 'no_method_amount',
        currency: 'USD',
      });
      expect(computeTotals({ invoiceAmounts: [usd(10000)], creditAmounts: [usd(9999)] })).to.include({
        base: 1,
        total: 1,
        error: null,
      });
    });

    it('reports overflow instead of an inexact total', () => {
      expect(computeTotals({ invoiceAmounts: [usd(MAX), usd(1)], creditAmounts: [] }).error).to.equal('overflow');
      expect(computeTotals({ invoiceAmounts: [usd(0.5)], creditAmounts: [] }).error).to.equal('overflow');
      const withFee = computeTotals({ invoiceAmounts: [usd(MAX)], creditAmounts: [], surcharge: fee('fixed', 1) });
      expect(withFee.error).to.equal('overflow');
      expect(withFee.total).to.equal(0);
    });

    it('F20 totals of many partial amounts are exact (BigInt reference)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 100_000_000_00 }), { minLength: 1, maxLength: 200 }),
          fc.array(fc.integer({ min: 1, max: 1_000_000_00 }), { maxLength: 20 }),
          fc.option(fc.record({ kind: fc.constantFrom('fixed' as const, 'percent' as const), value: fc.integer({ min: 0, max: 1000 }), label: fc.constant('Fee') })),
          (inv, cred, surcharge) => {
            const t = computeTotals({ invoiceAmounts: inv.map(usd), creditAmounts: cred.map(usd), surcharge });
            const i = inv.reduce((a, x) => a + BigInt(x), 0n);
            const c = cred.reduce((a, x) => a + BigInt(x), 0n);
            expect(BigInt(t.invoices)).to.equal(i);
            expect(BigInt(t.credits)).to.equal(c);
            expect(BigInt(t.base)).to.equal(i - c);
            if (t.error === null) {
              expect(t.base).to.be.greaterThan(0);
              expect(t.total).to.equal(t.base + t.surcharge);
              expect(t.surcharge).to.equal(computeSurcharge(t.base, surcharge));
            } else {
              expect(t.error).to.equal(i < c ? 'credits_exceed_invoices' : 'no_method_amount');
            }
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  describe('maxCreditApplicable', () => {
    it('leaves at least one minor unit to pay by card or bank', () => {
      expect(maxCreditApplicable(10000, 20000, 0)).to.equal(9999);
      expect(maxCreditApplicable(10000, 500, 0)).to.equal(500);
      expect(maxCreditApplicable(10000, 5000, 6000)).to.equal(3999);
      expect(maxCreditApplicable(10000, 5000, 9999)).to.equal(0);
      expect(maxCreditApplicable(10000, 5000, 12000)).to.equal(0);
      expect(maxCreditApplicable(0, 5000, 0)).to.equal(0);
    });

    it('F19 applying the maximum credit always leaves a payable total', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10 ** 12 }),
          fc.integer({ min: 0, max: 10 ** 12 }),
          fc.integer({ min: 0, max: 10 ** 12 }),
          (invoices, creditOpen, others) => {
            const otherCredits = Math.min(others, invoices - 1);
            const max = maxCreditApplicable(invoices, creditOpen, otherCredits);
            expect(max).to.be.at.least(0);
            expect(max).to.be.at.most(creditOpen);
            const credits = [usd(otherCredits), usd(max)];
            const t = computeTotals({ invoiceAmounts: [usd(invoices)], creditAmounts: credits });
            expect(t.error).to.equal(null);
            expect(t.total).to.be.at.least(1);
            // One more unit would be too much (unless the credit itself is exhausted).
            if (max < creditOpen) {
              const over = computeTotals({ invoiceAmounts: [usd(invoices)], creditAmounts: [usd(otherCredits), usd(max + 1)] });
              expect(over.error).to.equal('no_method_amount');
            }
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  describe('validateInvoiceAmount', () => {
    const opts = { currency: 'USD', locale: 'en-US', max: 10000, overpaymentAllowed: false };

    it('accepts amounts up to the balance', () => {
      expect(validateInvoiceAmount('100.00', opts)).to.deep.equal({ ok: true, amount: 10000 });
      expect(validateInvoiceAmount('0.01', opts)).to.deep.equal({ ok: true, amount: 1 });
      expect(validateInvoiceAmount('1.234,56', { ...opts, currency: 'EUR', locale: 'de-DE', max: 200000 })).to.deep.equal({
        ok: true,
        amount: 123456,
      });
    });

    it('F12 passes on parse errors: empty, zero, negative', () => {
      expect(validateInvoiceAmount('', opts)).to.deep.equal({ ok: false, error: 'empty' });
      expect(validateInvoiceAmount('0', opts)).to.deep.equal({ ok: false, error: 'zero' });
      expect(validateInvoiceAmount('-1', opts)).to.deep.equal({ ok: false, error: 'negative' });
      expect(validateInvoiceAmount('1e3', opts)).to.deep.equal({ ok: false, error: 'invalid' });
      expect(validateInvoiceAmount('1.001', opts)).to.deep.equal({ ok: false, error: 'too_many_decimals' });
    });

    it('F16 refuses more than the open balance unless overpayment is allowed', () => {
      expect(validateInvoiceAmount('100.01', opts)).to.deep.equal({ ok: false, error: 'over_balance' });
      expect(validateInvoiceAmount('100.01', { ...opts, overpaymentAllowed: true })).to.deep.equal({
        ok: true,
        amount: 10001,
      });
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 12 }), (max, amount) => {
          const text = `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
          const r = validateInvoiceAmount(text, { ...opts, max });
          if (amount > max) expect(r).to.deep.equal({ ok: false, error: 'over_balance' });
          else expect(r).to.deep.equal({ ok: true, amount });
        }),
        { numRuns: 1000 },
      );
    });

    it('F17 without partial payments only the full balance is accepted', () => {
      const fixed = { ...opts, editable: false };
      expect(validateInvoiceAmount('100.00', fixed)).to.deep.equal({ ok: true, amount: 10000 });
      expect(validateInvoiceAmount('50.00', fixed)).to.deep.equal({ ok: false, error: 'not_editable' });
      expect(validateInvoiceAmount('150.00', { ...fixed, overpaymentAllowed: true })).to.deep.equal({
        ok: false,
        error: 'not_editable',
      });
    });
  });
});
