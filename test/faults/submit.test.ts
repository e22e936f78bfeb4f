/**
 * Submitting under faults, end to end: `<pay-invoices>` → `RestBackend` → the demo backend's
 * handlers (in this page), with the demo's fault injection (`store.faults`) and a request hook for
 * what the demo cannot do by itself. Each test checks what the payer sees and what the backend
 * recorded: one payment, one cash receipt, one idempotency key.
 * (test/elements/pay-invoices.test.ts covers the same cases against a fake backend.)
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { ConflictError } from '../../src/backend/errors.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { pendingStorageKey } from '../../src/elements/pay-invoices/pending-store.js';
import type { PaymentRequest } from '../../src/core/schemas.js';
import { computeTotals } from '../../src/core/allocation.js';
import '../../src/define/pay-invoices.js';
import {
  ACME,
  BASE,
  control,
  demoBackend,
  formMessage,
  need,
  root,
  text,
  typeInto,
  waitForReceipt,
  waitForText,
  waitLoaded,
  type DemoSetup,
  type Hook,
} from './helpers.js';

const PENDING = pendingStorageKey(ACME);

async function mount(backend: RestBackend, selected: string[] = ['INV-10421']): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(
    html`<pay-invoices account=${ACME} .backend=${backend} .selectedInvoiceIds=${selected}></pay-invoices>`,
  );
  await waitLoaded(el);
  return el;
}

function paymentPosts(setup: DemoSetup): { key: string | undefined }[] {
  return setup.net.requests
    .filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/payments'))
    .map((r) => ({ key: r.headers.find(([k]) => k === 'idempotency-key')?.[1] }));
}

function expectOnePaymentOneKey(setup: DemoSetup): void {
  const payments = setup.store.listPayments(ACME);
  expect(payments, 'payments recorded').to.have.length(1);
  expect(payments[0]!.cashReceipt, 'its cash receipt').to.exist;
  const keys = new Set(paymentPosts(setup).map((p) => p.key));
  expect([...keys], 'one idempotency key for every attempt').to.deep.equal([payments[0]!.idempotencyKey]);
  expect(sessionStorage.getItem(PENDING), 'pending key cleared').to.equal(null);
}

/** A sleep that records its waits and returns at once. */
function recordingSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  return Object.assign(async (ms: number) => void waits.push(ms), { waits });
}

