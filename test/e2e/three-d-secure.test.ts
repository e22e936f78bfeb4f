/**
 * End to end, 3-D Secure on the demo's own path (no fakes): a new card typed into the TEST MODE
 * sandbox collector, Make Payment, the demo backend (msw) answers `requires_action`, the sandbox
 * collector shows its `<pi-sandbox-challenge>` dialog, and the user completes it (receipt, one
 * payment recorded with its cash receipt) or fails / cancels it (back to the form, nothing paid,
 * the invoice still open).
 */
import { expect } from '@open-wc/testing';
import type { Invoice, Payment } from '../../src/core/schemas.js';
import type { DemoStore } from '../../src/demo-backend/index.js';
import {
  cellText,
  click,
  deepQueryAll,
  definition,
  findButton,
  findByRole,
  findByText,
  press,
  queryByRole,
  visibleText,
  waitFor,
  waitForGone,
} from './dom.js';
import { chooseAccount, closeDemo, enterNewCard, openDemo, payNow, recordPosts, waitForListRow } from './demo-page.js';
import type { DemoPage } from './demo-page.js';
import { deepActiveElement } from '../../src/dom/focus.js';

const ACCOUNT_ID = 'C-1001';
const ACME = 'Acme Hardware Co. (C-1001)';
/** Stripe's test card that always asks for 3-D Secure (src/core/test-cards.ts). */
const CARD_3DS = '4000 0025 0000 3155';
const CHALLENGE = 'Test 3-D Secure challenge';
const CANCELLED = 'Card verification was cancelled. No payment was made; you can try again or choose another method.';


function invoiceInStore(store: DemoStore, number: string): Invoice {
  const found = store.listInvoices(ACCOUNT_ID, { status: 'all', limit: 1000 }).items.find((i) => i.number === number);
  if (!found) throw new Error(`no invoice ${number} in the demo store`);
  return found;
}

/** Receipts in the ERP's cash-receipts batches that belong to `payment`. */
function receiptsOf(store: DemoStore, payment: Payment): unknown[] {
  return store.listBatches().flatMap((b) => b.receipts.filter((r) => r.paymentId === payment.id));
}

/**
 * Make Payment, then the sandbox's challenge: a modal dialog named by its heading and described by
 * its text, focus on "Complete authentication", the form announcing that it waits, and axe-clean.
 */
async function makePaymentUntilChallenge(demo: DemoPage): Promise<HTMLDialogElement> {
  click(await findButton('Make Payment'));
  const dialog = await findByRole<HTMLDialogElement>('dialog', CHALLENGE);
  const challenge = deepQueryAll('pi-sandbox-challenge');
  expect(challenge, 'one challenge on the page').to.have.length(1);
  expect(dialog.open).to.equal(true);
  expect(dialog.matches(':modal'), 'the challenge is a modal dialog').to.equal(true);
  const root = dialog.getRootNode() as ShadowRoot;
  const description = root.getElementById(dialog.getAttribute('aria-describedby') ?? '');
  expect(visibleText(description!)).to.match(/\w/);
  expect(visibleText(dialog)).to.contain('TEST MODE');
  await waitFor(() => deepActiveElement() === queryByRole('button', 'Complete authentication'), 'focus on Complete authentication');
  // The form behind it is busy and says why; an earlier message is gone.
  expect(deepQueryAll('[role="alert"]').some((a) => visibleText(a) === CANCELLED), 'no stale cancelled message').to.equal(false);
  const submit = queryByRole<HTMLButtonElement>('button', 'Make Payment');
  expect(submit?.disabled, 'Make Payment is not pressable during the challenge').to.equal(true);
  await findByText('Waiting for your card issuer’s verification…', '[role="status"]', { hidden: true });
  await expect(challenge[0]).to.be.accessible();
  await expect(demo.list).to.be.accessible();
  return dialog;
}

