/**
 * The bench page. bench/run.mjs drives it through `window.bench`: each call renders or changes one
 * side (the hand-written `baseline` or `ours`, the real elements) and returns what it measured, so
 * the runner can alternate the two sides and take medians.
 *
 * Timing: `performance.now()` from just before the action to the moment the result is on screen as
 * far as script and layout go — the element has finished every update it started (its backend calls
 * resolve at once), the expected rows/totals are in the DOM, and a forced synchronous layout of the
 * document has run. Both sides are timed the same way, so layout cost counts equally.
 */
import '../src/define/invoice-list.js';
import '../src/define/pay-invoices.js';
import type { InvoiceList } from '../src/elements/invoice-list/invoice-list.js';
import type { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import type { Invoice } from '../src/core/schemas.js';
import { ACCOUNT_ID, BenchBackend, InvoiceIndex, generateInvoices } from './data.js';
import { renderBaselineList, renderBaselinePay, type BaselineList, type BaselinePay } from './baseline.js';

export type Side = 'baseline' | 'ours';

interface Rendered {
  /** Milliseconds. */
  ms: number;
  /** DOM nodes of the rendered view (light DOM + every shadow root, recursively). */
  nodes: number;
  /** usedJSHeapSize after gc, with the view rendered, minus the same before it was rendered. */
  heapDelta: number;
  /** Tasks the render needed beyond the one it started in (0: it completed in microtasks). */
  taskYields: number;
}

interface State {
  size: number;
  index: InvoiceIndex;
  backend: BenchBackend;
  /** What <pay-invoices> shows: the open invoices by due date. */
  payInvoices: Invoice[];
  list?: InvoiceList;
  baselineList?: BaselineList;
  pay?: PayInvoices;
  baselinePay?: BaselinePay;
}

const stage = document.getElementById('stage') as HTMLElement;
let state: State | null = null;
/**
 * A second, smaller data set kept beside the current one: our list rendered on it is sampled
 * between the renders on the current one, so "100,000 vs our 10,000" compares two renders taken
 * minutes apart no longer (the machine's drift over a run moved that ratio between 1.1× and 1.4×).
 */
let reference: State | null = null;

function current(): State {
  if (!state) throw new Error('call bench.prepare(size) first');
  return state;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** Yields to the event loop (a task, not a 4 ms-clamped timer). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Forces style and layout of the whole document (shadow trees included). */
function forceLayout(probe?: Element | null): void {
  void document.documentElement.offsetHeight;
  probe?.getBoundingClientRect();
}

function gc(): void {
  const g = (window as unknown as { gc?: () => void }).gc;
  if (!g) throw new Error('window.gc is missing: start Chromium with --js-flags=--expose-gc');
  g();
  g();
}

function usedHeap(): number {
  gc();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory?.usedJSHeapSize ?? Number.NaN;
}

/**
 * The heap once garbage is really gone: `gc()` called from script scans the stack conservatively
 * and Blink frees detached DOM lazily, so one call can leave megabytes of the previous run behind.
 * Collects again, a frame apart, until two readings agree within 64 KB.
 */
async function settledHeap(): Promise<number> {
  let last = usedHeap();
  for (let i = 0; i < 8; i++) {
    await nextFrame();
    await nextTask();
    const now = usedHeap();
    if (Math.abs(now - last) < 64 * 1024) return Math.min(now, last);
    last = now;
  }
  return last;
}

/** Every node under `root`, entering open shadow roots (the root itself not counted). */
function countNodes(root: Node): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      n++;
      stack.push(c);
    }
    const shadow = (node as Element).shadowRoot;
    if (shadow) stack.push(shadow);
  }
  return n;
}

/** Awaits the element's updates (and any the backend answers trigger) until `done()` holds. */
async function until(el: HTMLElement & { updateComplete: Promise<boolean> }, done: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  for (;;) {
    // Most of the work (Lit updates, the backend's resolved promises) runs in microtasks: follow it
    // there first, so a synchronous-ish render stays in one task like the baseline's, and yield a
    // task (which may let the browser render a frame) only when something waits for one.
    for (let i = 0; i < 100; i++) {
      await el.updateComplete;
      if (done()) return;
    }
    const error = el.shadowRoot?.querySelector('.alert.error');
    if (error) throw new Error(`${what}: the element shows an error: ${error.textContent?.trim()}`);
    if (performance.now() - start > 60_000) throw new Error(`${what}: not done after 60 s`);
    taskYields++;
    await nextTask();
  }
}

