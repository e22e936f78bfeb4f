import { expect } from '@open-wc/testing';
import {
  AccountList,
  CreditList,
  ErrorBody,
  Invoice,
  InvoicePage,
  Payment,
  PaymentList,
  SavedPaymentMethod,
  SavedPaymentMethodList,
  Settings,
  Viewer,
} from '../../src/core/schemas.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { listAllInvoices } from '../../src/backend/types.js';
import { DemoErpClient, MemoryStorage, startDemoBackend } from '../../src/demo-backend/index.js';
import type { DemoBackend } from '../../src/demo-backend/index.js';
import { BANK, cardRequest, FIXED_NOW, newKey } from './helpers.js';

const BASE = '/api/demo-test/v1';

interface Schema {
  safeParse(v: unknown): { success: boolean };
}

async function call(
  method: string,
  path: string,
  opts: { body?: unknown; key?: string; viewer?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.key) headers['Idempotency-Key'] = opts.key;
  if (opts.viewer) headers['X-Demo-Viewer'] = opts.viewer;
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) init.body = JSON.stringify(opts.body);
  const res = await fetch(`${BASE}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}

function valid(schema: Schema, value: unknown): void {
  const r = schema.safeParse(value);
  expect(r.success, JSON.stringify(value).slice(0, 300)).to.equal(true);
}

function errorCode(body: unknown): string {
  valid(ErrorBody, body);
  return (body as { error: { code: string } }).error.code;
}

describe('demo backend over msw (real fetch in the browser)', () => {
  let demo: DemoBackend;
  const erp = new DemoErpClient(BASE);

  before(async () => {
    demo = await startDemoBackend({ baseUrl: BASE, storage: new MemoryStorage(), now: () => FIXED_NOW });
  });
  after(() => demo.stop());
  beforeEach(async () => {
    await erp.reset();
  });

  it('GET /viewer: the worker by default, the contact by header, 401 otherwise', async () => {
    const w = await call('GET', '/viewer');
    expect(w.status).to.equal(200);
    valid(Viewer, w.body);
    expect(w.body).to.deep.include({ kind: 'worker', name: 'Dana Worker' });
    const c = await call('GET', '/viewer', { viewer: 'contact' });
    expect(c.body).to.deep.include({ kind: 'contact', accountId: 'C-1001' });
    const x = await call('GET', '/viewer', { viewer: 'nobody' });
    expect(x.status).to.equal(401);
    expect(errorCode(x.body)).to.equal('unauthorized');
  });

  it('GET /settings, /accounts, /accounts/ID', async () => {
    const site = await call('GET', '/settings');
    valid(Settings, site.body);
    const gx = await call('GET', '/settings?account=C-1002');
    expect((gx.body as { allowedMethods: string[] }).allowedMethods).to.deep.equal(['card']);
    const search = await call('GET', '/accounts?q=acme');
    valid(AccountList, search.body);
    expect((search.body as { items: { id: string }[] }).items.map((a) => a.id)).to.deep.equal(['C-1001']);
    const forbidden = await call('GET', '/accounts?q=', { viewer: 'contact' });
    expect(forbidden.status).to.equal(403);
    expect(errorCode(forbidden.body)).to.equal('forbidden');
    const acct = await call('GET', '/accounts/C-1003');
    expect(acct.body).to.deep.include({ name: 'Initech Supply' });
    const missing = await call('GET', '/accounts/C-404');
    expect(missing.status).to.equal(404);
  });

  it('GET invoices: paged, filtered, validated; one invoice with lines; credits', async () => {
    const page = await call('GET', '/accounts/C-1003/invoices?status=open&sort=dueDate&order=desc&offset=9990&limit=1000');
    expect(page.status).to.equal(200);
    valid(InvoicePage, page.body);
    expect(page.body).to.deep.include({ total: 10000, offset: 9990, limit: 1000 });
    expect((page.body as { items: unknown[] }).items).to.have.length(10);
    const bad = await call('GET', '/accounts/C-1001/invoices?limit=1001');
    expect(bad.status).to.equal(400);
    expect((bad.body as { error: { field: string } }).error.field).to.equal('limit');
    const badSort = await call('GET', '/accounts/C-1001/invoices?sort=color');
    expect(badSort.status).to.equal(400);
    const one = await call('GET', '/accounts/C-1001/invoices/INV-10455');
    valid(Invoice, one.body);
    expect((one.body as { lines: unknown[] }).lines.length).to.be.greaterThan(0);
    const credits = await call('GET', '/accounts/C-1001/credits');
    valid(CreditList, credits.body);
    const contactOther = await call('GET', '/accounts/C-1002/invoices', { viewer: 'contact' });
    expect(contactOther.status).to.equal(403);
  });

  it('POST /payments: 400 without Idempotency-Key, 201 then 200 with it, lookups by id and key', async () => {
    const req = cardRequest();
    const missing = await call('POST', '/payments', { body: req });
    expect(missing.status).to.equal(400);
    expect(errorCode(missing.body)).to.equal('idempotency_key_required');

    const key = newKey();
    const created = await call('POST', '/payments', { body: req, key });
    expect(created.status).to.equal(201);
    valid(Payment, created.body);
    const payment = created.body as { id: string; status: string; cashReceipt: { status: string } };
    expect(payment.status).to.equal('succeeded');
    expect(payment.cashReceipt.status).to.equal('pending_import');

    const replay = await call('POST', '/payments', { body: req, key });
    expect(replay.status).to.equal(200);
    expect((replay.body as { id: string }).id).to.equal(payment.id);

    const mismatch = await call('POST', '/payments', { body: { ...req, memo: 'other' }, key });
    expect(mismatch.status).to.equal(422);
    expect(errorCode(mismatch.body)).to.equal('idempotency_mismatch');

    const byId = await call('GET', `/payments/${payment.id}`);
    valid(Payment, byId.body);
    const byKey = await call('GET', `/payments?idempotency_key=${encodeURIComponent(key)}`);
    valid(PaymentList, byKey.body);
    expect((byKey.body as { items: { id: string }[] }).items.map((p) => p.id)).to.deep.equal([payment.id]);
    const none = await call('GET', '/payments?idempotency_key=unknown');
    expect(none.body).to.deep.equal({ items: [] });
    const history = await call('GET', '/accounts/C-1001/payments');
    valid(PaymentList, history.body);

    const conflict = await call('POST', '/payments', { body: cardRequest(), key: newKey() });
    expect(conflict.status).to.equal(409);
    expect(errorCode(conflict.body)).to.equal('invoice_changed');

    const badJson = await fetch(`${BASE}/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: '{oops',
    });
    expect(badJson.status).to.equal(400);
  });

  it('3-D Secure over HTTP: requires_action, then /confirm', async () => {
    const created = await call('POST', '/payments', { body: cardRequest('pm_card_authenticationRequired'), key: newKey() });
    const p = created.body as { id: string; status: string; clientSecret: string };
    expect(p.status).to.equal('requires_action');
    expect(p.clientSecret).to.match(/_secret_/);
    const confirmed = await call('POST', `/payments/${p.id}/confirm`, { body: { actionCompleted: true } });
    valid(Payment, confirmed.body);
    expect((confirmed.body as { status: string }).status).to.equal('succeeded');
  });

  it('payment methods: list, add (201), default, verify, delete (204)', async () => {
    const list = await call('GET', '/accounts/C-1001/payment-methods');
    valid(SavedPaymentMethodList, list.body);
    const added = await call('POST', '/accounts/C-1001/payment-methods', {
      body: { token: 'pm_usBankAccount_microdeposits', summary: BANK, makeDefault: false },
    });
    expect(added.status).to.equal(201);
    valid(SavedPaymentMethod, added.body);
    const bank = added.body as { id: string; verification: string };
    expect(bank.verification).to.equal('pending_microdeposits');
    const wrong = await call('POST', `/accounts/C-1001/payment-methods/${bank.id}/verify`, { body: { code: 'NOPE' } });
    expect(wrong.status).to.equal(422);
    expect(errorCode(wrong.body)).to.equal('wrong_code');
    const ok = await call('POST', `/accounts/C-1001/payment-methods/${bank.id}/verify`, { body: { code: 'SM11AA' } });
    expect((ok.body as { verification: string }).verification).to.equal('verified');
    const def = await call('POST', `/accounts/C-1001/payment-methods/${bank.id}/default`);
    valid(SavedPaymentMethodList, def.body);
    const expired = await call('POST', '/accounts/C-1001/payment-methods/PM-0002/default');
    expect(expired.status).to.equal(422);
    expect(errorCode(expired.body)).to.equal('expired_card');
    const del = await call('DELETE', `/accounts/C-1001/payment-methods/${bank.id}`);
    expect(del.status).to.equal(204);
    const gone = await call('DELETE', `/accounts/C-1001/payment-methods/${bank.id}`);
    expect(gone.status).to.equal(404);
  });

  it('demo ERP endpoints: batches, import, post, ACH settle, settings, reset', async () => {
    const paid = await call('POST', '/payments', {
      body: cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 10000 }] }),
      key: newKey(),
    });
    expect(paid.status).to.equal(201);
    const [batch] = await erp.listBatches();
    expect(batch).to.include({ status: 'open' });
    expect(batch!.receipts).to.have.length(1);
    expect((await erp.importBatch(batch!.id)).status).to.equal('imported');
    let inv = (await call('GET', '/accounts/C-1001/invoices/INV-10455')).body as { balance: number; pending: number };
    expect(inv).to.include({ balance: 69450, pending: 10000 });
    expect((await erp.postBatch(batch!.id)).status).to.equal('posted');
    inv = (await call('GET', '/accounts/C-1001/invoices/INV-10455')).body as { balance: number; pending: number };
    expect(inv).to.include({ balance: 59450, pending: 0 });
    try {
      await erp.postBatch(batch!.id);
      expect.fail('posting twice should fail');
    } catch (e) {
      expect(e).to.include({ status: 409, code: 'batch_already_posted' });
    }

    const ach = await call('POST', '/payments', {
      body: {
        ...cardRequest('pm_usBankAccount_accountClosed', { allocations: [{ invoiceId: 'INV-10467', amount: 44076 }], expectedTotal: 44076 }),
        methodType: 'ach',
        method: { kind: 'token', token: 'pm_usBankAccount_accountClosed', summary: BANK, save: false },
        achAuthorization: { text: 'I authorize', acceptedAt: FIXED_NOW.toISOString(), accountLast4: BANK.last4, amount: 44076 },
      },
      key: newKey(),
    });
    expect((ach.body as { status: string }).status).to.equal('processing');
    const settled = await erp.settleAch();
    expect(settled.map((p) => [p.status, p.failureCode])).to.deep.equal([['failed', 'account_closed']]);
    inv = (await call('GET', '/accounts/C-1001/invoices/INV-10467')).body as { balance: number; pending: number };
    expect(inv).to.include({ pending: 0, balance: 44076 });

    const settings = await erp.setSettings({ onlinePaymentsEnabled: false });
    expect(settings.onlinePaymentsEnabled).to.equal(false);
    const off = await call('POST', '/payments', { body: cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10488', amount: 100 }] }), key: newKey() });
    expect(off.status).to.equal(403);
    expect(errorCode(off.body)).to.equal('online_payments_disabled');
    const acme = await erp.setSettings({ accountId: 'C-1001', onlinePaymentsEnabled: true });
    expect(acme.onlinePaymentsEnabled).to.equal(true);
    await erp.clearSettings();

    const advanced = await erp.advanceClock(1);
    expect(advanced.today).to.equal('2026-03-11');

    await erp.reset();
    expect(await erp.listBatches()).to.deep.equal([]);
    const history = await call('GET', '/accounts/C-1001/payments');
    expect(history.body).to.deep.equal({ items: [] });
  });

  describe('through RestBackend (the widget\'s side of the seam)', () => {
    const backend = () => new RestBackend({ baseUrl: BASE, sleep: () => Promise.resolve() });
    const contact = () =>
      new RestBackend({ baseUrl: BASE, headers: { 'X-Demo-Viewer': 'contact' }, sleep: () => Promise.resolve() });

    it('reads viewer, settings, accounts, all 10,000 invoices, credits and methods', async () => {
      const b = backend();
      expect((await b.getViewer()).kind).to.equal('worker');
      expect((await contact().getViewer()).accountId).to.equal('C-1001');
      expect((await b.getSettings('C-1002')).allowedMethods).to.deep.equal(['card']);
      expect((await b.searchAccounts('initech')).map((a) => a.id)).to.deep.equal(['C-1003']);
      const all = await listAllInvoices(b, 'C-1003', { status: 'open' });
      expect(all).to.have.length(10_000);
      expect((await b.getInvoice('C-1001', 'INV-10421')).lines?.length).to.equal(3);
      expect((await b.listCredits('C-1001'))[0]?.amount).to.equal(15000);
      expect((await b.listPaymentMethods('C-1001')).find((m) => m.isDefault)?.summary.last4).to.equal('4242');
    });

    it('pays, recovers a dropped answer by key, and maps contract errors to typed errors', async () => {
      const b = backend();
      const key = newKey();
      demo.faults.next.push('drop-response');
      const p = await b.createPayment(cardRequest(), key);
      expect(p.status).to.equal('succeeded');
      expect((await b.findPaymentByKey(key))?.id).to.equal(p.id);
      expect((await b.getPayment(p.id)).cashReceipt?.number).to.equal('CR-000001');
      expect(demo.store.listPayments('C-1001')).to.have.length(1);

      const stale = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }], expectedTotal: 100 });
      const e = await b.createPayment(stale, newKey()).then(() => null, (x: unknown) => x);
      expect(e).to.include({ kind: 'conflict', code: 'amount_changed', status: 409 });
      const forbidden = await contact().listInvoices('C-1002', {}).then(() => null, (x: unknown) => x);
      expect(forbidden).to.include({ kind: 'forbidden', status: 403 });
      const declined = await b.createPayment(cardRequest('pm_card_chargeDeclinedLostCard', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }] }), newKey());
      expect(declined).to.include({ status: 'failed', failureCode: 'lost_card' });
    });
  });

  it('faults: drop-response records the payment, 5xx and 429 do not, 409 in progress', async () => {
    const req = cardRequest();
    const key = newKey();
    demo.faults.next.push('drop-response');
    let networkError: unknown = null;
    try {
      await call('POST', '/payments', { body: req, key });
    } catch (e) {
      networkError = e;
    }
    expect(networkError).to.be.instanceOf(TypeError);
    const found = await call('GET', `/payments?idempotency_key=${encodeURIComponent(key)}`);
    expect((found.body as { items: unknown[] }).items).to.have.length(1);
    const retry = await call('POST', '/payments', { body: req, key });
    expect(retry.status).to.equal(200);

    const other = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }] });
    const key2 = newKey();
    demo.faults.next.push('5xx', '429', '409-in-progress');
    const unavailable = await call('POST', '/payments', { body: other, key: key2 });
    expect(unavailable.status).to.equal(503);
    const limited = await call('POST', '/payments', { body: other, key: key2 });
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('Retry-After')).to.equal('1');
    expect(demo.store.findByKey(key2)).to.equal(null);
    const inProgress = await call('POST', '/payments', { body: other, key: key2 });
    expect(inProgress.status).to.equal(409);
    expect(errorCode(inProgress.body)).to.equal('idempotency_in_progress');
    const after = await call('POST', '/payments', { body: other, key: key2 });
    expect(after.status).to.equal(200);
    expect(demo.faults.next).to.deep.equal([]);
  });
});
