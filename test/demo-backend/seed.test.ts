import { expect } from '@open-wc/testing';
import { Invoice, InvoicePage, SavedPaymentMethod, Settings } from '../../src/core/schemas.js';
import { createSeed, isoDate, initechInvoice, INITECH_INVOICE_COUNT } from '../../src/demo-backend/seed.js';
import { DemoStore } from '../../src/demo-backend/store.js';
import { makeStore, TODAY } from './helpers.js';

describe('demo seed', () => {
  it('is deterministic for a given today', () => {
    const a = createSeed('2026-03-10');
    const b = createSeed('2026-03-10');
    const strip = (s: ReturnType<typeof createSeed>) =>
      JSON.stringify({ ...s, accounts: s.accounts.map((x) => ({ ...x, invoices: x.invoices() })) });
    expect(strip(a)).to.equal(strip(b));
    expect(initechInvoice('2026-03-10', 1234)).to.deep.equal(initechInvoice('2026-03-10', 1234));
  });

  it('defaults today to the real current date, so the past-due invoice is always past due', () => {
    const store = new DemoStore({ storage: null });
    const today = isoDate(new Date());
    const open = store.listInvoices('C-1001', { status: 'open' }).items;
    expect(open.some((i) => i.dueDate < today)).to.equal(true);
    expect(open.some((i) => i.dueDate >= today)).to.equal(true);
  });

  it('has the two viewers', () => {
    const store = makeStore();
    expect(store.getViewer('worker')).to.deep.equal({ kind: 'worker', id: 'W-1', name: 'Dana Worker' });
    expect(store.getViewer('contact')).to.deep.equal({ kind: 'contact', id: 'CT-1', name: 'Pat Buyer', accountId: 'C-1001' });
    expect(store.getViewer('CT-1').kind).to.equal('contact');
  });

  it('has the site settings', () => {
    const s = makeStore().getSettings(null);
    expect(Settings.safeParse(s).success).to.equal(true);
    expect(s.onlinePaymentsEnabled).to.equal(true);
    expect(s.walkthroughEnabled).to.equal(true);
    expect(s.memoMaxLength).to.equal(500);
    expect(s.achMandateText).to.match(/authorize/i);
    for (const p of ['{amount}', '{date}', '{account}']) expect(s.achMandateText).to.contain(p);
  });

  describe('Acme Hardware Co. (C-1001)', () => {
    const store = makeStore();

    it('is the account C-1001 in USD', () => {
      expect(store.getAccount('C-1001')).to.deep.equal({ id: 'C-1001', number: 'C-1001', name: 'Acme Hardware Co.', currency: 'USD' });
    });

    it('has at least 5 open invoices with different due dates, one past due', () => {
      const page = store.listInvoices('C-1001', { status: 'open', limit: 100 });
      expect(InvoicePage.safeParse(page).success).to.equal(true);
      expect(page.items.length).to.be.greaterThanOrEqual(5);
      const dues = page.items.map((i) => i.dueDate);
      expect(new Set(dues).size).to.equal(dues.length);
      expect(page.items.filter((i) => i.dueDate < TODAY).length).to.be.greaterThanOrEqual(1);
      expect(page.items.every((i) => i.status === 'open' && i.balance > 0 && i.pending === 0)).to.equal(true);
      // sorted by due date ascending by default
      expect([...dues].sort()).to.deep.equal(dues);
    });

    it('has at least 2 paid invoices', () => {
      const paid = store.listInvoices('C-1001', { status: 'paid' }).items;
      expect(paid.length).to.be.greaterThanOrEqual(2);
      expect(paid.every((i) => i.balance === 0)).to.equal(true);
    });

    it('has invoices with lines that add up, PO numbers and one https PDF', () => {
      const all = store.listInvoices('C-1001', { status: 'all' }).items;
      expect(all.filter((i) => i.poNumber).length).to.be.greaterThanOrEqual(4);
      expect(all.filter((i) => i.pdfUrl?.startsWith('https://')).length).to.equal(1);
      for (const summary of all) {
        const inv = store.getInvoice('C-1001', summary.id);
        expect(Invoice.safeParse(inv).success).to.equal(true);
        expect(inv.lines?.length).to.be.greaterThan(0);
        expect(inv.lines?.reduce((s, l) => s + l.amount, 0)).to.equal(inv.total);
        for (const l of inv.lines ?? []) expect(l.quantity * l.unitPrice).to.equal(l.amount);
      }
      expect(all.some((i) => i.balance > 0 && i.balance < i.total)).to.equal(true);
    });

    it('has an open credit memo CM-2001 of $150.00', () => {
      const credits = store.listCredits('C-1001');
      expect(credits).to.have.length(1);
      expect(credits[0]).to.include({ id: 'CM-2001', amount: 15000, currency: 'USD' });
    });

    it('allows card and ACH, 3 % card fee, partial payments, no overpayment', () => {
      const s = store.getSettings('C-1001');
      expect(s.allowedMethods).to.deep.equal(['card', 'ach']);
      expect(s.surcharge.card).to.deep.equal({ kind: 'percent', value: 300, label: 'Card processing fee' });
      expect(s.surcharge.ach).to.equal(null);
      expect(s.partialPaymentsAllowed).to.equal(true);
      expect(s.overpaymentAllowed).to.equal(false);
    });

    it('has a default Visa 4242 and a non-default expired Mastercard, no bank account', () => {
      const methods = store.listPaymentMethods('C-1001');
      for (const m of methods) expect(SavedPaymentMethod.safeParse(m).success).to.equal(true);
      const visa = methods.find((m) => m.summary.type === 'card' && m.summary.last4 === '4242');
      expect(visa?.isDefault).to.equal(true);
      expect(visa?.summary).to.include({ brand: 'visa' });
      if (visa?.summary.type === 'card') expect(visa.summary.expYear).to.be.greaterThan(2026);
      const mc = methods.find((m) => m.summary.type === 'card' && m.summary.brand === 'mastercard');
      expect(mc?.isDefault).to.equal(false);
      if (mc?.summary.type === 'card') expect(mc.summary.expYear).to.be.lessThan(2026);
      expect(methods.filter((m) => m.summary.type === 'ach')).to.have.length(0);
      expect(methods.filter((m) => m.isDefault)).to.have.length(1);
    });
  });

  describe('Globex Retail (C-1002)', () => {
    const store = makeStore();
    it('is card only, with no saved methods and a few open invoices', () => {
      expect(store.getSettings('C-1002').allowedMethods).to.deep.equal(['card']);
      expect(store.listPaymentMethods('C-1002')).to.deep.equal([]);
      expect(store.listInvoices('C-1002', {}).items.length).to.be.greaterThanOrEqual(3);
    });
  });

  describe('Initech Supply (C-1003)', () => {
    const store = makeStore();

    it('has 10,000 open invoices', () => {
      const page = store.listInvoices('C-1003', { status: 'open', limit: 10 });
      expect(page.total).to.equal(INITECH_INVOICE_COUNT);
      expect(page.items).to.have.length(10);
      expect(store.listInvoices('C-1003', { status: 'paid' }).total).to.equal(0);
    });

    it('pages without gaps or repeats', () => {
      const ids = new Set<string>();
      for (let offset = 0; offset < 10_000; offset += 1000) {
        const page = store.listInvoices('C-1003', { offset, limit: 1000, sort: 'number' });
        expect(page.items).to.have.length(1000);
        for (const i of page.items) ids.add(i.id);
      }
      expect(ids.size).to.equal(10_000);
      const last = store.listInvoices('C-1003', { offset: 9_990, limit: 50 });
      expect(last.items).to.have.length(10);
      expect(last.offset).to.equal(9_990);
    });

    // Speed is measured by `npm run bench`, never here.
    it('lists the 9,999th page, in order', () => {
      const fresh = makeStore();
      const page = fresh.listInvoices('C-1003', { offset: 9_999, limit: 1, sort: 'dueDate', order: 'desc' });
      const again = fresh.listInvoices('C-1003', { offset: 9_998, limit: 1, sort: 'dueDate', order: 'desc' });
      expect(page.items).to.have.length(1);
      expect(page.total).to.equal(10_000);
      expect(again.items[0]?.dueDate >= (page.items[0]?.dueDate ?? '')).to.equal(true);
    });

    it('sorts, searches and gives lines on demand', () => {
      const byBalance = store.listInvoices('C-1003', { sort: 'balance', order: 'desc', limit: 5 }).items;
      for (let i = 1; i < byBalance.length; i++) {
        expect(byBalance[i - 1]!.balance).to.be.greaterThanOrEqual(byBalance[i]!.balance);
      }
      const hit = store.listInvoices('C-1003', { search: 'INV-309999' });
      expect(hit.total).to.equal(1);
      const inv = store.getInvoice('C-1003', hit.items[0]!.id);
      expect(inv.lines?.reduce((s, l) => s + l.amount, 0)).to.equal(inv.total);
      expect(store.listInvoices('C-1003', { search: 'toner', limit: 1 }).total).to.be.greaterThan(100);
    });
  });
});