describe('demo, 3-D Secure with the sandbox collector (end to end)', function () {
  this.timeout(120000);
  let recorder: ReturnType<typeof recordPosts> | null = null;

  afterEach(async () => {
    recorder?.stop();
    recorder = null;
    await closeDemo();
  });

  it('completing the challenge pays: receipt "Payment received", one payment and one cash receipt recorded', async () => {
    const demo = await openDemo('index', 'worker');
    await chooseAccount('Acme', ACME);
    await waitForListRow('INV-10467', '$440.76', '—');
    await payNow('INV-10467');
    await enterNewCard(CARD_3DS, 'Visa ending 3155 (new)');
    expect(definition('Total')).to.equal('$453.98');

    recorder = recordPosts();
    const dialog = await makePaymentUntilChallenge(demo);
    // The backend holds the payment as awaiting action: nothing succeeded, no receipt yet.
    const waiting = demo.store.listPayments(ACCOUNT_ID);
    expect(waiting.map((p) => p.status)).to.deep.equal(['requires_action']);
    expect(receiptsOf(demo.store, waiting[0]!)).to.deep.equal([]);

    click(await findButton('Complete authentication'));
    await waitForGone('dialog', CHALLENGE);
    await waitFor(() => !dialog.isConnected && deepQueryAll('pi-sandbox-challenge').length === 0, 'the challenge is removed');
    const heading = await findByRole('heading', 'Payment received');
    await waitFor(() => deepActiveElement() === heading, 'focus on the receipt heading');
    const receipt = definition('Cash receipt') ?? '';
    expect(receipt).to.match(/^CR-\d{6}$/);
    expect(definition('Status')).to.equal('Succeeded');
    expect(definition('Payment method')).to.equal('Visa ending 3155');
    expect(cellText('INV-10467', 'Amount')).to.equal('$440.76');
    expect(cellText('Total', 'Amount')).to.equal('$453.98');
    await expect(demo.list).to.be.accessible();

    // One payment request, one confirmation; recorded once, succeeded, with its cash receipt.
    const paymentPosts = recorder.posts.map((p) => p.path).filter((p) => /\/payments(\/[^/]+\/confirm)?$/.test(p));
    expect(paymentPosts).to.have.length(2);
    expect(paymentPosts[0]).to.equal('/api/v1/payments');
    expect(paymentPosts[1]).to.match(/^\/api\/v1\/payments\/[^/]+\/confirm$/);
    const payments = demo.store.listPayments(ACCOUNT_ID);
    expect(payments).to.have.length(1);
    expect(payments[0]?.status).to.equal('succeeded');
    expect(payments[0]?.total).to.equal(45398);
    expect(payments[0]?.clientSecret).to.equal(undefined);
    expect(payments[0]?.cashReceipt?.number).to.equal(receipt);
    expect(receiptsOf(demo.store, payments[0]!)).to.have.length(1);

    // The list shows the payment as pending on the invoice.
    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10467', '$440.76', '$440.76');
  });

  it('failing or cancelling the challenge goes back to the form: a focused message, nothing paid, the invoice still open', async () => {
    const demo = await openDemo('contact', 'contact');
    await waitForListRow('INV-10472', '$438.00', '—');
    const before = invoiceInStore(demo.store, 'INV-10472');
    await payNow('INV-10472');
    await enterNewCard(CARD_3DS, 'Visa ending 3155 (new)');

    recorder = recordPosts();
    // (1) "Fail authentication".
    await makePaymentUntilChallenge(demo);
    click(await findButton('Fail authentication'));
    await waitForGone('dialog', CHALLENGE);
    const message = await findByText(CANCELLED, '[role="alert"]');
    await waitFor(() => deepActiveElement() === message, 'focus on the cancelled message');
    expect(queryByRole('heading', 'Payment received')).to.equal(null);
    expect(queryByRole<HTMLInputElement>('checkbox', 'Select invoice INV-10472')?.checked, 'the selection is kept').to.equal(true);
    expect(queryByRole<HTMLInputElement>('radio', 'Visa ending 3155 (new)')?.checked, 'the card is kept').to.equal(true);
    await findButton('Make Payment');
    await expect(demo.list).to.be.accessible();

    // (2) Try again, and leave the challenge with Escape: the same outcome.
    await makePaymentUntilChallenge(demo);
    await press('Escape');
    await waitForGone('dialog', CHALLENGE);
    await waitFor(() => {
      const m = deepQueryAll('[role="alert"]').find((a) => visibleText(a) === CANCELLED);
      return m && deepActiveElement() === m ? m : null;
    }, 'the cancelled message again, focused');
    await findButton('Make Payment');
    expect(deepQueryAll('pi-sandbox-challenge')).to.have.length(0);

    // Two attempts sent, each confirmed as not completed; none succeeded, no cash receipt.
    expect(recorder.posts.filter((p) => /\/payments$/.test(p.path))).to.have.length(2);
    expect(recorder.posts.filter((p) => /\/confirm$/.test(p.path))).to.have.length(2);
    const payments = demo.store.listPayments(ACCOUNT_ID);
    expect(payments.map((p) => p.status)).to.deep.equal(['canceled', 'canceled']);
    for (const p of payments) {
      expect(p.cashReceipt).to.equal(undefined);
      expect(receiptsOf(demo.store, p)).to.deep.equal([]);
    }
    // The invoice is still open, with nothing pending: in the store and in the list.
    const after = invoiceInStore(demo.store, 'INV-10472');
    expect(after.status).to.equal('open');
    expect(after.balance).to.equal(before.balance);
    expect(after.pending).to.equal(0);
    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10472', '$438.00', '—');
    await findButton('Pay Now invoice INV-10472');
  });
});
