/**
 * End to end, as the worker of the demo CRM (demo/index.html), through the real demo backend (msw)
 * and RestBackend: a new bank account saved for future payments that needs micro-deposits (shown
 * as awaiting verification, verified with the deposit code, then paid with), managing saved
 * methods, and a closed bank account that is processing first and returned when the ERP settles.
 */
import { expect } from '@open-wc/testing';
import {
  accessibleName,
  cellText,
  click,
  definition,
  findButton,
  findByLabel,
  findByRole,
  findByText,
  press,
  queryByRole,
  typeInto,
  waitFor,
  waitForGone,
} from './dom.js';
import { chooseAccount, closeDemo, openDemo, payNow, waitForListRow } from './demo-page.js';
import type { DemoPage } from './demo-page.js';
import { deepActiveElement } from '../../src/dom/focus.js';

const ACME = 'Acme Hardware Co. (C-1001)';
const ROUTING = '110000000';
/** The sandbox's micro-deposit account (src/core/test-cards.ts STRIPE_TEST_BANK_ACCOUNTS). */
const MICRODEPOSIT_ACCOUNT = '000987654321';
/** Stripe's test account that is returned as closed (R02) when it settles. */
const CLOSED_ACCOUNT = '000111111113';

/** "Enter Bank Info": a checking account typed on the keyboard, the debit authorized. */
async function enterBankAccount(account: string, save: boolean): Promise<void> {
  click(await findByRole('radio', 'Bank Account'));
  click(await findButton('Enter Bank Info'));
  await findByRole('dialog', 'Enter Bank Info');
  await typeInto(await findByLabel('Name on account'), 'Acme Hardware Co.');
  await typeInto(await findByLabel('Routing number'), ROUTING);
  await typeInto(await findByLabel('Account number'), account);
  await typeInto(await findByLabel('Confirm account number'), account);
  click(await findByRole('radio', 'Checking'));
  click(await findByRole('checkbox', /^I authorize this debit/));
  if (save) click(await findByRole('checkbox', 'Save for future payments'));
  click(await findButton('Use this bank account'));
  await waitForGone('dialog', 'Enter Bank Info');
}

