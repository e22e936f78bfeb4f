import { expect } from '@open-wc/testing';
import { Payment } from '../../src/core/schemas.js';
import { achRequest, cardRequest, expectedTotal, FIXED_NOW, httpError, makeStore, newKey, TODAY } from './helpers.js';
import { MemoryStorage } from '../../src/demo-backend/memory-storage.js';

describe('demo store: the back office (CR batches, import, post)', () => {
  it('runs the whole ERP cycle: receipt in today’s batch, pending, import, post, paid, credit consumed', () => {
    const store = makeStore();
    const past = store.getInvoice('C-1001', 'INV-10421'); // 734.90, past due
    const next = store.getInvoice('C-1001', 'INV-10455'); // 694.50
    const allocations = [
      { invoiceId: past.id, amount: past.balance }, // in full
      { invoiceId: next.id, amount: 20000 }, // partially
    ];
    const credits = [{ creditId: 'CM-2001', amount: 15000 }];
    const payment = store.createPayment(cardRequest('pm_card_visa', { allocations, credits }), newKey());
    expect(Payment.safeParse(payment).success).to.equal(true);
    expect(payment.status).to.equal('succeeded');
    expect(payment.invoiceTotal).to.equal(73490 + 20000);
    expect(payment.creditTotal).to.equal(15000);
    expect(payment.surcharge).to.equal(Math.round((93490 - 15000) * 0.03));
    expect(payment.surchargeLabel).to.equal('Card processing fee');
    expect(payment.total).to.equal(expectedTotal('card', allocations, credits));
    expect(payment.paidBy).to.deep.equal({ kind: 'worker', name: 'Dana Worker' });

    // The receipt lands in today's open batch.
    const receipt = payment.cashReceipt!;
    expect(receipt).to.include({ number: 'CR-000001', status: 'pending_import', date: TODAY, amount: payment.total });
    expect(receipt.batchId).to.equal('CRB-20260310');
    const [batch] = store.listBatches();
    expect(batch).to.include({ id: 'CRB-20260310', status: 'open', total: payment.total });
    expect(batch!.receipts.map((r) => r.number)).to.deep.equal(['CR-000001']);

    // Pending amounts until the ERP posts; balances unchanged.
    expect(store.getInvoice('C-1001', past.id)).to.include({ balance: 73490, pending: 73490, status: 'open' });
    expect(store.getInvoice('C-1001', next.id)).to.include({ balance: 69450, pending: 20000, status: 'open' });
    // The applied credit is reserved: not offered again, still on the ERP's books.
    expect(store.listCredits('C-1001')).to.deep.equal([]);
    expect(store.getCreditStatus('C-1001', 'CM-2001')).to.deep.equal({ original: 15000, balance: 15000, pending: 15000 });

    // Post before import is refused.
    expect(httpError(() => store.postBatch('CRB-20260310'))).to.include({ status: 409, code: 'batch_not_imported' });

    // Import.
    const imported = store.importBatch('CRB-20260310');
    expect(imported.status).to.equal('imported');
    expect(imported.receipts[0]!.status).to.equal('imported');
    expect(store.getPayment(payment.id).cashReceipt!.status).to.equal('imported');
    expect(store.getInvoice('C-1001', past.id).pending).to.equal(73490);
    expect(httpError(() => store.importBatch('CRB-20260310'))).to.include({ status: 409, code: 'batch_not_open' });

    // Post: balances drop, the fully paid invoice is paid, pending cleared, credit consumed.
    const posted = store.postBatch('CRB-20260310');
    expect(posted.status).to.equal('posted');
    expect(store.getPayment(payment.id).cashReceipt!.status).to.equal('posted');
    expect(store.getInvoice('C-1001', past.id)).to.include({ balance: 0, pending: 0, status: 'paid' });
    expect(store.getInvoice('C-1001', next.id)).to.include({ balance: 49450, pending: 0, status: 'open' });
    expect(store.listInvoices('C-1001', { status: 'open' }).items.map((i) => i.id)).not.to.include(past.id);
    expect(store.listInvoices('C-1001', { status: 'paid' }).items.map((i) => i.id)).to.include(past.id);
    expect(store.getCreditStatus('C-1001', 'CM-2001')).to.deep.equal({ original: 15000, balance: 0, pending: 0 });
    expect(store.listCredits('C-1001')).to.deep.equal([]);
    expect(httpError(() => store.postBatch('CRB-20260310'))).to.include({ status: 409, code: 'batch_already_posted' });

    // A later payment opens a new batch for the day.
    const later = store.createPayment(cardRequest('pm_card_visa', { allocations: [{ invoiceId: next.id, amount: 1000 }] }), newKey());
    expect(later.cashReceipt).to.include({ number: 'CR-000002', batchId: 'CRB-20260310-2', status: 'pending_import' });
    expect(store.listBatches().map((b) => [b.id, b.status])).to.deep.equal([
      ['CRB-20260310-2', 'open'],
      ['CRB-20260310', 'posted'],
    ]);
  });

  it('partially applied credit keeps the rest available', () => {
    const store = makeStore();
    const credits = [{ creditId: 'CM-2001', amount: 5000 }];
    store.createPayment(cardRequest('pm_card_visa', { credits }), newKey());
    expect(store.listCredits('C-1001')[0]).to.include({ id: 'CM-2001', amount: 10000 });
    const again = cardRequest('pm_card_visa', {
      allocations: [{ invoiceId: 'INV-10455', amount: 69450 }],
      credits: [{ creditId: 'CM-2001', amount: 10001 }],
    });
    expect(httpError(() => store.createPayment(again, newKey()))).to.include({ status: 409, code: 'credit_changed' });
  });

  it('ACH: processing with a receipt and pending, then settles as succeeded', () => {
    const store = makeStore();
    const p = store.createPayment(achRequest('pm_usBankAccount_success'), newKey());
    expect(p.status).to.equal('processing');
    expect(p.surcharge).to.equal(0);
    expect(p.cashReceipt?.status).to.equal('pending_import');
    expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
    const [settled] = store.settleAch(p.id);
    expect(settled).to.include({ id: p.id, status: 'succeeded' });
    expect(settled!.cashReceipt?.status).to.equal('pending_import');
    expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
    expect(httpError(() => store.settleAch(p.id))).to.include({ status: 409, code: 'payment_not_processing' });
  });

  it('ACH from a closed account fails later: receipt reversed, pending released, invoice open', () => {
    const store = makeStore();
    const p = store.createPayment(achRequest('pm_usBankAccount_accountClosed'), newKey());
    expect(p.status).to.equal('processing');
    expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
    const settled = store.settleAch();
    expect(settled).to.have.length(1);
    const failed = store.getPayment(p.id);
    expect(failed).to.include({ status: 'failed', failureCode: 'account_closed' });
    expect(failed.failureMessage).to.match(/closed/);
    expect(failed.cashReceipt?.status).to.equal('reversed');
    expect(store.getInvoice('C-1001', 'INV-10421')).to.include({ pending: 0, balance: 73490, status: 'open' });
    expect(store.listBatches()[0]!.total).to.equal(0);
  });

  it('an ACH return after posting restores the balance and reopens the invoice', () => {
    const store = makeStore();
    const p = store.createPayment(achRequest('pm_usBankAccount_noAccount'), newKey());
    const batchId = p.cashReceipt!.batchId;
    store.importBatch(batchId);
    store.postBatch(batchId);
    expect(store.getInvoice('C-1001', 'INV-10421')).to.include({ balance: 0, status: 'paid' });
    store.settleAch(p.id);
    expect(store.getPayment(p.id)).to.include({ status: 'failed', failureCode: 'no_account' });
    expect(store.getInvoice('C-1001', 'INV-10421')).to.include({ balance: 73490, pending: 0, status: 'open' });
  });

  it('other ACH returns: insufficient funds and unauthorized debit', () => {
    const store = makeStore();
    const a = store.createPayment(achRequest('pm_usBankAccount_insufficientFunds'), newKey());
    const b = store.createPayment(
      achRequest('pm_usBankAccount_debitNotAuthorized', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }] }),
      newKey(),
    );
    store.settleAch();
    expect(store.getPayment(a.id).failureCode).to.equal('insufficient_funds');
    expect(store.getPayment(b.id).failureCode).to.equal('debit_not_authorized');
  });

  it('advanceClock moves to a new day’s batch and settles ACH after a few days', () => {
    const store = makeStore(new MemoryStorage(), () => FIXED_NOW);
    const p = store.createPayment(achRequest(), newKey());
    expect(store.advanceClock(1)).to.deep.equal([]);
    expect(store.today()).to.equal('2026-03-11');
    const q = store.createPayment(cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 500 }] }), newKey());
    expect(q.cashReceipt!.batchId).to.equal('CRB-20260311');
    const settled = store.advanceClock(2);
    expect(settled.map((x) => x.id)).to.deep.equal([p.id]);
    expect(store.getPayment(p.id).status).to.equal('succeeded');
    expect(store.today()).to.equal('2026-03-13');
    expect(httpError(() => store.advanceClock(-1))).to.include({ status: 422 });
  });
});
