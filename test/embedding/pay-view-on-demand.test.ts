/**
 * The pay view loads on demand. `<invoice-list>` fetches `<pay-invoices>` on the first Pay Now:
 * while it loads, a focused, announced progress line; when it cannot be loaded, an alert with
 * "Try again" and "Back". The script-tag bundle registers the pay view's elements as soon as a page
 * uses them (in the document now, or added later), and otherwise once the page is idle
 * (`defineOnDemand`), so tags inside a host's shadow root are registered too.
 *
 * This page imports only src/define/invoice-list.ts: nothing else registers `<pay-invoices>`.
 * Elements are compared as booleans: a failing `expect(element).to.equal(…)` makes the runner lose
 * the browser instead of reporting the failure.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/invoice-list.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { setElementLoader } from '../../src/elements/element-loader.js';
import { chunkFetchError, heldLoader, type HeldLoader } from './held-loader.js';
import { defineOnDemand } from '../../src/define/on-demand.js';
import { ACME, FakeBackend, button, root, textOf } from '../elements/invoice-list-fixtures.js';

const WAIT = { timeout: 10000 };

/** The element's fetch, held until the test releases or fails it. */
const heldFetch = (): HeldLoader => heldLoader(() => import('../../src/elements/pay-invoices/pay-invoices.js').then((m) => m.PayInvoices));

async function mountList(): Promise<InvoiceList> {
  const el = await fixture<InvoiceList>(html`<invoice-list .backend=${new FakeBackend()} account=${ACME.id} locale="en-US"></invoice-list>`);
  await waitUntil(() => root(el).querySelector('table[part="table"] tbody tr'), 'the list did not load', WAIT);
  return el;
}

const payLoad = (el: InvoiceList): HTMLElement | null => root(el).querySelector<HTMLElement>('.pay-load');
const hasPayView = (el: InvoiceList): boolean => root(el).querySelector('pay-invoices') !== null;

