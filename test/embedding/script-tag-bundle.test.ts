/**
 * The built script-tag bundle (dist/pay-invoices.js, built by `npm test` before the run), loaded as
 * a host page loads it: it registers `<invoice-list>` at once and the pay view's elements from
 * their own files (at idle here), its first load holds no card or bank entry code, and the
 * on-demand chunks are fetched relative to the bundle when a payer opens entry (or "Manage saved
 * methods", whose element the form loads and registers on first use).
 * Nothing from src/ is registered on this page: every element here comes from the bundle.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ACME, BASE, demoBackend, enterCard, need, squash, waitForReceipt, waitLoaded } from '../faults/helpers.js';

const TAGS = ['invoice-list', 'pay-invoices', 'payment-method-modal', 'payment-walkthrough'];
const BUNDLE = new URL('../../dist/pay-invoices.js', import.meta.url).href;

/** Scripts this page fetched from the bundle's folder (its first load and chunks). */
const fetchedFromDist = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('/dist/pay-invoices'))
    .map((name) => new URL(name).pathname.replace(/^.*\/dist\//, ''));

type Bundle = Record<string, unknown> & {
  RestBackend: new (options: Record<string, unknown>) => unknown;
};

describe('the built script-tag bundle', () => {
  let bundle: Bundle;
  let registeredAtLoad: string[];
  let firstLoad: string[];
  before(async () => {
    bundle = (await import(BUNDLE)) as Bundle;
    // Before any task can run (the idle fetch needs one): what the bundle's first load gave.
    registeredAtLoad = TAGS.filter((tag) => customElements.get(tag));
    firstLoad = fetchedFromDist();
  });

  it('registers <invoice-list> at once and the pay view\'s three elements from their own files when the page is idle', async function () {
    this.timeout(30000);
    expect(registeredAtLoad).to.deep.equal(['invoice-list']);
    expect(firstLoad).to.include('pay-invoices.js');
    const payViewFiles = (files: string[]): string[] => files.filter((f) => /^pay-invoices-chunks\/(pay-invoices|payment-method-modal|payment-walkthrough)-/.test(f));
    expect(payViewFiles(firstLoad), 'pay view code in the first load').to.deep.equal([]);
    // No page uses them here: the idle fetch registers them all the same.
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
    expect(payViewFiles(fetchedFromDist()).map((f) => f.replace(/-[\w-]{8}\.js$/, '')).sort()).to.deep.equal([
      'pay-invoices-chunks/pay-invoices',
      'pay-invoices-chunks/payment-method-modal',
      'pay-invoices-chunks/payment-walkthrough',
    ]);
  });

  it('exports the host API, with deferred collectors only', async () => {
    // loadElement: what a host awaits for a tag inside its own shadow root.
    const loadElement = bundle.loadElement as (tag: string) => Promise<void>;
    for (const tag of TAGS) {
      await loadElement(tag);
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    for (const name of ['RestBackend', 'provideBackend', 'registerMessages', 'loadElement', 'deferredStripeCollector', 'deferredSandboxCollector', 'CollectorError']) {
      expect(bundle[name], name).to.be.a('function');
    }
    // The collector classes would pull card and bank entry into the first load.
    expect(bundle.SandboxCollector).to.equal(undefined);
    expect(bundle.StripeCollector).to.equal(undefined);
    // So would the pay view's classes (the package entry exports them all).
    for (const name of ['PayInvoicesSavedMethods', 'PayInvoices', 'PaymentMethodModal', 'PaymentWalkthrough']) {
      expect(typeof bundle[name], name).to.equal('undefined');
    }
  });

  it('loads "Manage saved methods" on first use: a chunk from beside the bundle, registered when the panel opens', async function () {
    this.timeout(30000);
    const savedMethodsFiles = (): string[] => fetchedFromDist().filter((f) => /saved-methods/.test(f));
    expect(savedMethodsFiles(), 'in the first load').to.deep.equal([]);
    expect(typeof customElements.get('pay-invoices-saved-methods'), 'registered up front').to.equal('undefined');

    const { net } = demoBackend();
    const backend = new bundle.RestBackend({ baseUrl: BASE, headers: { 'X-Demo-Viewer': 'contact' }, fetch: net.fetch, sleep: async () => {} });
    const el = await fixture(html`<pay-invoices account=${ACME} .backend=${backend}></pay-invoices>`);
    await waitLoaded(el);
    expect(savedMethodsFiles(), 'before the panel opens').to.deep.equal([]);
    expect(typeof customElements.get('pay-invoices-saved-methods'), 'before the panel opens').to.equal('undefined');

    need<HTMLButtonElement>(el, 'Manage saved methods').click();
    await waitUntil(
      () => el.shadowRoot?.querySelector('pay-invoices-saved-methods')?.shadowRoot?.querySelector('li'),
      'the saved methods are not listed',
      { timeout: 8000 },
    );
    expect(customElements.get('pay-invoices-saved-methods')).to.be.a('function');
    const chunks = savedMethodsFiles();
    expect(chunks).to.have.length(1);
    expect(chunks[0]).to.match(/^pay-invoices-chunks\/saved-methods-[\w-]+\.js$/);
  });

  it('loads no entry code until a payer opens entry; then the chunk comes from beside the bundle and a card payment completes', async function () {
    this.timeout(30000);
    const firstLoad = fetchedFromDist();
    expect(firstLoad).to.include('pay-invoices.js');
    expect(firstLoad.filter((f) => /collector/.test(f)), 'entry code in the first load').to.deep.equal([]);

    const { net } = demoBackend();
    const backend = new bundle.RestBackend({ baseUrl: BASE, headers: { 'X-Demo-Viewer': 'contact' }, fetch: net.fetch, sleep: async () => {} });
    const el = await fixture(html`<pay-invoices account=${ACME} .backend=${backend} .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`);
    await waitLoaded(el);
    expect(fetchedFromDist().filter((f) => /collector/.test(f)), 'entry code before entry').to.deep.equal([]);

    need(el, 'Credit or Debit Card').click();
    await enterCard(el, '4242424242424242');
    const chunks = fetchedFromDist().filter((f) => /collector/.test(f));
    expect(chunks).to.have.length(1);
    expect(chunks[0]).to.match(/^pay-invoices-chunks\/sandbox-collector-[\w-]+\.js$/);

    await waitUntil(() => need(el, /ending 4242 \(new\)$/).checked, 'the new card is not selected', { timeout: 8000 });
    need<HTMLButtonElement>(el, 'Make Payment').click();
    expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment received');
  });
});