/** How many times `until` had to yield a task (reported with renders, for transparency). */
let taskYields = 0;

/**
 * Lets the collector's concurrent sweeping finish before a clock starts: right after gc() every
 * allocation helps sweep, which costs more the larger the heap (the data set) is — without this
 * pause the same 50-row render measured 16 / 23 / 32 ms with 1k / 10k / 100k invoices in memory.
 */
async function afterGc(ms = 150): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await nextFrame();
  // Start clocks in a task of their own, not inside the frame's rAF step.
  await nextTask();
}

/** Clears the stage and lets the browser settle, so the next timing starts from a quiet page. */
async function quiet(): Promise<void> {
  const s = state;
  if (s) {
    s.list = undefined;
    s.baselineList = undefined;
    s.pay = undefined;
    s.baselinePay = undefined;
  }
  // Freeing a very large DOM (the 100,000-row baseline: 2.5 million nodes) goes on in the
  // background for a while after gc(): give it time, or the next run pays for it.
  const big = stage.getElementsByTagName('*').length > 50_000;
  stage.replaceChildren();
  forceLayout();
  await nextFrame();
  await settledHeap();
  await afterGc(big ? 1500 : 150);
}

// ---------------------------------------------------------------------------------------------
// <invoice-list> and its baseline

function listRoot(el: InvoiceList): ShadowRoot {
  const sr = el.shadowRoot;
  if (!sr) throw new Error('invoice-list has no shadow root');
  return sr;
}

function listIdle(el: InvoiceList): boolean {
  const sr = el.shadowRoot;
  return sr?.querySelector('section.invoice-list')?.getAttribute('aria-busy') === 'false';
}

async function renderList(side: Side): Promise<Element | null> {
  const s = current();
  if (side === 'baseline') {
    s.baselineList = renderBaselineList(stage, s.index);
    return s.baselineList.root.querySelector('tbody')?.lastElementChild ?? null;
  }
  const el = document.createElement('invoice-list');
  el.backend = s.backend;
  el.setAttribute('mode', 'contact');
  el.setAttribute('account', ACCOUNT_ID);
  stage.append(el);
  s.list = el;
  await until(el, () => listIdle(el) && listRoot(el).querySelector('tbody tr') !== null, 'invoice-list first render');
  return listRoot(el).querySelector('tbody tr:last-child');
}

/** What a render returns: an element to probe layout with, or the time it was complete at. */
type RenderResult = Element | null | { end: number };

async function measureRender(render: () => Promise<RenderResult>): Promise<Rendered> {
  await quiet();
  const before = await settledHeap();
  await afterGc();
  taskYields = 0;
  const t0 = performance.now();
  const result = await render();
  let end: number;
  if (result && 'end' in result) end = result.end;
  else {
    forceLayout(result);
    end = performance.now();
  }
  const ms = end - t0;
  const yields = taskYields;
  const nodes = countNodes(stage);
  const heapDelta = (await settledHeap()) - before;
  return { ms, nodes, heapDelta, taskYields: yields };
}

/** Status filter Open → All on the rendered list; returns ms and the list's nodes afterwards. */
async function listFilter(side: Side): Promise<{ ms: number; nodes: number }> {
  const s = current();
  if (side === 'baseline') {
    const b = s.baselineList;
    if (!b) throw new Error('render the baseline list first');
    const t0 = performance.now();
    b.statusSelect.value = 'all';
    b.statusSelect.dispatchEvent(new Event('change', { bubbles: true }));
    forceLayout(b.root.querySelector('tbody')?.lastElementChild);
    return { ms: performance.now() - t0, nodes: countNodes(stage) };
  }
  const el = s.list;
  if (!el) throw new Error('render the list first');
  const sr = listRoot(el);
  const select = sr.querySelector('#status-filter') as HTMLSelectElement;
  const statusText = sr.querySelector('p.state')?.textContent;
  const t0 = performance.now();
  select.value = 'all';
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await until(el, () => listIdle(el) && sr.querySelector('p.state')?.textContent !== statusText, 'invoice-list filter');
  forceLayout(sr.querySelector('tbody tr:last-child'));
  return { ms: performance.now() - t0, nodes: countNodes(stage) };
}