describe('<invoice-list> fetches the pay view on the first Pay Now', function () {
  this.timeout(60000);
  afterEach(() => setElementLoader('pay-invoices', null));

  // One flow: a registered tag cannot be removed, so the failure comes before the success.
  it('progress line, failure (alert, Back, Try again), Back while loading, then the pay view — focus and axe at each step', async () => {
    expect(typeof customElements.get('pay-invoices'), 'registered up front').to.equal('undefined');
    const first = heldFetch();
    setElementLoader('pay-invoices', first.loader);
    const el = await mountList();
    // Focus on (or a pointer over) a Pay Now button starts the fetch; the click waits for the same one.
    const payNow = button(root(el), 'Pay Now invoice INV-1002');
    expect(first.calls(), 'nothing fetched before').to.equal(0);
    const details = button(root(el), 'Details for invoice INV-1002');
    expect(details, 'a Details button').to.exist;
    details?.focus();
    expect(root(el).activeElement === details, 'focus on Details').to.equal(true);
    expect(first.calls(), 'focus elsewhere in the table').to.equal(0);
    expect(payNow, 'a Pay Now button').to.exist;
    payNow?.focus();
    expect(first.calls(), 'fetched on focus').to.equal(1);
    payNow?.click();
    await el.updateComplete;

    // Loading: a focused progress line under the pay view's heading, the list gone.
    let line = payLoad(el);
    expect(line?.getAttribute('role')).to.equal('status');
    expect(textOf(line)).to.equal('Loading the payment form…');
    expect(root(el).activeElement === line, 'focus on the progress line').to.equal(true);
    expect(textOf(root(el).querySelector('h2'))).to.equal('Make Online Payments');
    expect(root(el).querySelector('section')?.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('table') === null, 'the list is gone').to.equal(true);
    expect(first.calls()).to.equal(1);
    expect(button(root(el), 'Back'), 'a way back while it loads').to.exist;
    await expect(el).to.be.accessible();

    // The fetch fails: a focused alert saying so, with Try again and Back.
    first.fail();
    await waitUntil(() => payLoad(el)?.getAttribute('role') === 'alert', 'no alert', WAIT);
    await el.updateComplete;
    const alert = payLoad(el);
    expect(textOf(alert?.querySelector('p'))).to.equal('The payment form could not be loaded. Check your connection, then try again.');
    expect(root(el).activeElement === alert, 'focus on the alert').to.equal(true);
    expect(root(el).querySelector('section')?.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    // Back: the list again, focus on its heading.
    button(root(el), 'Back')?.click();
    await waitUntil(() => root(el).querySelector('table[part="table"] tbody tr'), 'the list did not come back', WAIT);
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('list-heading');

    // Pay Now again fails again (the failed load is not cached: a new attempt)…
    const second = heldFetch();
    setElementLoader('pay-invoices', second.loader);
    button(root(el), 'Pay Now invoice INV-1002')?.click();
    await el.updateComplete;
    expect(second.calls()).to.equal(1);
    second.fail();
    await waitUntil(() => payLoad(el)?.getAttribute('role') === 'alert', 'no alert the second time', WAIT);

    // …Try again: the progress line again, and Back while it loads leaves the list in place even
    // when the code arrives afterwards.
    const third = heldFetch();
    setElementLoader('pay-invoices', third.loader);
    button(root(el), 'Try again')?.click();
    await el.updateComplete;
    line = payLoad(el);
    expect(line?.getAttribute('role')).to.equal('status');
    expect(third.calls()).to.equal(1);
    button(root(el), 'Back')?.click();
    await waitUntil(() => root(el).querySelector('table[part="table"] tbody tr'), 'the list did not come back', WAIT);
    third.release();
    await customElements.whenDefined('pay-invoices');
    await el.updateComplete;
    expect(hasPayView(el), 'no pay view after Back').to.equal(false);
    expect(root(el).activeElement?.id).to.equal('list-heading');

    // Registered now: the next Pay Now shows the pay view at once, with the pressed invoice, focused.
    button(root(el), 'Pay Now invoice INV-1002')?.click();
    await el.updateComplete;
    const pay = root(el).querySelector('pay-invoices') as (HTMLElement & { selectedInvoiceIds?: string[] }) | null;
    expect(pay !== null, 'the pay view at once').to.equal(true);
    expect(pay?.selectedInvoiceIds).to.deep.equal(['inv-1002']);
    expect(root(el).activeElement === pay, 'focus on the pay view').to.equal(true);
    expect(payLoad(el) === null, 'no progress line').to.equal(true);
    // The pay view registered the modal and the guide it renders.
    expect(customElements.get('payment-method-modal'), 'payment-method-modal').to.be.a('function');
    expect(customElements.get('payment-walkthrough'), 'payment-walkthrough').to.be.a('function');
  });
});

/** Collects console.error calls until `restore()` (the failures defineOnDemand reports). */
function captureConsoleErrors(): { errors: unknown[][]; restore: () => void } {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  return { errors, restore: () => (console.error = original) };
}

describe('defineOnDemand (the script-tag bundle\'s registration of the pay view)', () => {
  let n = 0;
  /**
   * A fresh tag with a loader that counts calls and registers a plain element, or fails while
   * `failing` (or for its first `failFirst` calls).
   */
  function tag(failFirst = 0): { name: string; calls: () => number; failing: (on: boolean) => void } {
    const name = `x-on-demand-${++n}`;
    let calls = 0;
    let fail = false;
    setElementLoader(name, async () => {
      calls++;
      if (fail || calls <= failFirst) throw chunkFetchError();
      return class extends HTMLElement {};
    });
    return { name, calls: () => calls, failing: (on) => (fail = on) };
  }

  /** `<name>` inside the open shadow root of a `<div>` on the page (where no document observer sees it). */
  function inShadowRoot(name: string): { host: HTMLElement; el: HTMLElement } {
    const host = document.createElement('div');
    const el = document.createElement(name);
    host.attachShadow({ mode: 'open' }).append(el);
    document.body.append(host);
    return { host, el };
  }

  it('fetches a tag the document uses at once, a tag added later when it is added, and one inside a shadow root when the page is idle', async () => {
    const inDocument = tag();
    const later = tag();
    const shadowed = tag();
    const present = document.createElement(inDocument.name);
    document.body.append(present);
    const { host } = inShadowRoot(shadowed.name);
    try {
      defineOnDemand([inDocument.name, later.name, shadowed.name]);
      // Synchronously: only the tag the document uses.
      expect([inDocument.calls(), later.calls(), shadowed.calls()]).to.deep.equal([1, 0, 0]);

      const added = document.createElement('section');
      added.append(document.createElement(later.name));
      document.body.append(added);
      await Promise.resolve(); // the document observer runs before any task (the idle fetch is one)
      expect(later.calls(), 'added to the document').to.equal(1);
      expect(shadowed.calls(), 'not before the page is idle').to.equal(0);

      await waitUntil(() => customElements.get(shadowed.name), 'the shadow-root tag was never registered', WAIT);
      expect([inDocument.calls(), later.calls(), shadowed.calls()]).to.deep.equal([1, 1, 1]);
      for (const t of [inDocument, later, shadowed]) expect(customElements.get(t.name), t.name).to.be.a('function');
      added.remove();
    } finally {
      present.remove();
      host.remove();
    }
  });

  it('a page whose load event never comes (a hanging image) still gets its shadow-root tags after the load wait', async () => {
    const shadowed = tag();
    const { host } = inShadowRoot(shadowed.name);
    // This page loaded long ago: make it look like one still waiting for its load event.
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
    try {
      defineOnDemand([shadowed.name], { loadWaitMs: 100 });
      await new Promise((r) => setTimeout(r, 30));
      expect(shadowed.calls(), 'not before the load wait is over').to.equal(0);
      await waitUntil(() => customElements.get(shadowed.name), 'the idle fetch waited for a load event that never came', WAIT);
      expect(shadowed.calls()).to.equal(1);
    } finally {
      delete (document as { readyState?: unknown }).readyState;
      host.remove();
    }
  });

  it('reports a failed fetch on the console and tries again when the tag is next used', async () => {
    const t = tag();
    t.failing(true);
    const { errors, restore } = captureConsoleErrors();
    const first = document.createElement(t.name);
    const second = document.createElement(t.name);
    try {
      document.body.append(first);
      defineOnDemand([t.name], { retryDelaysMs: [] }); // no timed retries here: the next use retries
      // Two attempts fail: the one for the tag in the document, and the idle fetch.
      await waitUntil(() => errors.length === 2, 'the failures were not reported', WAIT);
      for (const [message] of errors) expect(String(message)).to.contain(`<${t.name}> could not be loaded`);
      expect(t.calls()).to.equal(2);
      expect(customElements.get(t.name)).to.equal(undefined);

      t.failing(false);
      document.body.append(second);
      await waitUntil(() => customElements.get(t.name), 'not tried again', WAIT);
      expect(t.calls()).to.equal(3);
      expect(second.matches(':defined'), 'upgraded').to.equal(true);
    } finally {
      restore();
      first.remove();
      second.remove();
    }
  });

  it('a tag only a shadow root uses: after a failed idle fetch, tried again after the delays, then when the browser is back online', async () => {
    const t = tag(2);
    const { host, el: inShadow } = inShadowRoot(t.name);
    const { errors, restore } = captureConsoleErrors();
    try {
      defineOnDemand([t.name], { retryDelaysMs: [30] });
      // The idle fetch fails, the one retry fails too…
      await waitUntil(() => t.calls() === 2 && errors.length === 2, 'not tried again after the delay', WAIT);
      await new Promise((r) => setTimeout(r, 200));
      expect(t.calls(), 'no retries beyond the delays given').to.equal(2);
      expect(customElements.get(t.name)).to.equal(undefined);
      // …and coming back online tries once more, which works.
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => customElements.get(t.name), 'not tried again when back online', WAIT);
      expect(t.calls()).to.equal(3);
      expect(inShadow.matches(':defined'), 'upgraded in its shadow root').to.equal(true);
    } finally {
      restore();
      host.remove();
    }
  });
});
