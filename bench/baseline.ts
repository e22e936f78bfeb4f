/**
 * The baseline: hand-written DOM tables over the same invoices, written the way a careful developer
 * would without a framework — one cloned row template, text set through `textContent`, rows built in
 * a DocumentFragment and inserted once, one delegated listener, cached Intl formatters, a running
 * total. They render every row (no paging, no virtualization): that is what the elements are
 * compared against.
 */
import type { Invoice, InvoiceFilter, InvoiceSort } from '../src/core/schemas.js';
import type { InvoiceIndex } from './data.js';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const plain = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

function fmtMoney(minor: number): string {
  return money.format(minor / 100);
}

function fmtDate(iso: string): string {
  return dates.format(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

const STYLE = `
.bl { font: 14px/1.4 system-ui, sans-serif; color: #111; }
.bl .bar { display: flex; gap: 8px; align-items: end; padding: 8px 0; }
.bl table { border-collapse: collapse; width: 100%; }
.bl th, .bl td { padding: 6px 8px; border-bottom: 1px solid #ddd; text-align: start; vertical-align: middle; }
.bl .num { text-align: end; font-variant-numeric: tabular-nums; }
.bl .sub { display: block; font-size: 12px; color: #666; font-weight: normal; }
.bl .badge { margin-inline-start: 4px; padding: 0 4px; border-radius: 4px; background: #fde8e8; color: #b42318; font-size: 12px; }
.bl button { font: inherit; padding: 4px 10px; margin-inline-end: 4px; }
.bl tr.selected { background: #eef3ff; }
.bl input.amount { width: 8rem; text-align: end; }
.bl .totals { display: flex; gap: 16px; padding: 8px 0; font-weight: 600; }
`;

let styleAdded = false;
function addStyle(): void {
  if (styleAdded) return;
  styleAdded = true;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The invoice list: status, number (+ PO / description), dates, total, balance, pending, actions.

const LIST_ROW = document.createElement('template');
LIST_ROW.innerHTML =
  '<tr><td><span></span><span class="badge">Past due</span></td><th scope="row"><span></span><span class="sub"></span></th>' +
  '<td></td><td></td><td class="num"></td><td class="num"></td><td class="num"></td>' +
  '<td><button type="button" class="pay">Pay Now</button><button type="button" class="details">Details</button></td></tr>';

const SORTS: [InvoiceSort | null, string][] = [
  [null, 'Status'],
  ['number', 'Invoice'],
  ['invoiceDate', 'Invoice date'],
  ['dueDate', 'Due date'],
  ['total', 'Total'],
  ['balance', 'Balance'],
  [null, 'Pending'],
  [null, 'Actions'],
];

export interface BaselineList {
  root: HTMLElement;
  statusSelect: HTMLSelectElement;
  sortButton(key: InvoiceSort): HTMLButtonElement;
  destroy(): void;
}

function buildListRows(items: readonly Invoice[], today: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const tpl = LIST_ROW.content.firstChild as HTMLTableRowElement;
  for (const inv of items) {
    const tr = tpl.cloneNode(true) as HTMLTableRowElement;
    const c = tr.children;
    const statusCell = c[0] as HTMLElement;
    (statusCell.firstChild as HTMLElement).textContent = inv.status === 'open' ? 'Open' : inv.status === 'paid' ? 'Paid' : 'Void';
    if (!(inv.status === 'open' && inv.balance > 0 && inv.dueDate < today)) (statusCell.lastChild as HTMLElement).remove();
    const numCell = c[1] as HTMLElement;
    (numCell.firstChild as HTMLElement).textContent = inv.number;
    const sub = [inv.poNumber ? `PO ${inv.poNumber}` : '', inv.description ?? ''].filter(Boolean).join(' · ');
    if (sub) (numCell.lastChild as HTMLElement).textContent = sub;
    else (numCell.lastChild as HTMLElement).remove();
    (c[2] as HTMLElement).textContent = fmtDate(inv.invoiceDate);
    (c[3] as HTMLElement).textContent = fmtDate(inv.dueDate);
    (c[4] as HTMLElement).textContent = fmtMoney(inv.total);
    (c[5] as HTMLElement).textContent = fmtMoney(inv.balance);
    (c[6] as HTMLElement).textContent = inv.pending > 0 ? fmtMoney(inv.pending) : '—';
    const actions = c[7] as HTMLElement;
    const pay = actions.firstChild as HTMLButtonElement;
    if (inv.status === 'open' && inv.balance > 0) pay.setAttribute('aria-label', `Pay Now invoice ${inv.number}`);
    else pay.remove();
    (actions.lastChild as HTMLButtonElement).setAttribute('aria-label', `Details of invoice ${inv.number}`);
    frag.append(tr);
  }
  return frag;
}

/** Renders every invoice that matches the filter (default: open, by due date) synchronously. */
export function renderBaselineList(container: HTMLElement, index: InvoiceIndex): BaselineList {
  addStyle();
  const state: { status: InvoiceFilter; sort: InvoiceSort; order: 'asc' | 'desc' } = { status: 'open', sort: 'dueDate', order: 'asc' };
  const today = todayIso();
  const root = document.createElement('div');
  root.className = 'bl';
  root.innerHTML =
    '<h2>Invoices</h2><div class="bar"><label>Status <select><option value="open">Open</option><option value="paid">Paid</option>' +
    '<option value="all">All</option></select></label><label>Search <input type="search"></label></div><p role="status"></p>' +
    '<table><thead><tr></tr></thead><tbody></tbody></table>';
  const select = root.querySelector('select') as HTMLSelectElement;
  const status = root.querySelector('p') as HTMLElement;
  const headRow = root.querySelector('thead tr') as HTMLTableRowElement;
  const tbody = root.querySelector('tbody') as HTMLTableSectionElement;
  const buttons = new Map<InvoiceSort, HTMLButtonElement>();
  for (const [key, label] of SORTS) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (key) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => {
        if (state.sort === key) state.order = state.order === 'asc' ? 'desc' : 'asc';
        else {
          state.sort = key;
          state.order = 'asc';
        }
        fill();
      });
      buttons.set(key, b);
      th.append(b);
    } else th.textContent = label;
    if (key === 'total' || key === 'balance' || label === 'Pending') th.className = 'num';
    headRow.append(th);
  }
  const fill = (): void => {
    for (const [key, b] of buttons) {
      (b.parentElement as HTMLElement).setAttribute('aria-sort', key === state.sort ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
    }
    const items = index.query({ status: state.status, search: '', sort: state.sort, order: state.order });
    status.textContent = `${items.length.toLocaleString('en-US')} invoices`;
    tbody.replaceChildren(buildListRows(items, today));
  };
  select.addEventListener('change', () => {
    state.status = select.value as InvoiceFilter;
    fill();
  });
  fill();
  container.append(root);
  return {
    root,
    statusSelect: select,
    sortButton: (key) => buttons.get(key) as HTMLButtonElement,
    destroy: () => root.remove(),
  };
}

// ---------------------------------------------------------------------------------------------
// The pay table: a checkbox per open invoice, the amount to pay on selected rows, select all, totals.

const PAY_ROW = document.createElement('template');
PAY_ROW.innerHTML =
  '<tr><td><input type="checkbox"></td><td></td><td></td><td></td><td class="num"></td><td class="num"></td><td class="num"></td></tr>';

export interface BaselinePay {
  root: HTMLElement;
  rowCheckbox(i: number): HTMLInputElement;
  selectAll: HTMLInputElement;
  totalsText(): string;
  destroy(): void;
}

/** Every open invoice as a selectable row, with a running total (card surcharge 3 %). */
export function renderBaselinePay(container: HTMLElement, invoices: readonly Invoice[]): BaselinePay {
  addStyle();
  const root = document.createElement('div');
  root.className = 'bl';
  root.innerHTML =
    '<h2>Make Online Payments</h2><table><thead><tr><th><span hidden>Select</span></th><th>Invoice</th><th>Invoice date</th>' +
    '<th>Due date</th><th class="num">Balance</th><th class="num">Pending</th><th class="num">Amount to pay</th></tr></thead>' +
    '<tbody></tbody></table><label><input type="checkbox" class="all"> Select all</label>' +
    '<div class="totals"><span>Invoices <output class="inv"></output></span><span>Surcharge <output class="sur"></output></span>' +
    '<span>Total <output class="tot"></output></span></div>';
  const tbody = root.querySelector('tbody') as HTMLTableSectionElement;
  const selectAll = root.querySelector('input.all') as HTMLInputElement;
  const outInv = root.querySelector('output.inv') as HTMLOutputElement;
  const outSur = root.querySelector('output.sur') as HTMLOutputElement;
  const outTot = root.querySelector('output.tot') as HTMLOutputElement;
  const payable: number[] = [];
  const selected = new Uint8Array(invoices.length);
  let selectedCount = 0;
  let sum = 0;
  const tpl = PAY_ROW.content.firstChild as HTMLTableRowElement;
  const frag = document.createDocumentFragment();
  const rows: HTMLTableRowElement[] = [];
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i] as Invoice;
    const tr = tpl.cloneNode(true) as HTMLTableRowElement;
    const c = tr.children;
    const box = (c[0] as HTMLElement).firstChild as HTMLInputElement;
    box.dataset['i'] = String(i);
    box.setAttribute('aria-label', `Select invoice ${inv.number}`);
    (c[1] as HTMLElement).textContent = inv.number;
    (c[2] as HTMLElement).textContent = fmtDate(inv.invoiceDate);
    (c[3] as HTMLElement).textContent = fmtDate(inv.dueDate);
    (c[4] as HTMLElement).textContent = fmtMoney(inv.balance);
    (c[5] as HTMLElement).textContent = inv.pending > 0 ? fmtMoney(inv.pending) : '';
    payable.push(Math.max(0, inv.balance - inv.pending));
    rows.push(tr);
    frag.append(tr);
  }
  tbody.append(frag);

  const setRow = (i: number, on: boolean): void => {
    if ((selected[i] === 1) === on) return;
    selected[i] = on ? 1 : 0;
    selectedCount += on ? 1 : -1;
    sum += on ? (payable[i] as number) : -(payable[i] as number);
    const tr = rows[i] as HTMLTableRowElement;
    tr.classList.toggle('selected', on);
    const cell = tr.lastChild as HTMLElement;
    if (on) {
      const input = document.createElement('input');
      input.className = 'amount';
      input.inputMode = 'decimal';
      input.value = plain.format((payable[i] as number) / 100);
      cell.append(input);
    } else cell.replaceChildren();
  };
  const showTotals = (): void => {
    const surcharge = Math.round((sum * 300) / 10_000);
    outInv.textContent = fmtMoney(sum);
    outSur.textContent = fmtMoney(surcharge);
    outTot.textContent = fmtMoney(sum + surcharge);
    selectAll.checked = selectedCount === invoices.length && invoices.length > 0;
    selectAll.indeterminate = selectedCount > 0 && !selectAll.checked;
  };
  tbody.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const i = Number(box.dataset['i']);
    setRow(i, box.checked);
    showTotals();
  });
  selectAll.addEventListener('change', () => {
    const on = selectAll.checked;
    for (let i = 0; i < rows.length; i++) {
      ((rows[i] as HTMLTableRowElement).firstChild?.firstChild as HTMLInputElement).checked = on;
      setRow(i, on);
    }
    showTotals();
  });
  showTotals();
  container.append(root);
  return {
    root,
    rowCheckbox: (i) => (rows[i] as HTMLTableRowElement).querySelector('input') as HTMLInputElement,
    selectAll,
    totalsText: () => outTot.textContent ?? '',
    destroy: () => root.remove(),
  };
}
