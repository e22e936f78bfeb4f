/**
 * End to end, as the worker of the demo CRM (demo/index.html): account search, Pay Now, the
 * payment form, the receipt, the list's pending amounts, and the ERP importing and posting the
 * cash receipt — all through the real demo backend (msw) and RestBackend.
 */
import { expect } from '@open-wc/testing';
import { MemoryStorage } from '../../src/demo-backend/index.js';
import type { PaymentRequest } from '../../src/core/schemas.js';
import {
  allByRole,
  cellText,
  click,
  definition,
  findButton,
  findByLabel,
  findByRole,
  findByText,
  press,
  queryByLabel,
  queryByRole,
  typeInto,
  waitFor,
  visibleText,
  waitForGone,
} from './dom.js';
import { chooseAccount, closeDemo, openDemo, payNow, recordPosts, waitForListRow } from './demo-page.js';
import type { DemoPage } from './demo-page.js';

const ACME = 'Acme Hardware Co. (C-1001)';

/** Pays the invoices selected in the form with the preselected (default) saved card. */
async function payWithDefaultCard(): Promise<string> {
  const visa = await findByRole<HTMLInputElement>('radio', /^Visa ending 4242/);
  expect(visa.checked, 'the default Visa is preselected').to.equal(true);
  click(await findButton('Make Payment'));
  await findByRole('heading', 'Payment received');
  const receipt = definition('Cash receipt') ?? '';
  expect(receipt).to.match(/^CR-\d{6}$/);
  return receipt;
}

