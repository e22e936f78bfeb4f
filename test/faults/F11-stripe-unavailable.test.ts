/**
 * F11 through the widget: Stripe.js cannot load (blocked by an extension or a policy, or offline).
 * `<pay-invoices>` with a `StripeCollector` whose loader fails: card entry says it is unavailable
 * and why; the saved card and bank payments still work (new bank accounts through the collector's
 * fallback); no promise rejection goes unhandled.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { StripeCollector } from '../../src/collectors/stripe-collector.js';
import type { LoadStripeLike } from '../../src/collectors/stripe-collector.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import '../../src/define/pay-invoices.js';
import {
  ACME,
  closeDialog,
  control,
  demoBackend,
  dialogAlert,
  enterBank,
  modalOf,
  need,
  openEntry,
  root,
  squash,
  waitForReceipt,
  waitLoaded,
} from './helpers.js';

const LOADERS: [string, LoadStripeLike][] = [
  ['blocked (the script fails to load)', () => Promise.reject(new Error('Failed to load Stripe.js'))],
  ['offline (the loader gives nothing)', () => Promise.resolve(null)],
];

describe('F11 Stripe.js cannot load', () => {
  let rejections: unknown[] = [];
  const onRejection = (e: PromiseRejectionEvent): void => void rejections.push(e.reason);
  beforeEach(() => {
    rejections = [];
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    sessionStorage.clear();
  });

  for (const [what, loadStripe] of LOADERS) {
    it(`F11 ${what}: card entry unavailable with a reason; the saved card and ACH still work; no unhandled rejection`, async function () {
      this.timeout(30000);
      const { store, backend } = demoBackend();
      const collector = new StripeCollector({
        publishableKey: 'pk_test_f11',
        loadStripe,
        fallback: new SandboxCollector({ delayMs: 0 }),
      });
      const el = await fixture<PayInvoices>(
        html`<pay-invoices account=${ACME} .backend=${backend} .collector=${collector} .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`,
      );
      await waitLoaded(el);

      // Card entry: the dialog says it is unavailable, and why; there are no fields to type into.
      await openEntry(el, 'card');
      await waitUntil(() => /unavailable/.test(dialogAlert(el)), 'no reason shown', { timeout: 8000 });
      expect(dialogAlert(el)).to.match(/^Card entry is unavailable right now\. Card payments are unavailable: the payment processor could not be loaded\./);
      expect(root(modalOf(el)).querySelector('input')).to.equal(null);
      await closeDialog(el);

      // The saved card does not need Stripe.js.
      expect(need(el, /^Visa ending 4242/).checked).to.equal(true);
      need<HTMLButtonElement>(el, 'Make Payment').click();
      expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment received');

      // A new bank account goes through the fallback collector.
      need<HTMLButtonElement>(el, 'Make another payment').click();
      await waitUntil(() => control(el, 'Select invoice INV-10455'), 'form not back', { timeout: 8000 });
      need(el, 'Select invoice INV-10455').click();
      need(el, 'Bank Account').click();
      await el.updateComplete;
      await enterBank(el, '000123456789');
      await waitUntil(() => control(el, /ending 6789 \(new\)$/), 'the bank account is not offered', { timeout: 8000 });
      need<HTMLButtonElement>(el, 'Make Payment').click();
      expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment processing');

      expect(store.listPayments(ACME).map((p) => [p.methodType, p.status])).to.deep.equal([
        ['ach', 'processing'],
        ['card', 'succeeded'],
      ]);
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections, 'unhandled rejections').to.deep.equal([]);
    });
  }

  // The attribute path script-tag hosts use. Chromium is started with js.stripe.com unresolvable
  // (web-test-runner.config.mjs), so the real Stripe.js loader fails here as it would when blocked.
  it('F11 stripe-key="pk_test_…" and Stripe.js blocked: card entry says why; a new bank account goes through the TEST MODE fallback', async function () {
    this.timeout(40000);
    const { store, backend } = demoBackend();
    const el = await fixture<PayInvoices>(
      html`<pay-invoices account=${ACME} stripe-key="pk_test_f11_attribute" .backend=${backend} .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`,
    );
    await waitLoaded(el);
    await openEntry(el, 'card');
    await waitUntil(() => /unavailable/.test(dialogAlert(el)), 'no reason shown', { timeout: 30000 });
    expect(dialogAlert(el)).to.match(/^Card entry is unavailable right now\. Card payments are unavailable: the payment processor could not be loaded\./);
    expect(root(modalOf(el)).querySelector('input')).to.equal(null);
    await closeDialog(el);

    need(el, 'Bank Account').click();
    await el.updateComplete;
    await enterBank(el, '000123456789');
    await waitUntil(() => control(el, /ending 6789 \(new\)$/), 'the bank account is not offered', { timeout: 8000 });
    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment processing');
    expect(store.listPayments(ACME).map((p) => [p.methodType, p.status])).to.deep.equal([['ach', 'processing']]);
    await new Promise((r) => setTimeout(r, 50));
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  });

  it('F11 stripe-key with a live key has no TEST MODE fallback: bank entry says why, saved methods still pay', async function () {
    this.timeout(40000);
    const { store, backend } = demoBackend();
    const el = await fixture<PayInvoices>(
      html`<pay-invoices account=${ACME} stripe-key="pk_live_f11_attribute" .backend=${backend} .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`,
    );
    await waitLoaded(el);
    need(el, 'Bank Account').click();
    await el.updateComplete;
    await openEntry(el, 'ach');
    await waitUntil(() => /unavailable/.test(dialogAlert(el)), 'no reason shown', { timeout: 30000 });
    expect(dialogAlert(el)).to.match(/Bank account payments are unavailable/);
    expect(root(modalOf(el)).querySelector('pi-sandbox-bank-fields'), 'never the sandbox with a live key').to.equal(null);
    await closeDialog(el);

    need(el, 'Credit or Debit Card').click();
    await el.updateComplete;
    expect(need(el, /^Visa ending 4242/).checked).to.equal(true);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment received');
    expect(store.listPayments(ACME).map((p) => [p.methodType, p.status])).to.deep.equal([['card', 'succeeded']]);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  });
});
