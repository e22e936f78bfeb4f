/**
 * The windowed rows of `<pay-invoices>` (src/elements/pay-invoices/window.ts): the size arithmetic,
 * the directive on its own with rows of different heights, and the invoice table at 10,000 rows as
 * a user meets it (scrolling, Tab and Shift+Tab, selection, totals, screen-reader positions).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { BANK, FakeBackend, VISA, inv } from './pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { RowSizes, mergeRanges, windowRows } from '../../src/elements/pay-invoices/window.js';
import '../../src/define/pay-invoices.js';
import { mountPayInvoices, root, totals } from './pay-invoices-dom.js';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until the window has caught up (a scroll event, then the refresh in the next frame). */
async function settle(): Promise<void> {
  await frame();
  await frame();
  await frame();
}

describe('RowSizes', () => {
  it('counts unmeasured rows as the estimate and measured ones as measured', () => {
    const sizes = new RowSizes(5, 10);
    expect(sizes.total).to.equal(50);
    sizes.set(1, 30);
    expect([0, 1, 2, 3, 4, 5].map((i) => sizes.offset(i))).to.deep.equal([0, 10, 40, 50, 60, 70]);
    sizes.estimate = 20;
    expect(sizes.total).to.equal(110);
    sizes.clear();
    expect(sizes.total).to.equal(100);
  });

  it('finds the row at a height and the range to render', () => {
    const sizes = new RowSizes(100, 10);
    sizes.set(0, 25);
    expect(sizes.indexAt(0)).to.equal(0);
    expect(sizes.indexAt(24.9)).to.equal(0);
    expect(sizes.indexAt(25)).to.equal(1);
    expect(sizes.indexAt(-5)).to.equal(0);
    expect(sizes.indexAt(1e9)).to.equal(99);
    // Rows 1..5 fill 25..75; two rows beyond each edge.
    expect(sizes.range(25, 50, 2)).to.deep.equal([0, 7]);
    expect(sizes.range(965, 50, 2)).to.deep.equal([93, 99]);
    expect(new RowSizes(0, 10).range(0, 100, 2)).to.deep.equal([0, -1]);
  });

  it('bumps its version only when an offset may change', () => {
    const sizes = new RowSizes(3, 10);
    const v = sizes.version;
    sizes.set(0, 10.5);
    sizes.set(0, 10.5);
    sizes.set(7, 99);
    sizes.set(1, 0);
    expect(sizes.version).to.equal(v + 1);
  });

  it('merges ranges into sorted distinct indices within the list', () => {
    expect(mergeRanges(10, [[7, 12], [-2, 1], [0, 2]])).to.deep.equal([0, 1, 2, 7, 8, 9]);
    expect(mergeRanges(0, [[0, 3]])).to.deep.equal([]);
  });
});