/** Clicks the Balance column's sort button on the rendered list. */
async function listSort(side: Side): Promise<{ ms: number; nodes: number }> {
  const s = current();
  if (side === 'baseline') {
    const b = s.baselineList;
    if (!b) throw new Error('render the baseline list first');
    const t0 = performance.now();
    b.sortButton('balance').click();
    forceLayout(b.root.querySelector('tbody')?.lastElementChild);
    return { ms: performance.now() - t0, nodes: countNodes(stage) };
  }
  const el = s.list;
  if (!el) throw new Error('render the list first');
  const sr = listRoot(el);
  const button = [...sr.querySelectorAll<HTMLButtonElement>('button.sort')].find((b) => b.textContent?.includes('Balance'));
  if (!button) throw new Error('no Balance sort button in invoice-list');
  const th = button.closest('th') as HTMLElement;
  const t0 = performance.now();
  button.click();
  await until(el, () => listIdle(el) && th.getAttribute('aria-sort') === 'ascending', 'invoice-list sort');
  forceLayout(sr.querySelector('tbody tr:last-child'));
  return { ms: performance.now() - t0, nodes: countNodes(stage) };
}

// ---------------------------------------------------------------------------------------------
// <pay-invoices> and its baseline

function payRoot(el: PayInvoices): ShadowRoot {
  const sr = el.shadowRoot;
  if (!sr) throw new Error('pay-invoices has no shadow root');
  return sr;
}

function payTotal(el: PayInvoices): string {
  return payRoot(el).querySelector('[part="totals"] dd.grand')?.textContent?.trim() ?? '';
}

async function renderPay(side: Side): Promise<RenderResult> {
  const s = current();
  if (side === 'baseline') {
    s.baselinePay = renderBaselinePay(stage, s.payInvoices);
    return s.baselinePay.root.querySelector('tbody')?.lastElementChild ?? null;
  }
  const el = document.createElement('pay-invoices');
  el.backend = s.backend;
  el.setAttribute('account', ACCOUNT_ID);
  stage.append(el);
  s.pay = el;
  await until(
    el,
    () => payRoot(el).querySelector('[part="totals"]') !== null && payRoot(el).querySelector('[part="invoice-row"]') !== null,
    'pay-invoices first render',
  );
  forceLayout(payRoot(el).querySelector('[part="invoice-row"]'));
  return { end: await settled(payRoot(el)) };
}

/**
 * The windowed rows render a first batch, measure them and fill the viewport in the next
 * frame(s). Follows the DOM until three frames pass without a change; returns the time of the last
 * change (after a forced layout), so idle frames are not counted but the fill-up is.
 */
