import { expect } from '@open-wc/testing';
import { invoiceProblems, payableAmount } from '../../src/core/invoices.js';
import type { Invoice } from '../../src/core/schemas.js';

const inv = (id: string, over: Partial<Invoice> = {}): Invoice => ({
  id,
  number: `INV-${id}`,
  status: 'open',
  invoiceDate: '2026-01-01',
  dueDate: '2026-02-01',
  currency: 'USD',
  total: 10000,
  balance: 10000,
  pending: 0,
  ...over,
});

describe('core/invoices', () => {
  it('F28 flags negative balances, every copy of a duplicated id and unknown currencies; the rest are clean', () => {
    const list = [inv('a'), inv('b', { balance: -500 }), inv('c'), inv('c'), inv('d', { currency: 'ZZZ' }), inv('e')];
    const problems = invoiceProblems(list);
    expect([...problems.keys()]).to.deep.equal([1, 2, 3, 4]);
    expect(problems.get(1)).to.deep.equal(['negative_balance']);
    expect(problems.get(2)).to.deep.equal(['duplicate_id']);
    expect(problems.get(3)).to.deep.equal(['duplicate_id']);
    expect(problems.get(4)).to.deep.equal(['unknown_currency']);
    expect(problems.has(0)).to.equal(false);
    expect(problems.has(5)).to.equal(false);
  });

  it('payable amount is the balance less pending payments, never below zero', () => {
    expect(payableAmount({ balance: 10000, pending: 0 })).to.equal(10000);
    expect(payableAmount({ balance: 10000, pending: 2500 })).to.equal(7500);
    expect(payableAmount({ balance: 10000, pending: 10000 })).to.equal(0);
    expect(payableAmount({ balance: 10000, pending: 12000 })).to.equal(0);
    expect(payableAmount({ balance: 0.5, pending: 0 })).to.equal(0); // not minor units: refused as 0
  });
});