describe('windowRows()', () => {
  let box: HTMLDivElement;
  afterEach(() => box?.remove());

  interface Item {
    id: string;
    h: number;
  }

  function mountList(items: Item[], overscan = 3): HTMLDivElement {
    box = document.createElement('div');
    box.style.cssText = 'height: 300px; width: 300px; overflow-y: auto;';
    document.body.append(box);
    render(
      html`${windowRows({
        items,
        key: (it) => it.id,
        overscan,
        renderItem: (it, i) => html`<div class="item" data-i=${i} style="height: ${it.h}px">${it.id}</div>`,
      })}`,
      box,
    );
    return box;
  }

  const rendered = (el: HTMLElement): number[] =>
    [...el.querySelectorAll<HTMLElement>('.item')].map((r) => Number(r.dataset['i']));

  /** The item whose box covers the top edge of the scroller. */
  function itemAtTop(el: HTMLElement): number {
    const top = el.getBoundingClientRect().top + 0.5;
    const hit = [...el.querySelectorAll<HTMLElement>('.item')].find((r) => {
      const b = r.getBoundingClientRect();
      return b.top <= top && b.bottom > top;
    });
    return hit ? Number(hit.dataset['i']) : -1;
  }

  it('keeps every row where it belongs while scrolling over rows of other heights', async () => {
    // Every seventh row is three times as tall (an error message, wrapped text…).
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, h: i % 7 === 3 ? 90 : 30 }));
    const tops: number[] = [];
    let y = 0;
    for (const it of items) {
      tops.push(y);
      y += it.h;
    }
    const el = mountList(items);
    await settle();
    for (let top = 0; top <= 6000; top += 37) {
      el.scrollTop = top;
      await settle();
      let expected = 0;
      while (expected + 1 < tops.length && tops[expected + 1]! <= top) expected++;
      expect(itemAtTop(el), `at ${top}px`).to.equal(expected);
      expect(rendered(el).length, `rows at ${top}px`).to.be.below(30);
    }
  });

  it('reaches the last row, and the scrollbar then spans exactly the rows', async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, h: 20 + (i % 3) * 5 }));
    const el = mountList(items);
    await settle();
    // ≈ 500 × 20 (the first row's height is the estimate) until more rows are measured.
    expect(el.scrollHeight).to.be.within(500 * 20, 500 * 30);
    for (let i = 0; i < 3; i++) {
      el.scrollTop = el.scrollHeight;
      await settle();
    }
    const last = el.querySelector<HTMLElement>('.item[data-i="499"]');
    expect(last, 'last row').to.exist;
    expect(last!.getBoundingClientRect().bottom).to.be.closeTo(el.getBoundingClientRect().bottom, 1);
    // Scroll back up row by row: every row gets measured, so the total becomes exact.
    for (let top = el.scrollTop; top > 0; top -= 250) {
      el.scrollTop = top;
      await settle();
    }
    el.scrollTop = 0;
    await settle();
    expect(el.scrollHeight).to.equal(items.reduce((s, it) => s + it.h, 0));
    expect(rendered(el)[0]).to.equal(0);
  });

  it('renders what fits once a hidden list is shown', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, h: 10 }));
    const el = mountList(items, 2);
    el.hidden = true;
    el.scrollTop = 0;
    await settle();
    el.hidden = false;
    await waitUntil(() => rendered(el).length === 32, 'the window did not fill the 300px scroller', { timeout: 2000 });
    expect(rendered(el)).to.deep.equal(Array.from({ length: 32 }, (_, i) => i));
  });

  it('allows for a sticky header above the rows inside the scroller', async () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ id: `r${i}`, h: i % 5 === 0 ? 45 : 25 }));
    box = document.createElement('div');
    box.style.cssText = 'height: 300px; width: 300px; overflow-y: auto;';
    document.body.append(box);
    render(
      html`<div style="position: sticky; top: 0; height: 50px; background: white; z-index: 1">Header</div>
        <div class="rows">
          ${windowRows({
            items,
            key: (it) => it.id,
            overscan: 2,
            renderItem: (it, i) => html`<div class="item" data-i=${i} style="height: ${it.h}px">${it.id}</div>`,
          })}
        </div>`,
      box,
    );
    await settle();
    expect(box.style.scrollPaddingTop).to.equal('50px');
    const tops: number[] = [];
    let y = 50;
    for (const it of items) {
      tops.push(y);
      y += it.h;
    }
    for (let top = 0; top <= 4000; top += 83) {
      box.scrollTop = top;
      await settle();
      // The first row whose box reaches below the header.
      const under = top + 50;
      let expected = 0;
      while (expected + 1 < tops.length && tops[expected + 1]! <= under) expected++;
      const headBottom = box.getBoundingClientRect().top + 50.5;
      const hit = [...box.querySelectorAll<HTMLElement>('.item')].find((r) => {
        const b = r.getBoundingClientRect();
        return b.top <= headBottom && b.bottom > headBottom;
      });
      expect(Number(hit?.dataset['i'] ?? -1), `at ${top}px`).to.equal(expected);
    }
    // Focus scrolls a row into view below the header, not under it.
    box.scrollTop = 3000;
    await settle();
    const first = box.querySelector<HTMLElement>('.item')!;
    first.tabIndex = 0;
    first.focus();
    await settle();
    expect(first.getBoundingClientRect().top).to.be.at.least(box.getBoundingClientRect().top + 49);
  });

  it('writes gap heights through the CSSOM and hides the gaps from assistive technology', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, h: 30 }));
    const el = mountList(items);
    el.scrollTop = 900;
    await settle();
    const gaps = [...el.children].filter((c) => c.hasAttribute('data-window-gap')) as HTMLElement[];
    expect(gaps).to.have.length(2);
    for (const g of gaps) expect(g.getAttribute('aria-hidden')).to.equal('true');
    const [top, end] = gaps.map((g) => g.getBoundingClientRect().height);
    expect(top! + rendered(el).length * 30 + end!).to.equal(3000);
  });
});

