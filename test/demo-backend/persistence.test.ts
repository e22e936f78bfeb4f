import { expect } from '@open-wc/testing';
import { MemoryStorage } from '../../src/demo-backend/memory-storage.js';
import { DEFAULT_STORAGE_KEY, DemoStore } from '../../src/demo-backend/store.js';
import { achRequest, BANK, cardRequest, FIXED_NOW, makeStore, newKey } from './helpers.js';

describe('demo store: persistence', () => {
  it('a new store on the same Storage keeps payments, receipts, batches, methods and overrides', () => {
    const storage = new MemoryStorage();
    const a = makeStore(storage);
    const key = newKey();
    const paid = a.createPayment(cardRequest(), key);
    a.createPayment(achRequest('pm_usBankAccount_success', { allocations: [{ invoiceId: 'INV-10455', amount: 5000 }] }), newKey());
    a.importBatch(paid.cashReceipt!.batchId);
    a.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: BANK, makeDefault: false });
    a.setSettings('C-1002', { walkthroughEnabled: false });
    a.listInvoices('C-1003', { limit: 10 }); // generates the large account

    const raw = storage.getItem(DEFAULT_STORAGE_KEY);
    expect(raw).to.be.a('string');
    expect(raw!.length, 'only the delta is stored').to.be.lessThan(20_000);
    expect(raw).not.to.contain('INI-0');

    const b = makeStore(storage);
    expect(b.getPayment(paid.id)).to.deep.equal({ ...paid, cashReceipt: { ...paid.cashReceipt!, status: 'imported' } });
    expect(b.findByKey(key)?.id).to.equal(paid.id);
    expect(b.listPayments('C-1001')).to.have.length(2);
    expect(b.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
    expect(b.getInvoice('C-1001', 'INV-10455').pending).to.equal(5000);
    expect(b.listBatches()[0]!.status).to.equal('imported');
    expect(b.listPaymentMethods('C-1001').map((m) => m.verification)).to.include('pending_microdeposits');
    expect(b.getSettings('C-1002').walkthroughEnabled).to.equal(false);
    // The same key replays from storage; counters continue.
    expect(b.createPayment(cardRequest(), key).id).to.equal(paid.id);
    const next = b.createPayment(cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10467', amount: 100 }] }), newKey());
    expect(next.id).to.equal('PAY-000003');
    expect(next.cashReceipt!.number).to.equal('CR-000003');
    expect(next.cashReceipt!.batchId).to.equal('CRB-20260310-2');
  });

  it('reset() restores the seed and clears the storage', () => {
    const storage = new MemoryStorage();
    const a = makeStore(storage);
    const p = a.createPayment(cardRequest(), newKey());
    a.removePaymentMethod('C-1001', 'PM-0001');
    a.setSettings(null, { onlinePaymentsEnabled: false });
    a.faults.next.push('5xx');
    a.reset();
    expect(a.listPayments('C-1001')).to.deep.equal([]);
    expect(a.listBatches()).to.deep.equal([]);
    expect(a.getInvoice('C-1001', 'INV-10421').pending).to.equal(0);
    expect(a.listPaymentMethods('C-1001').map((m) => m.id)).to.deep.equal(['PM-0001', 'PM-0002']);
    expect(a.getSettings(null).onlinePaymentsEnabled).to.equal(true);
    expect(a.faults.next).to.deep.equal([]);
    expect(() => a.getPayment(p.id)).to.throw();
    const b = makeStore(storage);
    expect(b.listPayments('C-1001')).to.deep.equal([]);
    expect(a.createPayment(cardRequest(), newKey()).id).to.equal('PAY-000001');
  });

  it('ignores a corrupt or foreign stored value', () => {
    const storage = new MemoryStorage();
    storage.setItem(DEFAULT_STORAGE_KEY, '{not json');
    expect(makeStore(storage).listPayments('C-1001')).to.deep.equal([]);
    storage.setItem(DEFAULT_STORAGE_KEY, JSON.stringify({ version: 99 }));
    expect(makeStore(storage).listPaymentMethods('C-1001')).to.have.length(2);
  });

  it('uses its own storage key and works without storage', () => {
    const storage = new MemoryStorage();
    const a = new DemoStore({ storage, storageKey: 'other', now: () => FIXED_NOW });
    a.createPayment(cardRequest(), newKey());
    expect(storage.getItem('other')).to.be.a('string');
    expect(storage.getItem(DEFAULT_STORAGE_KEY)).to.equal(null);
    const mem = new DemoStore({ storage: null, now: () => FIXED_NOW });
    expect(mem.createPayment(cardRequest(), newKey()).status).to.equal('succeeded');
  });

  it('notifies subscribers of changes', () => {
    const store = makeStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.createPayment(cardRequest(), newKey());
    off();
    store.reset();
    expect(calls).to.equal(1);
  });
});
