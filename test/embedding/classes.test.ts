import { expect } from '@open-wc/testing';
import * as lib from '../../src/index.js';

// This page imports only the package's main entry (what `import { PayInvoices } from 'pay-invoices'` gets).
describe('the classes entry (bundler users)', () => {
  it('F35: exports the element classes and registers no tag', () => {
    for (const name of ['InvoiceList', 'InvoiceListHistory', 'PayInvoices', 'PayInvoicesSavedMethods', 'PaymentMethodModal', 'PaymentWalkthrough'] as const) {
      expect(lib[name], name).to.be.a('function');
    }
    for (const tag of ['invoice-list', 'invoice-list-history', 'pay-invoices', 'pay-invoices-saved-methods', 'payment-method-modal', 'payment-walkthrough']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('F35: an app may register a class under its own tag name', async () => {
    class AcmePay extends lib.PayInvoices {}
    lib.defineElement('acme-pay', AcmePay);
    const el = document.createElement('acme-pay');
    document.body.append(el);
    await (el as InstanceType<typeof AcmePay>).updateComplete;
    expect(el.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim()).to.equal('Make Online Payments');
    el.remove();
  });
});
