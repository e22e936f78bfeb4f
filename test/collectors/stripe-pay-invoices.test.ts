/**
 * The Stripe path through the whole `<pay-invoices>` form (issue 5): the StripeCollector on the
 * fake Stripe, the demo backend behind RestBackend. A card pays to "Payment received"; a bank
 * account (us_bank_account, mandate accepted in our dialog) pays to "Payment processing". The
 * backend only ever sees Stripe PaymentMethod ids; no full number is anywhere on the page.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { StripeCollector } from '../../src/collectors/stripe-collector.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { PaymentMethodModal } from '../../src/elements/payment-method-modal/payment-method-modal.js';
import '../../src/define/pay-invoices.js';
import { FakeStripe } from '../fakes/fake-stripe.js';
import { field } from '../elements/payment-method-modal-helpers.js';
import { ACME, control, demoBackend, modalOf, need, root, squash, waitForReceipt, waitLoaded } from '../faults/helpers.js';


async function mount(fake: FakeStripe) {
  const setup = demoBackend({ hook: (request) => (void requests.push(request.clone()), 'forward') });
  const collector = new StripeCollector({ publishableKey: 'pk_test_pay_invoices', loadStripe: fake.loadStripe });
  const el = await fixture<PayInvoices>(
    html`<pay-invoices account=${ACME} .backend=${setup.backend} .collector=${collector} .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`,
  );
  await waitLoaded(el);
  return { ...setup, el };
}

let requests: Request[] = [];
const paymentBodies = async (): Promise<Array<Record<string, unknown>>> =>
  Promise.all(requests.filter((r) => r.method === 'POST' && /\/payments$/.test(new URL(r.url).pathname)).map((r) => r.json()));

describe('<pay-invoices> with the StripeCollector (fake Stripe, demo backend)', () => {
  let unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  beforeEach(() => {
    requests = [];
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(async () => {
    await aTimeout(0);
    window.removeEventListener('unhandledrejection', onUnhandled);
    sessionStorage.clear();
    expect(unhandled, 'unhandled promise rejections').to.deep.equal([]);
  });

  it('a new card through Stripe Elements pays to the receipt; the backend gets only the PaymentMethod id', async function () {
    this.timeout(30000);
    const fake = new FakeStripe();
    const { el, store } = await mount(fake);
    expect(fake.loadCalls, 'Stripe.js is not loaded before entry').to.equal(0);
    need(el, 'Credit or Debit Card').click();
    await el.updateComplete;
    need<HTMLButtonElement>(el, 'Enter Card Info').click();
    await fake.mounted();
    fake.typeCard('4242 4242 4242 4242');
    root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => control(el, /ending 4242 \(new\)$/)?.checked, 'the new card is not selected', { timeout: 8000 });

    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment received');
    const [body] = await paymentBodies();
    expect(body?.method).to.deep.equal({
      kind: 'token',
      token: 'pm_card_visa',
      save: false,
      summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 },
    });
    expect(store.listPayments(ACME).map((p) => [p.methodType, p.status])).to.deep.equal([['card', 'succeeded']]);
    await expect(el).to.be.accessible();
  });

  it('a bank account through Stripe Elements (mandate accepted in our dialog) pays to "processing"', async function () {
    this.timeout(30000);
    const fake = new FakeStripe();
    const { el, store } = await mount(fake);
    need(el, 'Bank Account').click();
    await el.updateComplete;
    need<HTMLButtonElement>(el, 'Enter Bank Info').click();
    await fake.mounted();
    fake.connectBank();
    const modal = modalOf(el) as unknown as PaymentMethodModal;
    field(modal, 'Name on account').value = 'Ada Lovelace';
    field(modal, 'authorize').click();
    root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => control(el, /ending 6789 \(new\)$/)?.checked, 'the bank account is not selected', { timeout: 8000 });

    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment processing');
    const [body] = await paymentBodies();
    expect(body?.methodType).to.equal('ach');
    expect((body?.method as { token?: string }).token).to.equal('pm_usBankAccount_success');
    expect((body?.achAuthorization as { accountLast4?: string }).accountLast4).to.equal('6789');
    expect(store.listPayments(ACME).map((p) => [p.methodType, p.status])).to.deep.equal([['ach', 'processing']]);
    await expect(el).to.be.accessible();
  });
});
