/**
 * On a phone or in a CRM's side panel the tables stack each row into a card, so a payer finds
 * Pay Now and the amount field without scrolling sideways, and axe is clean. Wide again, they are
 * tables again.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/invoice-list.js';
import '../../src/define/pay-invoices.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { ACME, CONTACT, FakeBackend as ListBackend, button, payment, root } from './invoice-list-fixtures.js';
import { CREDIT, FakeBackend as PayBackend, acmeInvoices, inv } from './pay-invoices-fixtures.js';
import { control, need, waitLoaded } from './pay-invoices-dom.js';

const WAIT = { timeout: 10000 };

/** A box of `width` CSS pixels holding `content`, as a phone or a side panel would. */
async function inBox<T extends HTMLElement>(width: number, content: ReturnType<typeof html>): Promise<{ box: HTMLElement; el: T }> {
  const box = await fixture<HTMLElement>(html`<div style="width: ${width}px">${content}</div>`);
  return { box, el: box.firstElementChild as T };
}

/** True when `inner` lies within `outer` horizontally (nothing to scroll sideways for). */
function withinX(inner: Element, outer: Element): boolean {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  return a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
}

/**
 * Elements of `el`'s shadow tree whose box sticks out of `box` sideways — visually hidden ones
 * included (they still widen the page), not what they contain (clipped, it widens nothing).
 */
function sticksOut(el: Element, box: Element): string[] {
  return [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
    .filter((node) => !node.parentElement?.closest('.visually-hidden'))
    .filter((node) => node.getClientRects().length > 0 && !withinX(node, box))
    .map((node) => `<${node.localName} class="${node.getAttribute('class') ?? ''}">`);
}

async function listSettled(el: InvoiceList): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('section.invoice-list')?.getAttribute('aria-busy') === 'false' && root(el).querySelector('tbody tr'),
    'the list did not load',
    WAIT,
  );
  await el.updateComplete;
}

/** Waits for the layout the element's width calls for (the ResizeObserver reports after layout). */
async function layout(el: HTMLElement & { updateComplete: Promise<boolean> }, stacked: boolean): Promise<void> {
  await waitUntil(() => Boolean(el.shadowRoot?.querySelector('.stacked')) === stacked, `not ${stacked ? 'stacked' : 'a table'}`, WAIT);
  await el.updateComplete;
}

describe('narrow layout: <invoice-list>', () => {
  it('at 360 px each invoice is a card: Pay Now in view, column names beside the values, axe-clean', async () => {
    const { box, el } = await inBox<InvoiceList>(
      360,
      html`<invoice-list .backend=${new ListBackend({ viewer: CONTACT })} locale="en-US"></invoice-list>`,
    );
    await listSettled(el);
    await layout(el, true);
    const r = root(el);
    const wrap = r.querySelector('.table-wrap') as HTMLElement;
    expect(wrap.scrollWidth, 'nothing to scroll sideways').to.be.at.most(wrap.clientWidth);
    const first = r.querySelector('tbody tr') as HTMLTableRowElement;
    const payNow = first.querySelector('[part="pay-now-button"]') as HTMLElement;
    expect(withinX(payNow, box), 'Pay Now within the 360 px box').to.equal(true);
    expect(sticksOut(el, box), 'nothing wider than the box').to.deep.equal([]);
    expect(getComputedStyle(first).display).to.equal('grid');
    // The due date shows its column name, which the hidden header row no longer does.
    expect(getComputedStyle(first.querySelector('.due') as Element, '::before').content).to.equal('"Due date: "');

    // The rows keep explicit table roles (a stacked row is not laid out as a table row), so axe
    // checks them as a table: rows in row groups, a header cell per row.
    await expect(el).to.be.accessible();
  });

  it('wide again, it is a table again', async () => {
    const { box, el } = await inBox<InvoiceList>(360, html`<invoice-list .backend=${new ListBackend({ viewer: CONTACT })} locale="en-US"></invoice-list>`);
    await listSettled(el);
    await layout(el, true);
    box.style.width = '1100px';
    await layout(el, false);
    const first = root(el).querySelector('tbody tr') as HTMLElement;
    expect(getComputedStyle(first).display).to.equal('table-row');
    expect(getComputedStyle(first.querySelector('.due') as Element, '::before').content).to.equal('none');
  });

  it('a hidden list (no width) keeps its table layout; shown narrow, it stacks within the same wait', async () => {
    const { box, el } = await inBox<InvoiceList>(1100, html`<invoice-list .backend=${new ListBackend({ viewer: CONTACT })} locale="en-US"></invoice-list>`);
    await listSettled(el);
    /** Long enough for the observer to report and the switch (made a frame later) to render. */
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
    };
    box.style.display = 'none';
    await settle();
    expect(root(el).querySelector('.stacked'), 'hidden: still a table').to.equal(null);
    // The same wait is enough to see a real change of width: shown at 360 px, it stacks.
    box.style.width = '360px';
    box.style.display = '';
    await settle();
    expect(root(el).querySelector('.stacked'), 'shown narrow: cards').to.not.equal(null);
  });
});