// ---------------------------------------------------------------------------------------------
// <pay-invoices> at 10,000 invoices

const COUNT = 10000;

async function mountLarge(): Promise<PayInvoices> {
  const invoices = Array.from({ length: COUNT }, (_, i) => inv(i + 1, { balance: 100 + i, dueDate: '2030-02-01' }));
  const el = await mountPayInvoices(new FakeBackend({ invoices, methods: [BANK, VISA] }), { loadTimeout: 15000 });
  await waitUntil(() => root(el).querySelector('[part="invoice-row"]'), 'rows not rendered', { timeout: 15000 });
  await el.updateComplete;
  await settle();
  return el;
}

/** The table's own scroller (its header stays at the top). */
function scroller(el: PayInvoices): HTMLElement {
  const s = root(el).querySelector<HTMLElement>('.table.windowed');
  if (!s) throw new Error('no windowed table');
  return s;
}

function rows(el: PayInvoices): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[part="invoice-row"]')];
}

/** The invoice numbers of the rendered rows (INV-n is at index n − 1). */
const numbers = (el: PayInvoices): number[] => rows(el).map((r) => Number(r.getAttribute('aria-rowindex')) - 1);

function rowCheckbox(el: PayInvoices, n: number): HTMLInputElement | null {
  return root(el).querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="Select invoice INV-${n}"]`);
}

/** Whether the element's box is in the scroller's viewport, below the header that stays at its top. */
function inView(el: PayInvoices, node: Element): boolean {
  const b = node.getBoundingClientRect();
  const s = scroller(el);
  const head = root(el).querySelector('[role="rowgroup"].table-head')!.getBoundingClientRect();
  const bottom = s.getBoundingClientRect().top + s.clientTop + s.clientHeight;
  return b.top >= head.bottom - 1 && b.bottom <= bottom + 1;
}

async function scrollToEnd(el: PayInvoices): Promise<void> {
  const s = scroller(el);
  for (let i = 0; i < 3; i++) {
    s.scrollTop = s.scrollHeight;
    await settle();
  }
}

describe('<pay-invoices> with 10,000 invoices', () => {
  afterEach(() => sessionStorage.clear());

  it('renders only a window of rows, with the whole list in aria-rowcount and each row’s aria-rowindex', async () => {
    const el = await mountLarge();
    const table = root(el).querySelector('[role="table"]');
    expect(table?.getAttribute('aria-rowcount')).to.equal(String(COUNT + 1));
    expect(root(el).querySelector('[role="row"].header')?.getAttribute('aria-rowindex')).to.equal('1');
    const shown = numbers(el);
    expect(shown.length).to.be.within(8, 40);
    expect(shown).to.deep.equal(Array.from({ length: shown.length }, (_, i) => i + 1));
    for (const r of rows(el)) {
      const n = Number(r.getAttribute('aria-rowindex')) - 1;
      expect(r.textContent).to.include(`INV-${n}`);
    }
    // The rows fill the scroller, and its scrollbar spans the whole list.
    const s = scroller(el);
    expect(rows(el).reduce((h, r) => h + r.getBoundingClientRect().height, 0)).to.be.at.least(s.clientHeight);
    expect(s.scrollHeight).to.be.at.least(COUNT * 40);
    expect(root(el).querySelectorAll('*').length).to.be.below(1000);
  });

  it('shows the last invoice at the bottom, and the middle ones in the middle', async () => {
    const el = await mountLarge();
    const s = scroller(el);
    s.scrollTop = s.scrollHeight / 2;
    await settle();
    const middle = numbers(el);
    expect(middle[0]).to.be.within(COUNT / 2 - 60, COUNT / 2 + 20);
    expect(middle).to.deep.equal(Array.from({ length: middle.length }, (_, i) => middle[0]! + i));
    await scrollToEnd(el);
    const shown = numbers(el);
    expect(shown[shown.length - 1]).to.equal(COUNT);
    expect(shown.length).to.be.below(40);
    const last = rows(el).at(-1)!;
    expect(last.getAttribute('aria-rowindex')).to.equal(String(COUNT + 1));
    expect(last.textContent).to.include(`INV-${COUNT}`);
    expect(inView(el, last)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keeps selection, amounts, "Select all" and totals across scrolling', async () => {
    const el = await mountLarge();
    rowCheckbox(el, 2)!.click();
    await el.updateComplete;
    await scrollToEnd(el);
    expect(rowCheckbox(el, 2), 'INV-2 scrolled out').to.equal(null);
    rowCheckbox(el, COUNT)!.click();
    await el.updateComplete;
    // INV-2: $1.01; INV-10000: $100.99.
    expect(totals(el)['Invoices']).to.equal('$102.00');
    expect((root(el).textContent ?? '').replace(/\s+/g, ' ')).to.include('2 of 10,000 invoices selected');
    const amount = root(el).querySelector<HTMLInputElement>(`input[aria-label="Payment amount for invoice INV-${COUNT}"]`)!;
    amount.value = '50.00';
    amount.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(totals(el)['Invoices']).to.equal('$51.01');
    scroller(el).scrollTop = 0;
    await settle();
    expect(rowCheckbox(el, 2)?.checked).to.equal(true);
    expect(rowCheckbox(el, 3)?.checked).to.equal(false);
    await scrollToEnd(el);
    expect(root(el).querySelector<HTMLInputElement>(`input[aria-label="Payment amount for invoice INV-${COUNT}"]`)?.value).to.equal(
      '50.00',
    );
    const all = [...root(el).querySelectorAll<HTMLInputElement>('.table-foot input[type="checkbox"]')][0]!;
    all.click();
    await el.updateComplete;
    // Every invoice in full ($509,950.00) but INV-10000 at the $50.00 typed: $509,899.01.
    expect(totals(el)['Invoices']).to.equal('$509,899.01');
    expect((root(el).textContent ?? '').replace(/\s+/g, ' ')).to.include('10,000 of 10,000 invoices selected');
    for (const r of rows(el)) expect(r.classList.contains('selected')).to.equal(true);
    scroller(el).scrollTop = scroller(el).scrollHeight / 3;
    await settle();
    for (const r of rows(el)) expect(r.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).to.equal(true);
    await expect(el).to.be.accessible();
    all.click();
    await el.updateComplete;
    expect(totals(el)['Invoices']).to.equal('$0.00');
    expect(rows(el).some((r) => r.classList.contains('selected'))).to.equal(false);
  });

  it('Tab and Shift+Tab walk through the rows past the first window', async () => {
    const el = await mountLarge();
    const windowSize = rows(el).length;
    rowCheckbox(el, 1)!.focus();
    const steps = windowSize + 15;
    for (let i = 0; i < steps; i++) await sendKeys({ press: 'Tab' });
    let active = root(el).activeElement;
    expect(active?.getAttribute('aria-label')).to.equal(`Select invoice INV-${steps + 1}`);
    await settle();
    expect(inView(el, active!)).to.equal(true);
    expect(rows(el).length).to.be.below(windowSize + 12);
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    active = root(el).activeElement;
    expect(active?.getAttribute('aria-label')).to.equal(`Select invoice INV-${steps - 9}`);
    await settle();
    expect(inView(el, active!)).to.equal(true);
  });

  it('Tab goes through the amount fields of selected rows too', async () => {
    const el = await mountLarge();
    for (const n of [1, 2, 3]) rowCheckbox(el, n)!.click();
    await el.updateComplete;
    rowCheckbox(el, 1)!.focus();
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(root(el).activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(seen).to.deep.equal([
      'Payment amount for invoice INV-1',
      'Select invoice INV-2',
      'Payment amount for invoice INV-2',
      'Select invoice INV-3',
      'Payment amount for invoice INV-3',
      'Select invoice INV-4',
      'Select invoice INV-5',
    ]);
  });

  it('keeps the focused row while it is scrolled away, and Tab continues from it', async () => {
    const el = await mountLarge();
    const box = rowCheckbox(el, 3)!;
    box.focus();
    await scrollToEnd(el);
    expect(numbers(el)).to.include(COUNT);
    expect(box.isConnected).to.equal(true);
    expect(root(el).activeElement).to.equal(box);
    // Only the focused row's neighbours are added to the window.
    expect(rows(el).length).to.be.below(50);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box.checked).to.equal(true);
    expect(totals(el)['Invoices']).to.equal('$1.02');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Payment amount for invoice INV-3');
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement!;
    expect(active.getAttribute('aria-label')).to.equal('Select invoice INV-4');
    await settle();
    expect(inView(el, active)).to.equal(true);
    expect(numbers(el)).to.not.include(COUNT);
    await expect(el).to.be.accessible();
  });

  it('renders the neighbours of a focused row at once, before a quick Tab could skip past the window', async () => {
    const el = await mountLarge();
    const shown = numbers(el);
    const edge = shown[shown.length - 1]!;
    // No scrolling, and no frame passes: only the focus itself can grow the window.
    rowCheckbox(el, edge)!.focus({ preventScroll: true });
    expect(numbers(el)).to.include.members([edge + 1, edge + 2, edge + 3]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal(`Select invoice INV-${edge + 1}`);
  });

  it('keeps the focus when the list jumps from one side of the focused row to the other', async () => {
    const el = await mountLarge();
    const s = scroller(el);
    s.scrollTop = s.scrollHeight / 2;
    await settle();
    const n = numbers(el)[6]!;
    const box = rowCheckbox(el, n)!;
    box.focus({ preventScroll: true });
    await scrollToEnd(el);
    expect(numbers(el)).to.include(COUNT);
    s.scrollTop = 0;
    await settle();
    expect(numbers(el)).to.include(1);
    expect(numbers(el)).to.include(n);
    expect(root(el).activeElement).to.equal(box);
    const order = numbers(el);
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
  });

  it('renders more rows when the scroller grows and fewer when it shrinks', async () => {
    const before = { width: window.innerWidth, height: window.innerHeight };
    try {
      await setViewport({ width: 1000, height: 1000 });
      const el = await mountLarge();
      const tall = rows(el).length;
      await setViewport({ width: 1000, height: 300 });
      await waitUntil(() => rows(el).length < tall, 'the window did not shrink', { timeout: 3000 });
      await setViewport({ width: 1000, height: 1000 });
      await waitUntil(() => rows(el).length === tall, 'the window did not grow back', { timeout: 3000 });
    } finally {
      await setViewport(before);
    }
  });
});
