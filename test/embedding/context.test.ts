import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/pay-invoices.js';
import '../../src/define/invoice-list.js';
import { provideBackend, ensureContextRoot } from '../../src/elements/provide.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import type { PayInvoicesBackend } from '../../src/backend/types.js';
import { ACME, FakeBackend, inv } from '../elements/pay-invoices-fixtures.js';
import { FakeBackend as ListBackend } from '../elements/invoice-list-fixtures.js';

const WAIT = { timeout: 10000 };

/** A CRM vendor's component: renders the widget inside its own shadow root and provides the backend. */
class CrmInvoicesTab extends HTMLElement {
  static backend: PayInvoicesBackend | undefined;
  constructor() {
    super();
    provideBackend(this, CrmInvoicesTab.backend);
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<section><h2>Billing</h2><pay-invoices account="${ACME.id}"></pay-invoices></section>`;
  }
  get payInvoices(): PayInvoices {
    const el = this.shadowRoot?.querySelector('pay-invoices');
    if (!el) throw new Error('no pay-invoices');
    return el;
  }
}
customElements.define('crm-invoices-tab', CrmInvoicesTab);

const invoiceNumbers = (el: HTMLElement): string[] =>
  [...(el.shadowRoot?.querySelectorAll('[part~="invoice-row"]') ?? [])].map(
    (row) => /INV-\d+/.exec(row.textContent ?? '')?.[0] ?? '',
  );

/** Waits until the form lists exactly these invoices (in any order). */
async function loaded(el: PayInvoices, numbers: string[]): Promise<void> {
  const want = [...numbers].sort().join();
  await waitUntil(() => [...invoiceNumbers(el)].sort().join() === want, `expected invoices ${want}`, WAIT);
}

describe('provideBackend (a backend for a whole subtree)', () => {
  it('reaches <pay-invoices> inside the host element\'s own shadow root', async () => {
    const provided = new FakeBackend();
    CrmInvoicesTab.backend = provided;
    const tab = await fixture<CrmInvoicesTab>(html`<crm-invoices-tab></crm-invoices-tab>`);
    await loaded(tab.payInvoices, ['INV-1001', 'INV-1002', 'INV-1003']);
    expect(provided.listInvoiceCalls).to.be.above(0);
    expect(tab.payInvoices.backend).to.equal(undefined);
    await expect(tab.payInvoices).to.be.accessible();
  });

  it('an element\'s own .backend property overrides the provided one', async () => {
    const provided = new FakeBackend();
    const own = new FakeBackend({ invoices: [inv(7001)] });
    CrmInvoicesTab.backend = provided;
    const tab = document.createElement('crm-invoices-tab') as CrmInvoicesTab;
    tab.payInvoices.backend = own;
    await fixture(html`<div>${tab}</div>`);
    await loaded(tab.payInvoices, ['INV-7001']);
    expect(provided.listInvoiceCalls).to.equal(0);

    // Removing the property falls back to the provider.
    tab.payInvoices.backend = undefined;
    await loaded(tab.payInvoices, ['INV-1001', 'INV-1002', 'INV-1003']);
    expect(provided.listInvoiceCalls).to.be.above(0);
  });

  it('setBackend hands a new backend to the subtree, dispose withdraws it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provision = provideBackend(host, new FakeBackend());
    host.innerHTML = `<pay-invoices account="${ACME.id}"></pay-invoices>`;
    const el = host.querySelector('pay-invoices') as PayInvoices;
    await loaded(el, ['INV-1001', 'INV-1002', 'INV-1003']);

    provision.setBackend(new FakeBackend({ invoices: [inv(8001), inv(8002)] }));
    await loaded(el, ['INV-8001', 'INV-8002']);

    provision.dispose();
    await waitUntil(() => /not connected to a server/.test(el.shadowRoot?.textContent ?? ''), 'no fallback state', WAIT);
  });

  it('a provider created after the elements connected still reaches them', async () => {
    ensureContextRoot();
    const host = await fixture<HTMLDivElement>(html`<div><pay-invoices account=${ACME.id}></pay-invoices></div>`);
    const el = host.querySelector('pay-invoices') as PayInvoices;
    await waitUntil(() => /not connected to a server/.test(el.shadowRoot?.textContent ?? ''), 'no unconnected state', WAIT);
    provideBackend(host, new FakeBackend());
    await loaded(el, ['INV-1001', 'INV-1002', 'INV-1003']);
  });

  it('serves <invoice-list> and the <pay-invoices> it opens inside itself', async () => {
    const backend = new ListBackend();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideBackend(host, backend);
    const list = document.createElement('invoice-list') as InvoiceList;
    list.locale = 'en-US';
    host.append(list);
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="pay-now-button"]'), 'no Pay Now', WAIT);
    const before = backend.calls.length;
    list.shadowRoot?.querySelector<HTMLButtonElement>('[part~="pay-now-button"]')?.click();
    await waitUntil(() => list.shadowRoot?.querySelector('pay-invoices'), 'Pay Now did not open the form', WAIT);
    const inner = list.shadowRoot?.querySelector('pay-invoices') as PayInvoices;
    await waitUntil(() => inner.shadowRoot?.querySelector('[part="submit-button"]'), 'the form did not load', WAIT);
    expect(backend.calls.length).to.be.above(before);
  });
});