describe('demo, worker workspace (end to end)', function () {
  this.timeout(120000);
  let demo: DemoPage;

  afterEach(() => closeDemo());

  it('pays two invoices (one partly) by bank account; the ERP imports and posts the receipt and balances drop', async () => {
    demo = await openDemo('index', 'worker');
    const { list } = demo;
    expect(queryByRole('heading', /^Invoices for/)).to.equal(null);
    await chooseAccount('Acme', ACME);
    await waitForListRow('INV-10421', '$734.90', '—');
    await waitForListRow('INV-10455', '$694.50', '—');

    await payNow('INV-10421');
    click(await findByRole('checkbox', 'Select invoice INV-10455'));
    const amount = await findByLabel('Payment amount for invoice INV-10455');
    expect(amount.value).to.equal('694.50');
    await typeInto(amount, '200.00');
    await press('Tab');
    expect((await findByLabel('Payment amount for invoice INV-10421')).value).to.equal('734.90');
    await waitFor(() => definition('Invoices') === '$934.90', 'totals with the partial amount');

    click(await findByRole('radio', 'Bank Account'));
    await waitFor(() => definition('Total') === '$934.90' && !definition('Card processing fee'), 'no card fee for a bank payment');
    click(await findButton('Enter Bank Info'));
    await findByRole('dialog', 'Enter Bank Info');
    await typeInto(await findByLabel('Name on account'), 'Acme Hardware Co.');
    await typeInto(await findByLabel('Routing number'), '110000000');
    await typeInto(await findByLabel('Account number'), '000123456789');
    await typeInto(await findByLabel('Confirm account number'), '000123456789');
    click(await findByRole('radio', 'Checking'));
    click(await findByRole('checkbox', /^I authorize this debit/));
    // The authorization names the amount and the account it debits.
    await findByText(/\$934\.90.*6789|6789.*\$934\.90/, 'p');
    click(await findByRole('checkbox', 'Save for future payments'));
    click(await findButton('Use this bank account'));
    await waitForGone('dialog', 'Enter Bank Info');

    const bank = await findByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 6789 (new)');
    expect(bank.checked).to.equal(true);
    await findByText('Will be saved for future payments.');
    await findByText('Debit authorization accepted for the account ending 6789.');
    await typeInto(await findByLabel<HTMLTextAreaElement>('Memo'), 'Per phone call with Pat, PO-7781');
    click(await findButton('Make Payment'));

    // The receipt.
    await findByRole('heading', 'Payment processing');
    const receipt = definition('Cash receipt') ?? '';
    expect(receipt).to.match(/^CR-\d{6}$/);
    expect(definition('Status')).to.match(/^Processing\b/);
    expect(definition('Payment method')).to.equal('STRIPE TEST BANK checking ending 6789');
    expect(cellText('INV-10421', 'Amount')).to.equal('$734.90');
    expect(cellText('INV-10455', 'Amount')).to.equal('$200.00');
    expect(cellText('Total', 'Amount')).to.equal('$934.90');
    await findByText('Memo: Per phone call with Pat, PO-7781', 'p');
    await findByText('Paid by Dana Worker on behalf of Acme Hardware Co.', 'p');
    await expect(list).to.be.accessible();

    // Back to the list: the two invoices show what is pending; balances are unchanged until posting.
    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10421', '$734.90', '$734.90');
    await waitForListRow('INV-10455', '$694.50', '$200.00');
    expect(cellText('INV-10467', 'Pending')).to.equal('—');
    await expect(list).to.be.accessible();

    // The ERP panel: the receipt is in the day's open batch, pending import.
    const erp = document.querySelector('demo-erp-panel');
    expect(erp?.shadowRoot).to.be.instanceOf(ShadowRoot);
    const erpRoot = erp!.shadowRoot!;
    await waitFor(() => cellText(receipt, 'Status', erpRoot) === 'Pending import', 'the receipt in the ERP batch');
    expect(cellText(receipt, 'Amount', erpRoot)).to.equal('$934.90');
    expect(cellText(receipt, 'Account', erpRoot)).to.equal('Acme Hardware Co.');
    await findByRole('heading', /^Batch CRB-\d{8} · Open · \$934\.90$/, { root: erpRoot });

    click(await findButton(/^Import batch CRB-\d{8}$/, { root: erpRoot }));
    await waitFor(() => cellText(receipt, 'Status', erpRoot) === 'Imported', 'the receipt imported');
    // Imported is not posted: balances and pending amounts stay.
    expect(cellText('INV-10455', 'Balance')).to.equal('$694.50');
    click(await findButton(/^Post batch CRB-\d{8}$/, { root: erpRoot }));
    await waitFor(() => cellText(receipt, 'Status', erpRoot) === 'Posted', 'the receipt posted');
    await findByText(/^Batch CRB-\d{8} posted\.$/, 'p', { root: erpRoot });

    // Posting reloads the list: balances dropped by exactly what was paid.
    await waitFor(() => cellText('INV-10421', 'Balance') === null, 'the fully paid INV-10421 leaves the open list');
    await waitForListRow('INV-10455', '$494.50', '—');
    expect(queryByRole('button', 'Pay Now invoice INV-10421')).to.equal(null);
    expect(cellText('INV-10467', 'Balance')).to.equal('$440.76');
    await findByText('5 invoices, page 1 of 1');

    const show = await findByLabel<HTMLSelectElement>('Show');
    show.value = 'paid';
    show.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => cellText('INV-10421', 'Status') === 'Paid', 'INV-10421 under Paid invoices');
    expect(cellText('INV-10421', 'Balance')).to.equal('$0.00');
    expect(cellText('INV-10421', 'Pending')).to.equal('—');

    // The store agrees: one payment, its receipt posted.
    const payments = demo.store.listPayments('C-1001');
    expect(payments).to.have.length(1);
    expect(payments[0]?.cashReceipt?.number).to.equal(receipt);
    expect(payments[0]?.cashReceipt?.status).to.equal('posted');

    // The saved bank account pays the next invoice; its authorization names this amount and account.
    show.value = 'open';
    show.dispatchEvent(new Event('change', { bubbles: true }));
    await payNow('INV-10467');
    click(await findByRole('radio', 'Bank Account'));
    click(await findByRole('radio', 'STRIPE TEST BANK checking ending 6789'));
    const mandate = await findByRole('region', 'Bank debit authorization');
    expect(visibleText(mandate)).to.contain('debit my bank account ending 6789 for the amount of $440.76 on');
    expect(visibleText(mandate)).to.not.match(/[{}]/);
    const consent = await findByRole<HTMLInputElement>('checkbox', /^I authorize a one-time debit of \$440\.76 from the bank account ending 6789/);
    const submit = queryByRole<HTMLButtonElement>('button', 'Make Payment');
    expect(submit?.disabled, 'Make Payment waits for the authorization').to.equal(true);
    click(consent);
    const recorder = recordPosts();
    try {
      click(await findButton('Make Payment'));
      await findByRole('heading', 'Payment processing');
    } finally {
      recorder.stop();
    }
    const sent = recorder.posts.filter((p) => /\/payments$/.test(p.path)).map((p) => p.body as PaymentRequest);
    expect(definition('Payment method')).to.equal('STRIPE TEST BANK checking ending 6789');
    expect(sent).to.have.length(1);
    expect(sent[0]?.achAuthorization?.text).to.contain('debit my bank account ending 6789 for the amount of $440.76 on');
    expect(sent[0]?.achAuthorization?.text).to.not.match(/[{}]/);
  });

  it('pays by the saved default Visa: the receipt shows Succeeded and the 3% card fee', async () => {
    demo = await openDemo('index', 'worker');
    await chooseAccount('Acme', ACME);
    await payNow('INV-10467');
    const card = await findByRole<HTMLInputElement>('radio', 'Credit or Debit Card');
    expect(card.checked, 'card is the default method').to.equal(true);
    expect(definition('Card processing fee')).to.equal('$13.22');
    expect(definition('Total')).to.equal('$453.98');

    await payWithDefaultCard();
    expect(definition('Status')).to.equal('Succeeded');
    expect(definition('Payment method')).to.equal('Visa ending 4242');
    expect(cellText('INV-10467', 'Amount')).to.equal('$440.76');
    expect(cellText('Card processing fee', 'Amount')).to.equal('$13.22');
    expect(cellText('Total', 'Amount')).to.equal('$453.98');
    await findByText('Paid by Dana Worker on behalf of Acme Hardware Co.', 'p');
    await expect(demo.list).to.be.accessible();
  });

  it('Globex Retail accepts cards only: Pay Now offers no Bank Account', async () => {
    demo = await openDemo('index', 'worker');
    await chooseAccount('Globex', 'Globex Retail (C-1002)');
    await waitForListRow('GX-5001', '$690.00', '—');
    await payNow('GX-5001');
    const card = await findByRole<HTMLInputElement>('radio', 'Credit or Debit Card');
    expect(card.checked).to.equal(true);
    expect(queryByRole('radio', 'Bank Account')).to.equal(null);
    expect(queryByRole('button', 'Enter Bank Info')).to.equal(null);
    await findByText('No saved methods. Enter new details below.', 'p');
    await findButton('Enter Card Info');
  });

  it('asks for confirmation before paying again an invoice with a pending amount', async () => {
    demo = await openDemo('index', 'worker');
    await chooseAccount('Acme', ACME);
    await payNow('INV-10455');
    await typeInto(await findByLabel('Payment amount for invoice INV-10455'), '200');
    await press('Tab');
    await waitFor(() => definition('Invoices') === '$200.00', 'the partial amount in the totals');
    await payWithDefaultCard();

    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10455', '$694.50', '$200.00');
    await payNow('INV-10455');
    // The form's row shows the open balance and what is already pending.
    const row = await waitFor(
      () => allByRole('row').find((r) => queryByRole('checkbox', 'Select invoice INV-10455', { root: r })),
      'the INV-10455 row of the form',
    );
    expect(visibleText(row)).to.match(/^INV-10455 .* \$694\.50 \$200\.00$/);
    expect((await findByLabel('Payment amount for invoice INV-10455')).value).to.equal('494.50');
    click(await findButton('Make Payment'));

    const confirm = await findByRole('alertdialog', 'Already pending');
    expect(confirm.textContent).to.contain('INV-10455 already has a pending payment of $200.00. Pay anyway?');
    expect(demo.store.listPayments('C-1001'), 'nothing is charged before confirming').to.have.length(1);
    await expect(demo.list).to.be.accessible();

    click(await findButton('Pay anyway'));
    await findByRole('heading', 'Payment received');
    expect(cellText('INV-10455', 'Amount')).to.equal('$494.50');
    expect(demo.store.listPayments('C-1001')).to.have.length(2);
  });

  it('keeps payments across a reload: pending amounts and the payment history come back', async () => {
    const storage = new MemoryStorage();
    demo = await openDemo('index', 'worker', storage);
    await chooseAccount('Acme', ACME);
    await payNow('INV-10467');
    const receipt = await payWithDefaultCard();
    await closeDemo();

    // "Reload": the same stored data, a fresh page and a fresh backend.
    demo = await openDemo('index', 'worker', storage);
    expect(queryByLabel('Search accounts')).to.not.equal(null);
    await chooseAccount('Acme', ACME);
    await waitForListRow('INV-10467', '$440.76', '$440.76');
    expect(cellText('INV-10421', 'Pending')).to.equal('—');

    click(await findButton('Payment history'));
    await findByRole('heading', 'Payment history');
    await waitFor(() => cellText(receipt, 'Amount') === '$453.98', 'the payment in the history');
    expect(cellText(receipt, 'Method')).to.equal('Visa ending 4242');
    expect(cellText(receipt, 'Invoices paid')).to.equal('INV-10467');
    expect(cellText(receipt, 'Status')).to.equal('Pending import');
    await expect(demo.list).to.be.accessible();
  });
});