describe('submitting under faults, through the demo backend', () => {
  afterEach(() => sessionStorage.clear());

  it('F02 an answer lost after the server recorded the payment is recovered by the retry with the same key', async () => {
    const setup = demoBackend();
    setup.store.faults.next.push('drop-response');
    const el = await mount(setup.backend);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForReceipt(el);
    expect(text(el)).to.include('Payment received');
    expect(paymentPosts(setup)).to.have.length(2);
    expectOnePaymentOneKey(setup);
  });

  it('F02 every answer lost: "confirming", never "failed"; Check payment status shows the one receipt', async () => {
    let offline = false;
    const hook: Hook = async (request) => {
      if (!offline) return 'forward';
      // The POST reaches the server, its answer is lost; look-ups do not get through at all.
      return request.method === 'POST' ? 'forward-then-drop' : 'drop';
    };
    const setup = demoBackend({ hook });
    const el = await mount(setup.backend);
    offline = true;
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /We are confirming your payment…/);
    expect(text(el)).to.not.match(/fail/i);
    expect(text(el)).to.include('do not pay again');
    expect(control(el, 'Make Payment'), 'no second Make Payment while unknown').to.equal(null);
    expect(sessionStorage.getItem(PENDING)).to.not.equal(null);
    expect(setup.store.listPayments(ACME)).to.have.length(1);
    offline = false;
    need<HTMLButtonElement>(el, 'Check payment status').click();
    await waitForReceipt(el);
    expectOnePaymentOneKey(setup);
  });

  it('F03 a timeout after the server recorded the payment is resolved with the same key (409 in progress, then look-up)', async () => {
    const setup = demoBackend({ handlers: { timeoutMs: 3000 }, rest: { timeoutMs: 150 } });
    setup.store.faults.next.push('timeout');
    const el = await mount(setup.backend);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForReceipt(el);
    expect(paymentPosts(setup).length).to.be.greaterThanOrEqual(2);
    expectOnePaymentOneKey(setup);
  });

  it('F04 a reload while the payment is in flight: the new page finds the key and shows the receipt, no new charge', async () => {
    let hold = true;
    const setup = demoBackend({
      hook: async (request) => (hold && request.method === 'POST' ? 'forward-then-hang' : 'forward'),
    });
    const el = await mount(setup.backend);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitUntil(() => setup.store.listPayments(ACME).length === 1, 'the server did not record the payment', { timeout: 5000 });
    expect(JSON.parse(sessionStorage.getItem(PENDING) ?? '{}').key).to.equal(setup.store.listPayments(ACME)[0]!.idempotencyKey);
    el.remove(); // the page goes away; session storage stays
    hold = false;
    // The reloaded page: a new RestBackend (nothing in memory survives), a new element.
    const fresh = new RestBackend({
      baseUrl: BASE,
      headers: { 'X-Demo-Viewer': 'contact' },
      fetch: setup.net.fetch,
      sleep: async () => {},
    });
    const again = await mount(fresh, []);
    await waitForReceipt(again);
    expect(text(again)).to.include('INV-10421');
    expect(paymentPosts(setup)).to.have.length(1);
    expectOnePaymentOneKey(setup);
  });

  it('F05 5xx on every attempt: bounded retries with backoff, one key, "may still be processing", then Submit again', async () => {
    const sleep = recordingSleep();
    const setup = demoBackend({ rest: { sleep, maxAttempts: 3, random: () => 0.5 } });
    setup.store.faults.next.push('5xx', '5xx', '5xx');
    const el = await mount(setup.backend);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /We are confirming your payment…/);
    expect(text(el)).to.include('may still be processing');
    expect(paymentPosts(setup)).to.have.length(3);
    expect(sleep.waits.length).to.be.within(2, 3);
    expect(sleep.waits[1]).to.be.greaterThan(sleep.waits[0]!); // exponential
    need<HTMLButtonElement>(el, 'Check payment status').click();
    await waitForText(el, /Your payment was not completed/);
    expect(setup.store.listPayments(ACME)).to.have.length(0);
    need<HTMLButtonElement>(el, 'Submit again').click();
    await waitForReceipt(el);
    expect(paymentPosts(setup)).to.have.length(4);
    expectOnePaymentOneKey(setup);
  });

  it('F06 429 with Retry-After: waits as told (1 s) and retries with the same key', async () => {
    const sleep = recordingSleep();
    const setup = demoBackend({ rest: { sleep } });
    setup.store.faults.next.push('429');
    const el = await mount(setup.backend);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForReceipt(el);
    expect(sleep.waits).to.deep.equal([1000]);
    expect(paymentPosts(setup)).to.have.length(2);
    expectOnePaymentOneKey(setup);
  });

  it('F07 the invoice was paid in part meanwhile: 409, new balances shown, the payer confirms again, one charge', async () => {
    const setup = demoBackend();
    const el = await mount(setup.backend);
    const input = need(el, 'Payment amount for invoice INV-10421');
    expect(input.value).to.equal('734.90');
    // Meanwhile, someone else pays $100.00 of it (another tab, a worker).
    const other: PaymentRequest = {
      accountId: ACME,
      currency: 'USD',
      methodType: 'card',
      method: { kind: 'saved', paymentMethodId: 'PM-0001' },
      allocations: [{ invoiceId: 'INV-10421', amount: 10000 }],
      credits: [],
      memo: '',
      expectedTotal: 10300,
    };
    setup.store.createPayment(other, 'someone-else');
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /The invoices changed; review the amounts and confirm again/);
    expect(formMessage(el)?.getAttribute('role')).to.equal('alert');
    expect(need(el, 'Select invoice INV-10421').checked).to.equal(true);
    expect(need(el, 'Payment amount for invoice INV-10421').value).to.equal('634.90');
    expect(setup.store.listPayments(ACME)).to.have.length(1);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitUntil(() => root(el).querySelector('#pending-confirm, #receipt-heading'), 'no confirmation', { timeout: 8000 });
    // INV-10421 now carries a pending amount: the widget asks before paying it again.
    if (root(el).querySelector('#pending-confirm')) need<HTMLButtonElement>(el, 'Pay anyway').click();
    await waitForReceipt(el);
    const mine = setup.store.listPayments(ACME).filter((p) => p.idempotencyKey !== 'someone-else');
    expect(mine).to.have.length(1);
    expect(mine[0]!.allocations).to.deep.equal([{ invoiceId: 'INV-10421', amount: 63490 }]);
  });

  it('F07 RestBackend: a 409 after an attempt that may have recorded the payment is looked up first — never a second charge', async () => {
    // The first answer is lost after the server recorded the payment; the retry meets a server that
    // answers 409 invoice_changed (the invoice changed — because of that very payment).
    let posts = 0;
    const setup = demoBackend({
      hook: async (request) => {
        if (request.method !== 'POST') return 'forward';
        posts++;
        if (posts === 1) return 'forward-then-drop';
        return new Response(JSON.stringify({ error: { code: 'invoice_changed', message: 'Invoice INV-10421 changed.' } }), {
          status: 409,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    const request = requestFor('INV-10421', 73490);
    const payment = await setup.backend.createPayment(request, 'key-409-after-drop');
    expect(payment.idempotencyKey).to.equal('key-409-after-drop');
    expect(payment.cashReceipt).to.exist;
    expect(setup.store.listPayments(ACME)).to.have.length(1);

    // When nothing was recorded, the same 409 is a definitive refusal.
    posts = 0;
    const dropped = demoBackend({
      hook: async (r) => {
        if (r.method !== 'POST') return 'forward';
        posts++;
        return posts === 1
          ? 'drop'
          : new Response(JSON.stringify({ error: { code: 'invoice_changed', message: 'Changed.' } }), {
              status: 409,
              headers: { 'Content-Type': 'application/json' },
            });
      },
    });
    const e = await dropped.backend.createPayment(request, 'key-409-nothing').then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).to.be.instanceOf(ConflictError);
    expect((e as ConflictError).outcomeUnknown).to.equal(false);
    expect(dropped.store.listPayments(ACME)).to.have.length(0);
  });

  it('F08 online payments switched off mid-flow (403): auth-required, selection and memo kept, nothing charged', async () => {
    const setup = demoBackend();
    const el = await mount(setup.backend);
    typeInto(need<HTMLTextAreaElement>(el, 'Memo'), 'March run');
    await el.updateComplete;
    setup.store.setSettings(null, { onlinePaymentsEnabled: false });
    setTimeout(() => need<HTMLButtonElement>(el, 'Make Payment').click());
    const ev = await oneEvent(el, 'auth-required');
    expect(ev.detail).to.deep.equal({ reason: 'forbidden' });
    await waitForText(el, /not allowed to pay/);
    expect(need(el, 'Select invoice INV-10421').checked).to.equal(true);
    expect(need<HTMLTextAreaElement>(el, 'Memo').value).to.equal('March run');
    expect(setup.store.listPayments(ACME)).to.have.length(0);
    expect(sessionStorage.getItem(PENDING)).to.equal(null);
  });
});

function requestFor(invoiceId: string, amount: number): PaymentRequest {
  return {
    accountId: ACME,
    currency: 'USD',
    methodType: 'card',
    method: { kind: 'saved', paymentMethodId: 'PM-0001' },
    allocations: [{ invoiceId, amount }],
    credits: [],
    memo: '',
    expectedTotal: computeTotals({
      invoiceAmounts: [{ amount, currency: 'USD' }],
      creditAmounts: [],
      surcharge: { kind: 'percent', value: 300, label: 'Card processing fee' },
    }).total,
  };
}