describe('demo, saved payment methods and ACH verification (end to end)', function () {
  this.timeout(120000);
  let demo: DemoPage;

  afterEach(() => closeDemo());

  it('a new bank account saved for future payments awaits micro-deposits, is verified with its code, then pays', async () => {
    demo = await openDemo('index', 'worker');
    await chooseAccount('Acme', ACME);
    await payNow('INV-10467');
    await enterBankAccount(MICRODEPOSIT_ACCOUNT, true);
    const fresh = await findByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 4321 (new)');
    expect(fresh.checked).to.equal(true);
    await findByText('Will be saved for future payments.');
    // The panel's element loads on first use (this is the first test of the page): not before the
    // payment opens "Manage saved methods" below.
    expect(typeof customElements.get('pay-invoices-saved-methods'), 'registered before use').to.equal('undefined');
    click(await findButton('Make Payment'));

    // Not paid: saved, awaiting verification, and the way to verify it is open.
    const message = await findByText(/^The bank account ending 4321 is saved but must be verified/);
    expect(message.textContent).to.contain('Nothing was charged.');
    expect(demo.store.listPayments('C-1001')).to.deep.equal([]);
    const pending = await findByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 4321 Awaiting verification');
    expect(pending.disabled, 'not selectable before verification').to.equal(true);
    expect(queryByRole('radio', /\(new\)$/)).to.equal(null);
    const manage = await findButton('Manage saved methods');
    expect(manage.getAttribute('aria-expanded')).to.equal('true');
    await findByRole('heading', 'Saved payment methods');
    await findByText('STRIPE TEST BANK checking ending 4321 Awaiting verification', '.summary');
    expect(queryByRole('button', 'Make default: STRIPE TEST BANK checking ending 4321'), 'cannot be the default yet').to.equal(null);
    expect(demo.store.listPaymentMethods('C-1001').find((m) => m.summary.last4 === '4321')).to.include({
      verification: 'pending_microdeposits',
      isDefault: false,
    });
    await expect(demo.list).to.be.accessible();

    // Verify: the code from the deposit's description, typed in lower case with spaces around it.
    click(await findButton('Verify STRIPE TEST BANK checking ending 4321'));
    const code = await findByLabel('Deposit code');
    await expect(demo.list).to.be.accessible();
    await typeInto(code, ' sm11aa ');
    await press('Enter');
    await findByText('STRIPE TEST BANK checking ending 4321 is verified and can be used for payments.');
    await findByText('STRIPE TEST BANK checking ending 4321', '.summary');
    expect(demo.store.listPaymentMethods('C-1001').find((m) => m.summary.last4 === '4321')?.verification).to.equal('verified');

    // Selectable now: pay with it.
    const verified = await waitFor(() => {
      const r = queryByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 4321');
      return r && !r.disabled ? r : null;
    }, 'the verified account is selectable');
    click(verified);
    click(await findByRole('checkbox', /^I authorize a one-time debit of \$440\.76 from the bank account ending 4321/));
    click(await findButton('Make Payment'));
    await findByRole('heading', 'Payment processing');
    expect(definition('Payment method')).to.equal('STRIPE TEST BANK checking ending 4321');
    expect(definition('Status')).to.match(/^Processing\b/);
    const payments = demo.store.listPayments('C-1001');
    expect(payments.map((p) => [p.status, p.methodSummary.last4])).to.deep.equal([['processing', '4321']]);
  });

  it('manages saved methods: makes the bank account the default, removes the Visa after confirming', async () => {
    demo = await openDemo('index', 'worker');
    demo.store.addPaymentMethod('C-1001', {
      token: 'pm_usBankAccount_success',
      summary: { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' },
      makeDefault: false,
    });
    await chooseAccount('Acme', ACME);
    await payNow('INV-10467');

    // Keyboard: open the panel, make the bank account the default.
    const manage = await findButton('Manage saved methods');
    manage.focus();
    await press('Enter');
    await findByRole('heading', 'Saved payment methods');
    (await findButton('Make default: STRIPE TEST BANK checking ending 6789')).focus();
    await press('Enter');
    await findByText('STRIPE TEST BANK checking ending 6789 is now the default payment method.');
    await findByText('STRIPE TEST BANK checking ending 6789 Default', '.summary');
    expect(demo.store.listPaymentMethods('C-1001').find((m) => m.isDefault)?.summary.last4).to.equal('6789');
    // The expired Mastercard cannot be made the default.
    await findByText(/^Mastercard ending 4444, expires \d{2}\/\d{4} Expired$/, '.summary');
    expect(queryByRole('button', /^Make default: Mastercard/)).to.equal(null);

    // Remove the Visa: confirm first.
    (await findButton('Remove Visa ending 4242')).focus();
    await press('Enter');
    const confirm = await findByRole('alertdialog', 'Remove Visa ending 4242?');
    await expect(demo.list).to.be.accessible();
    const focused = deepActiveElement();
    expect(focused && confirm.contains(focused), 'focus moved into the confirmation').to.equal(true);
    expect(focused && accessibleName(focused)).to.equal('Remove');
    await press('Enter');
    await findByText('Visa ending 4242 was removed.');
    await waitForGone('radio', /^Visa ending 4242/);
    expect(demo.store.listPaymentMethods('C-1001').map((m) => m.summary.last4)).to.deep.equal(['4444', '6789']);

    // The default bank account is preselected for a bank payment.
    click(await findByRole('radio', 'Bank Account'));
    const bank = await findByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 6789 Default');
    expect(bank.checked).to.equal(true);
    await expect(demo.list).to.be.accessible();
  });

  it('a closed bank account: processing first; the ERP settles it as failed, the invoice is open again in full', async () => {
    demo = await openDemo('index', 'worker');
    await chooseAccount('Acme', ACME);
    await waitForListRow('INV-10455', '$694.50', '—');
    await payNow('INV-10455');
    await enterBankAccount(CLOSED_ACCOUNT, false);
    expect((await findByRole<HTMLInputElement>('radio', 'STRIPE TEST BANK checking ending 1113 (new)')).checked).to.equal(true);
    click(await findButton('Make Payment'));
    await findByRole('heading', 'Payment processing');
    const receipt = definition('Cash receipt') ?? '';
    expect(receipt).to.match(/^CR-\d{6}$/);
    expect(definition('Status')).to.match(/^Processing\b/);

    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10455', '$694.50', '$694.50');

    // The ERP settles ACH payments: the bank returns this one (account closed).
    const erpRoot = document.querySelector('demo-erp-panel')!.shadowRoot!;
    await waitFor(() => cellText(receipt, 'Status', erpRoot) === 'Pending import', 'the receipt in the ERP batch');
    click(await findButton('Settle ACH payments', { root: erpRoot }));
    await findByText('Processing ACH payments settled.', 'p', { root: erpRoot });
    await waitFor(() => cellText(receipt, 'Status', erpRoot) === 'Reversed', 'the receipt reversed');
    expect(demo.store.listPayments('C-1001').map((p) => [p.status, p.failureCode])).to.deep.equal([['failed', 'account_closed']]);

    // The pending amount is released: open again with its full balance.
    await waitForListRow('INV-10455', '$694.50', '—');

    // The history shows the payment failed and its receipt reversed.
    click(await findButton('Payment history'));
    await findByRole('heading', 'Payment history');
    await waitFor(() => cellText(receipt, 'Status') === 'Reversed · Failed', 'the failed payment in the history');
    expect(cellText(receipt, 'Method')).to.equal('Checking ending 1113');
    await expect(demo.list).to.be.accessible();
  });
});