describe('narrow layout: invoice details on a phone', () => {
  it('at 375 px the dialog’s lines are cards: amount in view, column names shown; axe-clean', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const backend = new ListBackend({ viewer: CONTACT });
      backend.invoices[ACME.id][0] = {
        ...backend.invoices[ACME.id][0]!,
        lines: [{ sku: 'H-1', description: 'Brass hinge, polished, box of 100', quantity: 1000, unitPrice: 125, amount: 125000 }],
      };
      const el = await fixture<InvoiceList>(html`<invoice-list .backend=${backend} locale="en-US"></invoice-list>`);
      await listSettled(el);
      await layout(el, true);
      button(root(el), 'Details for invoice INV-1001')?.click();
      const dialog = root(el).querySelector('dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open && dialog.querySelector('.lines.stacked tbody tr'), 'the lines did not load stacked', WAIT);
      const wrap = dialog.querySelector('.lines') as HTMLElement;
      expect(wrap.scrollWidth, 'nothing to scroll sideways').to.be.at.most(wrap.clientWidth);
      const amount = dialog.querySelector('tbody .amount') as HTMLElement;
      expect(withinX(amount, dialog), 'the line amount within the dialog').to.equal(true);
      expect(getComputedStyle(amount, '::before').content).to.equal('"Amount: "');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('narrow layout: payment history', () => {
  it('at 360 px each payment is a card with its status in view; axe-clean', async () => {
    const backend = new ListBackend({ viewer: CONTACT, payments: { [ACME.id]: [payment(2, { status: 'failed', cashReceipt: undefined }), payment(1)] } });
    const { box, el } = await inBox<InvoiceList>(360, html`<invoice-list .backend=${backend} locale="en-US"></invoice-list>`);
    await listSettled(el);
    button(root(el), 'Payment history')?.click();
    await el.updateComplete;
    const history = root(el).querySelector('invoice-list-history') as HTMLElement & { updateComplete: Promise<boolean> };
    await waitUntil(() => history.shadowRoot?.querySelector('tbody tr'), 'history did not load', WAIT);
    await layout(history, true);
    const wrap = history.shadowRoot!.querySelector('.table-wrap') as HTMLElement;
    expect(wrap.scrollWidth, 'nothing to scroll sideways').to.be.at.most(wrap.clientWidth);
    for (const status of history.shadowRoot!.querySelectorAll('tbody .status')) {
      expect(withinX(status, box), `status "${status.textContent?.trim()}" within the 360 px box`).to.equal(true);
    }
    const method = history.shadowRoot!.querySelector('tbody .method') as Element;
    expect(getComputedStyle(method, '::before').content).to.equal('"Method: "');
    await expect(el).to.be.accessible();
  });
});

describe('narrow layout: <pay-invoices>', () => {
  it('at 360 px each invoice and credit is a card; selecting one shows its amount field in view; axe-clean', async () => {
    const backend = new PayBackend({ invoices: acmeInvoices(), credits: [CREDIT] });
    const { box, el } = await inBox<PayInvoices>(360, html`<pay-invoices account="A-1" .backend=${backend} locale="en-US"></pay-invoices>`);
    await waitLoaded(el);
    await layout(el, true);
    const r = root(el);
    const table = r.querySelector('.table') as HTMLElement;
    expect(table.scrollWidth, 'nothing to scroll sideways').to.be.at.most(table.clientWidth);
    const box1 = need(el, /^Select invoice INV-1001$/);
    box1.click();
    await el.updateComplete;
    const amount = need(el, /^Payment amount for invoice INV-1001$/);
    expect(withinX(amount, box), 'the amount field within the 360 px box').to.equal(true);
    expect(withinX(need(el, /^Select invoice INV-1001$/), box)).to.equal(true);
    expect(sticksOut(el, box), 'nothing wider than the box').to.deep.equal([]);
    // The credit is a card too: applying it shows its amount field under it, in view.
    need(el, /^Apply credit CM-501$/).click();
    await el.updateComplete;
    const creditAmount = need(el, /^Amount of credit CM-501 to apply$/);
    expect(withinX(creditAmount, box), 'the credit amount field within the 360 px box').to.equal(true);
    expect(sticksOut(el, box), 'nothing wider than the box with the credit applied').to.deep.equal([]);
    const row = amount.closest('[role="row"]') as HTMLElement;
    expect(getComputedStyle(row.querySelector('.due') as Element, '::before').content).to.equal('"Due date: "');
    await expect(el).to.be.accessible();
  });
});

describe('narrow layout: <pay-invoices> with 1,000 invoices (windowed rows)', () => {
  it('stacked rows still window: the last invoice scrolls into view and can be selected', async () => {
    const invoices = Array.from({ length: 1000 }, (_, i) => inv(i + 1, { balance: 100 + i, dueDate: '2030-02-01' }));
    const { box, el } = await inBox<PayInvoices>(
      360,
      html`<pay-invoices account="A-1" .backend=${new PayBackend({ invoices })} locale="en-US"></pay-invoices>`,
    );
    await waitLoaded(el, 15000);
    await layout(el, true);
    const scroller = root(el).querySelector<HTMLElement>('.table.windowed');
    expect(scroller, 'a windowed table').to.exist;
    const rendered = (): number => root(el).querySelectorAll('[part="invoice-row"]').length;
    expect(rendered(), 'only a window of the 1,000 rows').to.be.below(60);
    for (let i = 0; i < 4; i++) {
      scroller!.scrollTop = scroller!.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    await waitUntil(() => control(el, /^Select invoice INV-1000$/), 'the last invoice was never rendered', WAIT);
    const last = need(el, /^Select invoice INV-1000$/);
    const s = scroller!.getBoundingClientRect();
    const b = last.getBoundingClientRect();
    expect(b.top >= s.top && b.bottom <= s.bottom, 'the last checkbox inside the scroller').to.equal(true);
    last.click();
    await el.updateComplete;
    await waitUntil(() => control(el, /^Payment amount for invoice INV-1000$/), 'no amount field', WAIT);
    expect(withinX(need(el, /^Payment amount for invoice INV-1000$/), box)).to.equal(true);
    expect(scroller!.scrollWidth, 'nothing to scroll sideways').to.be.at.most(scroller!.clientWidth);
  });
});
