import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/define/define.js';

const TAGS = ['invoice-list', 'pay-invoices', 'payment-method-modal', 'payment-walkthrough'] as const;

/** Collects uncaught errors and rejections while `run` executes. */
async function uncaught(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const onError = (e: ErrorEvent) => seen.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return seen;
}

class Squatter extends HTMLElement {}

describe('guarded registration', () => {
  // Runs first, before anything registered the tags: another library owns one name already.
  it('F35: a name already taken with customElements.define does not stop the bundle', async () => {
    customElements.define('payment-walkthrough', Squatter);
    const errors = await uncaught(async () => {
      await import('../../src/pay-invoices.js');
      // <invoice-list> comes with the entry; the pay view's elements once the page is idle.
      await Promise.all(['pay-invoices', 'payment-method-modal'].map((tag) => customElements.whenDefined(tag)));
    });
    expect(errors).to.deep.equal([]);
    expect(customElements.get('payment-walkthrough')).to.equal(Squatter);
    for (const tag of ['invoice-list', 'pay-invoices', 'payment-method-modal']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });

  it('F35: importing the script-tag entry twice (and each define module again) throws nothing', async () => {
    const before = TAGS.map((t) => customElements.get(t));
    // Watch the guard being consulted, to be sure the modules really ran again.
    const asked: string[] = [];
    const get = customElements.get.bind(customElements);
    customElements.get = (name: string) => {
      asked.push(name);
      return get(name);
    };
    const errors = await uncaught(async () => {
      await import('../../src/pay-invoices.js');
      // A query string makes the browser evaluate the module again, as a second <script> would.
      await import('../../src/pay-invoices.js?copy=2' as string);
      await import('../../src/define/pay-invoices.js?copy=2' as string);
      await import('../../src/define/invoice-list.js?copy=2' as string);
      await import('../../src/define/payment-method-modal.js?copy=2' as string);
      await import('../../src/define/payment-walkthrough.js?copy=2' as string);
    }).finally(() => {
      customElements.get = get;
    });
    expect(errors).to.deep.equal([]);
    for (const tag of TAGS) expect(asked, `${tag} registered again`).to.include(tag);
    expect(TAGS.map((t) => customElements.get(t))).to.deep.equal(before);
  });

  it('F35: a second copy defining the same names with its own classes throws nothing; the first wins', async () => {
    const { PayInvoices } = await import('../../src/index.js');
    const original = customElements.get('pay-invoices');
    class CopyOfPayInvoices extends PayInvoices {}
    class CopyOfList extends HTMLElement {}
    expect(() => defineElement('pay-invoices', CopyOfPayInvoices)).not.to.throw();
    expect(() => defineElement('invoice-list', CopyOfList)).not.to.throw();
    expect(customElements.get('pay-invoices')).to.equal(original);
    // The first definition keeps working.
    const el = document.createElement('pay-invoices');
    expect(el).to.be.instanceOf(PayInvoices);
    expect(el).not.to.be.instanceOf(CopyOfPayInvoices);
  });

  it('F35: a class already registered under another name (a racing copy) is not an error', () => {
    const ctor = customElements.get('pay-invoices');
    if (!ctor) throw new Error('pay-invoices is not registered');
    // customElements.define would throw NotSupportedError here.
    expect(() => customElements.define('pay-invoices-alias', ctor)).to.throw();
    expect(() => defineElement('pay-invoices-alias', ctor)).not.to.throw();
    expect(customElements.get('pay-invoices-alias')).to.equal(undefined);
  });

  it('F35: an invalid name is still reported (the guard hides only duplicates)', () => {
    expect(() => defineElement('NotValid', class extends HTMLElement {})).to.throw();
  });
});
