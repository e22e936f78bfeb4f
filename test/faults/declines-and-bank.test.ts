/**
 * F09 and F25 end to end: test cards and test bank accounts typed into `<pay-invoices>`' entry
 * dialog (TEST MODE sandbox), paid on the demo backend over `RestBackend`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { RestBackend } from '../../src/backend/rest-backend.js';
import '../../src/define/pay-invoices.js';
import {
  ACME,
  control,
  deepActive,
  demoBackend,
  enterBank,
  enterCard,
  formMessage,
  need,
  root,
  squash,
  text,
  waitForReceipt,
  waitForText,
  waitLoaded,
} from './helpers.js';

async function mount(backend: RestBackend, selected: string[]): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(
    html`<pay-invoices account=${ACME} .backend=${backend} .selectedInvoiceIds=${selected}></pay-invoices>`,
  );
  await waitLoaded(el);
  return el;
}

describe('declines and bank accounts, through the demo backend', () => {
  afterEach(() => sessionStorage.clear());

  it('F09 each decline gets its own message, which takes focus; the selection is kept; nothing is recorded as paid', async function () {
    this.timeout(60000);
    const { store, backend } = demoBackend();
    const el = await mount(backend, ['INV-10421']);
    const cases: [string, RegExp][] = [
      ['4000000000000002', /Your card was declined\. Use another card or contact your card issuer\./],
      ['4000000000009995', /declined for insufficient funds/],
      ['4000000000000069', /The card has expired\. Use another card\./],
      ['4000000000000127', /security code \(CVC\) was incorrect/],
      ['4000000000000119', /An error occurred while processing the card\. Try again in a moment\./],
    ];
    for (const [number, message] of cases) {
      await enterCard(el, number);
      await waitUntil(() => control(el, /^Visa ending \d{4} \(new\)$/), 'the new card is not offered', { timeout: 8000 });
      need<HTMLButtonElement>(el, 'Make Payment').click();
      await waitUntil(() => message.test(squash(formMessage(el)?.textContent)), `no message ${String(message)}: ${text(el).slice(0, 200)}`, {
        timeout: 8000,
      });
      const alert = formMessage(el)!;
      expect(alert.getAttribute('role')).to.equal('alert');
      await waitUntil(() => deepActive() === alert, 'the message did not get focus', { timeout: 3000 });
      expect(need(el, 'Select invoice INV-10421').checked, 'selection kept').to.equal(true);
      expect(need(el, 'Payment amount for invoice INV-10421').value).to.equal('734.90');
      expect(need<HTMLButtonElement>(el, 'Make Payment').disabled).to.equal(false);
    }
    const payments = store.listPayments(ACME);
    expect(payments.map((p) => p.failureCode)).to.have.members([
      'card_declined',
      'insufficient_funds',
      'expired_card',
      'incorrect_cvc',
      'processing_error',
    ]);
    expect(payments.every((p) => p.status === 'failed' && !p.cashReceipt)).to.equal(true);
    expect(store.getInvoice(ACME, 'INV-10421').pending).to.equal(0);
    expect(store.listBatches().flatMap((b) => b.receipts)).to.have.length(0);
  });

  it('F25 a bank account needing micro-deposits is saved as awaiting verification, not paid; it cannot be chosen', async () => {
    const { store, backend } = demoBackend();
    const el = await mount(backend, ['INV-10455']);
    need(el, 'Bank Account').click();
    await el.updateComplete;
    await enterBank(el, '000987654321', { save: true });
    await waitUntil(() => control(el, /ending 4321 \(new\)$/), 'the new account is not offered', { timeout: 8000 });
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /micro-deposits/);
    expect(formMessage(el)?.getAttribute('role')).to.equal('alert');
    expect(root(el).querySelector('#receipt-heading')).to.equal(null);
    expect(store.listPayments(ACME)).to.have.length(0);
    expect(store.getInvoice(ACME, 'INV-10455').pending).to.equal(0);
    const saved = store.listPaymentMethods(ACME).filter((m) => m.summary.type === 'ach');
    expect(saved.map((m) => [m.summary.last4, m.verification])).to.deep.equal([['4321', 'pending_microdeposits']]);

    // Next visit: the account is listed as awaiting verification and cannot be used.
    el.remove();
    const again = await mount(backend, ['INV-10455']);
    need(again, 'Bank Account').click();
    await again.updateComplete;
    const option = need(again, /ending 4321.*Awaiting verification/);
    expect(option.disabled).to.equal(true);
    expect(option.checked).to.equal(false);
    expect(need<HTMLButtonElement>(again, 'Make Payment').disabled).to.equal(true);
  });

  it('F25 a closed bank account: processing first, then returned — the receipt is reversed and the invoice is open again', async () => {
    const { store, backend } = demoBackend();
    const el = await mount(backend, ['INV-10455']);
    need(el, 'Bank Account').click();
    await el.updateComplete;
    await enterBank(el, '000111111113');
    await waitUntil(() => control(el, /ending 1113 \(new\)$/), 'the new account is not offered', { timeout: 8000 });
    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment processing');
    expect(text(el)).to.include('up to four business days');
    const inv = store.getInvoice(ACME, 'INV-10455');
    expect(inv.pending).to.equal(inv.balance);

    // The bank returns the debit when it settles (account closed).
    const settled = store.settleAch();
    expect(settled.map((p) => [p.status, p.failureCode])).to.deep.equal([['failed', 'account_closed']]);
    expect(store.listBatches().flatMap((b) => b.receipts).map((r) => r.status)).to.deep.equal(['reversed']);
    const after = store.getInvoice(ACME, 'INV-10455');
    expect([after.status, after.pending, after.balance]).to.deep.equal(['open', 0, inv.balance]);

    // The payer sees the invoice open again, in full, with nothing pending.
    el.remove();
    const again = await mount(backend, ['INV-10455']);
    expect(need(again, 'Select invoice INV-10455').checked).to.equal(true);
    expect(need(again, 'Payment amount for invoice INV-10455').value).to.equal('694.50');
    expect(root(again).querySelector('#pending-confirm')).to.equal(null);
    need<HTMLButtonElement>(again, 'Make Payment').click();
    // No "already pending" question: the returned payment no longer counts.
    await waitForReceipt(again);
  });
});
