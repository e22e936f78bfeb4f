/**
 * A host that registered the saved-methods class under a tag of its own before the form loaded it
 * (`defineElement('acme-saved-methods', PayInvoicesSavedMethods)` from the package entry): the form
 * still gets a working `<pay-invoices-saved-methods>` (a subclass under its own tag) when the panel
 * opens. A page of its own, so that nothing else registers the form's tag first.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ACME, FakeBackend } from '../elements/pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { PayInvoicesSavedMethods, defineElement } from '../../src/index.js';
import '../../src/define/pay-invoices.js';

const TAG = 'pay-invoices-saved-methods';

describe('"Manage saved methods" when the host registered the class under its own name', () => {
  it('the form registers a subclass under its tag when the panel opens; the host tag keeps working', async () => {
    defineElement('acme-saved-methods', PayInvoicesSavedMethods);
    expect(typeof customElements.get(TAG), 'before the panel opens').to.equal('undefined');

    const el = await fixture<PayInvoices>(html`<pay-invoices account=${ACME.id} .backend=${new FakeBackend()}></pay-invoices>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="manage-methods-button"]'), 'the form', { timeout: 10000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="manage-methods-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector(TAG)?.shadowRoot?.querySelector('li'), 'the saved methods', {
      timeout: 10000,
    });

    const ctor = customElements.get(TAG);
    expect(typeof ctor).to.equal('function');
    expect(ctor === PayInvoicesSavedMethods, 'a class registers under one name only').to.equal(false);
    expect(el.shadowRoot!.querySelector(TAG) instanceof PayInvoicesSavedMethods, 'a PayInvoicesSavedMethods').to.equal(true);
    expect(el.shadowRoot!.querySelector(TAG)!.hidden).to.equal(false);
    expect(customElements.get('acme-saved-methods') === PayInvoicesSavedMethods, 'the host tag is untouched').to.equal(true);
    await expect(el).to.be.accessible();
  });
});