async function settled(root: ShadowRoot): Promise<number> {
  let end = performance.now();
  const observer = new MutationObserver(() => {
    forceLayout();
    end = performance.now();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  let seen = end;
  for (let quietFrames = 0; quietFrames < 3; ) {
    await nextFrame();
    if (end === seen) quietFrames++;
    else {
      seen = end;
      quietFrames = 0;
    }
  }
  observer.disconnect();
  return end;
}

/** Selects one row (the third) and waits for the totals; then unselects it, untimed. */
async function payToggle(side: Side): Promise<number> {
  const s = current();
  if (side === 'baseline') {
    const b = s.baselinePay;
    if (!b) throw new Error('render the baseline pay table first');
    const box = b.rowCheckbox(2);
    const t0 = performance.now();
    box.click();
    forceLayout(box);
    const ms = performance.now() - t0;
    if (!box.checked || b.totalsText() === '$0.00') throw new Error('baseline toggle did not select');
    box.click();
    forceLayout(box);
    return ms;
  }
  const el = s.pay;
  if (!el) throw new Error('render pay-invoices first');
  const sr = payRoot(el);
  const row = sr.querySelectorAll('[part="invoice-row"]')[2];
  const box = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!row || !box) throw new Error('pay-invoices shows fewer than three rows');
  const before = payTotal(el);
  const t0 = performance.now();
  box.click();
  await until(el, () => row.classList.contains('selected') && payTotal(el) !== before, 'pay-invoices toggle');
  forceLayout(row);
  const ms = performance.now() - t0;
  box.click();
  await until(el, () => !row.classList.contains('selected') && payTotal(el) === before, 'pay-invoices untoggle');
  forceLayout(row);
  return ms;
}

/** "Select all" and the totals updated; returns the select and the unselect times. */
async function paySelectAll(side: Side): Promise<{ select: number; unselect: number }> {
  const s = current();
  if (side === 'baseline') {
    const b = s.baselinePay;
    if (!b) throw new Error('render the baseline pay table first');
    const before = b.totalsText();
    let t0 = performance.now();
    b.selectAll.click();
    forceLayout(b.root.querySelector('tbody')?.firstElementChild);
    const select = performance.now() - t0;
    if (b.totalsText() === before) throw new Error('baseline select-all did not change the totals');
    t0 = performance.now();
    b.selectAll.click();
    forceLayout(b.root.querySelector('tbody')?.firstElementChild);
    return { select, unselect: performance.now() - t0 };
  }
  const el = s.pay;
  if (!el) throw new Error('render pay-invoices first');
  const sr = payRoot(el);
  const all = sr.querySelector<HTMLInputElement>('.table-foot input[type="checkbox"]');
  if (!all) throw new Error('pay-invoices has no select-all checkbox');
  const before = payTotal(el);
  let t0 = performance.now();
  all.click();
  await until(el, () => payTotal(el) !== before && all.checked, 'pay-invoices select all');
  forceLayout(sr.querySelector('[part="invoice-row"]'));
  const select = performance.now() - t0;
  t0 = performance.now();
  all.click();
  await until(el, () => payTotal(el) === before && !all.checked, 'pay-invoices unselect all');
  forceLayout(sr.querySelector('[part="invoice-row"]'));
  return { select, unselect: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// The API the runner calls

const api = {
  /** Generates the data set of `size` open invoices (+ size/2 paid) and warms the query cache. */
  async prepare(size: number): Promise<{ invoices: number; open: number }> {
    await quiet();
    const invoices = generateInvoices(size);
    const index = new InvoiceIndex(invoices);
    const payInvoices = index.query({ status: 'open', search: '', sort: 'dueDate', order: 'asc' });
    state = { size, index, backend: new BenchBackend(index), payInvoices };
    reference = null;
    return { invoices: invoices.length, open: payInvoices.length };
  },
  /** Generates the reference data set (see `reference`), kept until the next `prepare`. */
  async prepareReference(size: number): Promise<{ invoices: number }> {
    const invoices = generateInvoices(size);
    const index = new InvoiceIndex(invoices);
    const payInvoices = index.query({ status: 'open', search: '', sort: 'dueDate', order: 'asc' });
    reference = { size, index, backend: new BenchBackend(index), payInvoices };
    await quiet();
    return { invoices: invoices.length };
  },
  /** Our list's first render on the reference data set (same page, same heap as the current one). */
  async listFirstRenderReference(): Promise<Rendered> {
    if (!reference) throw new Error('call bench.prepareReference(size) first');
    const main = state;
    state = reference;
    try {
      return await measureRender(() => renderList('ours'));
    } finally {
      state = main;
    }
  },
  listFirstRender: (side: Side): Promise<Rendered> => measureRender(() => renderList(side)),
  /** Renders the list (untimed), then times the status filter and then the sort. */
  async listFilterSort(side: Side): Promise<{ filter: number; sort: number; nodes: number }> {
    await quiet();
    await renderList(side);
    forceLayout();
    await nextFrame();
    const f = await listFilter(side);
    await nextFrame();
    const s = await listSort(side);
    return { filter: f.ms, sort: s.ms, nodes: Math.max(f.nodes, s.nodes) };
  },
  payFirstRender: (side: Side): Promise<Rendered> => measureRender(() => renderPay(side)),
  async payToggle(side: Side): Promise<number> {
    await nextFrame();
    return payToggle(side);
  },
  async paySelectAll(side: Side): Promise<{ select: number; unselect: number }> {
    await nextFrame();
    return paySelectAll(side);
  },
  /**
   * Five render/clear cycles of one view: the heap (after gc) with the view rendered and after it
   * was removed, for each cycle.
   */
  async heapCycles(side: Side, view: 'list' | 'pay', cycles = 5): Promise<{ rendered: number[]; cleared: number[]; empty: number }> {
    await quiet();
    const empty = await settledHeap();
    const rendered: number[] = [];
    const cleared: number[] = [];
    for (let i = 0; i < cycles; i++) {
      await (view === 'list' ? renderList(side) : renderPay(side));
      forceLayout();
      await nextFrame();
      rendered.push(await settledHeap());
      await quiet();
      cleared.push(await settledHeap());
    }
    return { rendered, cleared, empty };
  },
  clear: quiet,
  countNodes: () => countNodes(stage),
  heap: settledHeap,
};

declare global {
  interface Window {
    bench: typeof api;
  }
}

window.bench = api;
document.documentElement.dataset['ready'] = 'true';
