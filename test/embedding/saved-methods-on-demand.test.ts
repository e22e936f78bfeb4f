/**
 * "Manage saved methods" loads its element on first use: `<pay-invoices-saved-methods>` is neither
 * fetched nor registered until the payer opens the panel; while it loads, the panel shows and
 * announces it; when it cannot be loaded, an alert says so with "Try again". Focus stays on the
 * button throughout, as when the element is there already.
 *
 * This page imports only src/define/pay-invoices.ts (and the fake backend): nothing else registers
 * the element, so the first load here is the form's own. The tests run in order: the element stays
 * registered once a test has loaded it. Elements and classes are compared as booleans: a failing
 * `expect(element).to.equal(…)` makes the runner lose the browser instead of reporting the failure.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement as deepActive } from '../../src/dom/focus.js';
import { FakeBackend } from '../elements/pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { setElementLoader } from '../../src/elements/element-loader.js';
import { heldLoader, type HeldLoader } from './held-loader.js';
import '../../src/define/pay-invoices.js';
import { mountPayInvoices, root, squash as collapse } from '../elements/pay-invoices-dom.js';

const TAG = 'pay-invoices-saved-methods';
const WAIT = { timeout: 10000 };

const mount = (): Promise<PayInvoices> => mountPayInvoices(new FakeBackend(), { selected: ['inv-1003'] });

function manageButton(el: PayInvoices): HTMLButtonElement {
  const b = root(el).querySelector<HTMLButtonElement>('[part~="manage-methods-button"]');
  if (!b) throw new Error('no "Manage saved methods" button');
  expect(collapse(b.textContent)).to.equal('Manage saved methods');
  return b;
}

/** What the button's aria-controls points at. */
function panel(el: PayInvoices): HTMLElement {
  const id = manageButton(el).getAttribute('aria-controls') ?? '';
  const p = root(el).getElementById(id);
  if (!p) throw new Error(`no #${id}`);
  return p;
}

/** The form's status region (polite live region). */
function announced(el: PayInvoices): string {
  const region = [...root(el).children].find((c) => c.getAttribute('role') === 'status');
  if (!region) throw new Error('no status region');
  return collapse(region.textContent);
}

/** Scripts this page fetched from src/ whose path names the saved-methods code or its messages. */
const savedMethodsFetched = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.includes('/src/') && p.includes('saved-methods'));

/** The element's fetch, held until the test releases or fails it. */
const heldFetch = (): HeldLoader => heldLoader(() => import('../../src/elements/pay-invoices/saved-methods.js').then((m) => m.PayInvoicesSavedMethods));

