/**
 * End to end, as the customer's contact in the demo portal (demo/contact.html): the account is
 * fixed, Pay Now, a new card entered in the modal, and the receipt.
 */
import { expect } from '@open-wc/testing';
import {
  cellText,
  click,
  definition,
  findButton,
  findByRole,
  findByText,
  queryByLabel,
} from './dom.js';
import { closeDemo, enterNewCard, openDemo, payNow, waitForListRow } from './demo-page.js';

describe('demo, customer portal (end to end)', function () {
  this.timeout(120000);

  afterEach(() => closeDemo());

  it('shows Acme’s invoices without an account search and pays one by a new card', async () => {
    const demo = await openDemo('contact', 'contact');
    await findByRole('heading', 'Invoices for Acme Hardware Co. (C-1001)');
    expect(queryByLabel('Search accounts'), 'no account search for a contact').to.equal(null);
    await waitForListRow('INV-10421', '$734.90', '—');
    await waitForListRow('INV-10472', '$438.00', '—');
    await findByText('6 invoices, page 1 of 1');
    await expect(demo.list).to.be.accessible();

    await payNow('INV-10472');
    await enterNewCard('5555 5555 5555 4444', 'Mastercard ending 4444 (new)');
    expect(definition('Card processing fee')).to.equal('$13.14');
    expect(definition('Total')).to.equal('$451.14');
    click(await findButton('Make Payment'));

    await findByRole('heading', 'Payment received');
    expect(definition('Cash receipt')).to.match(/^CR-\d{6}$/);
    expect(definition('Status')).to.equal('Succeeded');
    expect(definition('Payment method')).to.equal('Mastercard ending 4444');
    expect(cellText('INV-10472', 'Amount')).to.equal('$438.00');
    expect(cellText('Total', 'Amount')).to.equal('$451.14');
    await findByText('Paid by Pat Buyer', 'p');
    await expect(demo.list).to.be.accessible();

    click(await findButton('Back to invoices'));
    await waitForListRow('INV-10472', '$438.00', '$438.00');
  });
});