describe('"Manage saved methods" loads its element on first use', function () {
  this.timeout(60000);

  afterEach(() => setElementLoader(TAG, null));

  it('is not fetched or registered before the panel opens', async () => {
    const el = await mount();
    expect(customElements.get('pay-invoices'), 'the form is registered').to.be.a('function');
    expect(typeof customElements.get(TAG), TAG).to.equal('undefined');
    expect(savedMethodsFetched(), 'saved-methods code fetched').to.deep.equal([]);
    const button = manageButton(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(root(el).querySelector(TAG) === null, 'no element rendered').to.equal(true);
    // The button still controls an element of the form: an empty, hidden panel.
    expect(panel(el).hidden).to.equal(true);
    expect(collapse(panel(el).textContent)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('while it loads: a visible, announced progress line; when it fails: an alert with Try again (axe in both)', async () => {
    const held = heldFetch();
    setElementLoader(TAG, held.loader);
    const el = await mount();
    const button = manageButton(el);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // Loading.
    expect(held.calls()).to.equal(1);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    const loading = panel(el);
    expect(loading.hidden).to.equal(false);
    expect(loading.checkVisibility(), 'the progress line is visible').to.equal(true);
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(collapse(loading.textContent)).to.equal('Loading saved payment methods…');
    expect(loading.querySelector('.spinner')?.getAttribute('aria-hidden')).to.equal('true');
    expect(announced(el)).to.equal('Loading saved payment methods…');
    expect(deepActive() === button, 'focus stays on the button').to.equal(true);
    await expect(el).to.be.accessible();

    // Pressing the button again while it loads closes the panel; opening it again waits for the same load.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el).hidden).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(collapse(panel(el).textContent)).to.equal('Loading saved payment methods…');
    expect(held.calls(), 'one load at a time').to.equal(1);

    // The chunk cannot be fetched.
    held.fail();
    await waitUntil(() => panel(el).querySelector('[role="alert"]'), 'the load error', WAIT);
    await el.updateComplete;
    const alert = panel(el).querySelector('[role="alert"]')!;
    expect(collapse(alert.querySelector('p')?.textContent)).to.equal(
      'Your saved payment methods could not be loaded. Check your connection, then try again.',
    );
    expect(collapse(alert.querySelector('button')?.textContent)).to.equal('Try again');
    expect(panel(el).getAttribute('aria-busy')).to.equal('false');
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(announced(el), 'the status region no longer says loading').to.equal('');
    expect(root(el).querySelector(TAG) === null, 'no element rendered').to.equal(true);
    expect(typeof customElements.get(TAG)).to.equal('undefined');
    expect(deepActive() === button, 'focus stays on the button').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Try again loads it: the panel appears with focus on the button; later opens are immediate', async () => {
    const failing = heldFetch();
    setElementLoader(TAG, failing.loader);
    failing.fail();
    const el = await mount();
    const button = manageButton(el);
    button.click();
    await waitUntil(() => panel(el).querySelector('[role="alert"]'), 'the load error', WAIT);
    await el.updateComplete;

    // Keyboard: Tab from the button to "Try again", press it.
    const held = heldFetch();
    setElementLoader(TAG, held.loader);
    button.focus();
    const retry = panel(el).querySelector<HTMLButtonElement>('[role="alert"] button')!;
    for (let i = 0; i < 10 && deepActive() !== retry; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive() === retry, 'Tab reaches Try again').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(held.calls()).to.equal(1);
    expect(collapse(panel(el).textContent)).to.equal('Loading saved payment methods…');
    expect(announced(el)).to.equal('Loading saved payment methods…');
    expect(deepActive() === button, 'focus back on the button, not lost with Try again').to.equal(true);
    await expect(el).to.be.accessible();

    held.release();
    await waitUntil(() => root(el).querySelector(TAG), 'the panel', WAIT);
    await el.updateComplete;
    const m = root(el).querySelector(TAG)!;
    await m.updateComplete;
    expect(customElements.get(TAG), 'registered by the form').to.be.a('function');
    expect(m instanceof customElements.get(TAG)!, 'upgraded').to.equal(true);
    expect(panel(el) === m, 'the button controls the element now').to.equal(true);
    expect(m.hidden).to.equal(false);
    expect(collapse(root(m).querySelector('h4')?.textContent)).to.equal('Saved payment methods');
    expect(root(m).querySelectorAll('li').length).to.equal(4);
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(announced(el)).to.equal('');
    expect(deepActive() === button, 'focus stays on the button').to.equal(true);
    expect(savedMethodsFetched().length, 'saved-methods code fetched now').to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    // Another form on the page: the element is there at once, nothing is loaded again.
    const again = heldFetch();
    setElementLoader(TAG, again.loader);
    const other = await mount();
    const otherButton = manageButton(other);
    otherButton.click();
    await other.updateComplete;
    const otherPanel = root(other).querySelector(TAG);
    expect(otherPanel !== null, 'rendered in the same update').to.equal(true);
    expect(otherPanel!.hidden).to.equal(false);
    expect(otherButton.getAttribute('aria-busy')).to.equal('false');
    expect(again.calls()).to.equal(0);
  });
});
