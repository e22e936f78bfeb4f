import { fixture, html, expect, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/invoice-list.js';
import type { InvoiceList, PayNowDetail } from '../../src/elements/invoice-list/invoice-list.js';
import { MalformedResponseError, UnavailableError } from '../../src/backend/errors.js';
import {
  ACME,
  CONTACT,
  FakeBackend,
  GLOBEX,
  INITECH,
  WORKER,
  acmeInvoices,
  button,
  buttons,
  control,
  countNodes,
  invoice,
  manyInvoices,
  nameOf,
  numbers,
  payment,
  root,
  rows,
  settings,
  textOf,
} from './invoice-list-fixtures.js';

const WAIT = { timeout: 10000 };

async function settled(el: InvoiceList): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () => root(el).querySelector('section.invoice-list')?.getAttribute('aria-busy') === 'false',
    'the list did not finish loading',
    WAIT,
  );
  await el.updateComplete;
}

async function mount(backend: FakeBackend, attrs: { mode?: string; account?: string } = {}): Promise<InvoiceList> {
  const el = await fixture<InvoiceList>(
    html`<invoice-list .backend=${backend} mode=${attrs.mode ?? ''} account=${attrs.account ?? ''} locale="en-US"></invoice-list>`,
  );
  await settled(el);
  return el;
}

function statusText(el: InvoiceList): string {
  return textOf(root(el).querySelector('section.invoice-list > p[role="status"]'));
}

async function choose(el: InvoiceList, label: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(root(el), label);
  if (!select) throw new Error(`no control ${label}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
}

function payNowButtons(el: InvoiceList): string[] {
  return buttons(root(el)).map((b) => nameOf(b)).filter((t) => t.startsWith('Pay Now'));
}

function activeInShadow(el: InvoiceList): Element | null {
  return root(el).activeElement;
}

describe('<invoice-list>', () => {
  it('renders the column headers and the open invoices of the contact viewer’s account', async () => {
    const backend = new FakeBackend({ viewer: CONTACT });
    const el = await mount(backend);
    const r = root(el);
    const headers = [...r.querySelectorAll('table[part="table"] thead th')].map((th) => textOf(th).replace(/[▲▼↕]/g, '').trim());
    expect(headers).to.deep.equal(['Status', 'Invoice number', 'Invoice date', 'Due date', 'Total', 'Balance', 'Pending', 'Actions']);
    expect(textOf(r.querySelector('h2'))).to.equal('Invoices for Acme Hardware Co. (C-1001)');
    // Default: open invoices by due date, ascending.
    expect(numbers(el)).to.deep.equal(['INV-1001', 'INV-1004', 'INV-1002']);
    const first = rows(el)[0];
    expect(first[0]).to.equal('Open Past due');
    expect(first[1]).to.contain('PO PO-77').and.contain('Hinges');
    expect(first[2]).to.equal('Jan 15, 2020');
    expect(first[3]).to.equal('Feb 15, 2020');
    expect(first[4]).to.equal('$1,250.00');
    expect(first[5]).to.equal('$1,250.00');
    expect(first[6]).to.equal('—');
    expect(rows(el)[2][6]).to.equal('$50.00');
    expect(rows(el)[1][0]).to.equal('Open');
    expect(statusText(el)).to.equal('3 invoices, page 1 of 1');
    expect(backend.lastQuery()).to.deep.include({ status: 'open', sort: 'dueDate', order: 'asc', offset: 0, limit: 50 });
    await expect(el).to.be.accessible();
  });

  it('shows Pay Now only on open invoices with a balance', async () => {
    const backend = new FakeBackend({
      invoices: { [ACME.id]: [...acmeInvoices(), invoice(1006, { balance: 0, dueDate: '2032-01-01' })] },
    });
    const el = await mount(backend);
    await choose(el, 'Show', 'all');
    expect(numbers(el)).to.have.length(6);
    expect(payNowButtons(el)).to.deep.equal(['Pay Now invoice INV-1001', 'Pay Now invoice INV-1004', 'Pay Now invoice INV-1002']);
    const paidRow = [...root(el).querySelectorAll('tbody tr')].find((tr) => textOf(tr).includes('INV-1003'));
    expect(paidRow && button(paidRow, 'Pay Now')).to.equal(undefined);
    expect(paidRow && button(paidRow, 'Details for invoice INV-1003')).to.exist;
  });

  it('pay-now carries the invoice and, when canceled, leaves the list in place', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    el.addEventListener('pay-now', (e) => e.preventDefault(), { once: true });
    const pay = button(root(el), 'Pay Now invoice INV-1004');
    setTimeout(() => pay?.click());
    const ev = await oneEvent(el, 'pay-now');
    expect(ev.detail).to.deep.equal({ accountId: ACME.id, invoiceId: 'inv-1004', invoiceNumber: 'INV-1004' } satisfies PayNowDetail);
    expect(ev.bubbles && ev.composed && ev.cancelable).to.equal(true);
    await el.updateComplete;
    expect(root(el).querySelector('pay-invoices')).to.equal(null);
    expect(numbers(el)).to.have.length(3);
  });

  it('continues into <pay-invoices> in place when not canceled, and back to a reloaded list on pay-back', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    button(root(el), 'Pay Now invoice INV-1002')?.click();
    // This page registers only <invoice-list>: the list fetches <pay-invoices> on the first Pay Now.
    await waitUntil(() => root(el).querySelector('pay-invoices'), 'the pay view did not appear', { timeout: 10000 });
    await el.updateComplete;
    expect(customElements.get('pay-invoices'), 'registered by the list').to.be.a('function');
    const pay = root(el).querySelector('pay-invoices') as (HTMLElement & { selectedInvoiceIds?: string[]; backend?: unknown }) | null;
    expect(pay).to.exist;
    expect(pay?.getAttribute('account')).to.equal(ACME.id);
    expect(pay?.selectedInvoiceIds).to.deep.equal(['inv-1002']);
    expect(pay?.backend).to.equal(backend);
    expect(pay?.hasAttribute('show-back')).to.equal(true);
    expect(root(el).querySelector('table')).to.equal(null);
    expect(activeInShadow(el)).to.equal(pay);

    // Meanwhile the payment posted: the list must show the new balance.
    backend.invoices[ACME.id][1].pending = 20000;
    const listCalls = backend.callsOf('listInvoices').length;
    pay?.dispatchEvent(new CustomEvent('pay-back', { bubbles: true, composed: true }));
    await settled(el);
    expect(root(el).querySelector('pay-invoices')).to.equal(null);
    expect(backend.callsOf('listInvoices').length).to.be.greaterThan(listCalls);
    expect(rows(el)[2][6]).to.equal('$200.00');
    expect(activeInShadow(el)?.tagName).to.equal('H2');
  });

  it('filters by status: open (default), paid and all', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    expect(control<HTMLSelectElement>(root(el), 'Show')?.value).to.equal('open');
    await choose(el, 'Show', 'paid');
    expect(backend.lastQuery()?.status).to.equal('paid');
    expect(numbers(el)).to.deep.equal(['INV-1005', 'INV-1003']);
    expect(payNowButtons(el)).to.deep.equal([]);
    await choose(el, 'Show', 'all');
    expect(numbers(el)).to.have.length(5);
    await choose(el, 'Show', 'open');
    expect(numbers(el)).to.have.length(3);
  });

  it('sorts by due date, number and balance in both directions with aria-sort', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const r = root(el);
    const th = (name: string) => [...r.querySelectorAll('thead th')].find((x) => textOf(x).startsWith(name));
    expect(th('Due date')?.getAttribute('aria-sort')).to.equal('ascending');

    button(r, 'Due date')?.click();
    await settled(el);
    expect(numbers(el)).to.deep.equal(['INV-1002', 'INV-1004', 'INV-1001']);
    expect(th('Due date')?.getAttribute('aria-sort')).to.equal('descending');

    button(r, 'Invoice number')?.click();
    await settled(el);
    expect(backend.lastQuery()).to.deep.include({ sort: 'number', order: 'asc' });
    expect(numbers(el)).to.deep.equal(['INV-1001', 'INV-1002', 'INV-1004']);
    expect(th('Invoice number')?.getAttribute('aria-sort')).to.equal('ascending');
    expect(th('Due date')?.getAttribute('aria-sort')).to.equal('none');

    button(r, 'Invoice number')?.click();
    await settled(el);
    expect(numbers(el)).to.deep.equal(['INV-1004', 'INV-1002', 'INV-1001']);

    button(r, 'Balance')?.click();
    await settled(el);
    expect(numbers(el)).to.deep.equal(['INV-1002', 'INV-1001', 'INV-1004']);
    button(r, 'Balance')?.click();
    await settled(el);
    expect(backend.lastQuery()).to.deep.include({ sort: 'balance', order: 'desc' });
    expect(numbers(el)).to.deep.equal(['INV-1004', 'INV-1001', 'INV-1002']);
  });

  it('searches invoices on the server, debounced, and names the filter when nothing matches', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const input = control(root(el), 'Search invoices');
    if (!input) throw new Error('no search box');
    const before = backend.callsOf('listInvoices').length;
    for (const value of ['h', 'hi', 'hin', 'hinges']) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await waitUntil(() => backend.lastQuery()?.search === 'hinges', 'search not sent', WAIT);
    await settled(el);
    expect(backend.callsOf('listInvoices').length).to.equal(before + 1);
    expect(numbers(el)).to.deep.equal(['INV-1001']);

    input.value = 'PO-77';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => backend.lastQuery()?.search === 'PO-77', 'PO search not sent', WAIT);
    await settled(el);
    expect(numbers(el)).to.deep.equal(['INV-1001']);

    input.value = 'nothing-like-this';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => backend.lastQuery()?.search === 'nothing-like-this', 'search not sent', WAIT);
    await settled(el);
    expect(statusText(el)).to.equal('No open invoices match “nothing-like-this”.');
    expect(root(el).querySelector('table')).to.equal(null);
  });

  it('F30 caps a larger page-size at 50 rows so the DOM stays under 2,000 nodes', async () => {
    const backend = new FakeBackend({ viewer: { ...CONTACT, accountId: INITECH.id }, invoices: { [INITECH.id]: manyInvoices(10000) } });
    const el = await mount(backend);
    el.pageSize = 1000;
    await waitUntil(() => backend.lastQuery()?.limit === 50 && numbers(el).length === 50, 'page not reloaded', WAIT);
    await settled(el);
    expect(backend.lastQuery()).to.deep.include({ limit: 50 });
    const nodes = countNodes(root(el));
    expect(nodes, `nodes in the shadow root: ${nodes}`).to.be.lessThan(2000);
  });

  it('F30 pages 10,000 invoices with a small DOM and reaches the last page by keyboard', async () => {
    const backend = new FakeBackend({ viewer: { ...CONTACT, accountId: INITECH.id }, invoices: { [INITECH.id]: manyInvoices(10000) } });
    const el = await mount(backend);
    expect(numbers(el)).to.have.length(50);
    expect(statusText(el)).to.equal('10,000 invoices, page 1 of 200');
    const pager = root(el).querySelector('[part="pager"]');
    expect(textOf(pager)).to.contain('Page 1 of 200');
    const nodes = countNodes(root(el));
    expect(nodes, `nodes in the shadow root: ${nodes}`).to.be.lessThan(2000);

    const next = pager && button(pager, 'Next');
    next?.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(backend.lastQuery()).to.deep.include({ offset: 50, limit: 50 });
    expect(textOf(pager)).to.contain('Page 2 of 200');
    expect(activeInShadow(el)).to.equal(next);

    const last = pager && button(pager, 'Last page');
    last?.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(backend.lastQuery()).to.deep.include({ offset: 9950 });
    expect(textOf(pager)).to.contain('Page 200 of 200');
    expect(numbers(el)).to.have.length(50);
    // Next and Last are disabled now: focus stays in the pager.
    expect(activeInShadow(el)?.closest('[part="pager"]')).to.equal(pager);
    expect(countNodes(root(el))).to.be.lessThan(2000);
  });

  it('F30 keyboard: Tab reaches every row’s Pay Now and Details, Enter activates Pay Now', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    button(root(el), 'Balance')?.focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      reached.push(nameOf(activeInShadow(el)));
    }
    expect(reached).to.deep.equal([
      'Pay Now invoice INV-1001',
      'Details for invoice INV-1001',
      'Pay Now invoice INV-1004',
      'Details for invoice INV-1004',
      'Pay Now invoice INV-1002',
      'Details for invoice INV-1002',
    ]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(nameOf(activeInShadow(el))).to.equal('Pay Now invoice INV-1002');
    expect(textOf(activeInShadow(el))).to.equal('Pay Now');
    const seen: PayNowDetail[] = [];
    el.addEventListener('pay-now', (e) => {
      seen.push(e.detail);
      e.preventDefault();
    });
    await sendKeys({ press: 'Enter' });
    expect(seen.map((d) => d.invoiceNumber)).to.deep.equal(['INV-1002']);
  });

  it('worker mode: searches accounts by "Search accounts", then shows the chosen account’s invoices', async () => {
    const backend = new FakeBackend({ viewer: WORKER });
    const el = await mount(backend, { mode: 'worker' });
    const r = root(el);
    expect(r.querySelector('table')).to.equal(null);
    const search = control(r, 'Search accounts');
    expect(search).to.exist;
    search?.focus();
    await sendKeys({ type: 'glob' });
    const option = await (async () => {
      await waitUntil(() => button(r, 'Globex Retail (C-1002)'), 'no account offered', WAIT);
      return button(r, 'Globex Retail (C-1002)');
    })();
    expect(backend.callsOf('searchAccounts')).to.deep.equal([['glob']]);
    expect(textOf(r.querySelector('.account-search [role="status"]'))).to.equal('1 account found');
    await expect(el).to.be.accessible();
    option?.click();
    await settled(el);
    expect(textOf(r.querySelector('h2'))).to.equal('Invoices for Globex Retail (C-1002)');
    expect(numbers(el)).to.deep.equal(['INV-2001']);
    expect(backend.lastQuery() && backend.callsOf('listInvoices').at(-1)?.[0]).to.equal(GLOBEX.id);
    expect(activeInShadow(el)?.tagName).to.equal('H2');

    // Pay Now reports the chosen account.
    el.addEventListener('pay-now', (e) => e.preventDefault(), { once: true });
    setTimeout(() => button(r, 'Pay Now')?.click());
    const ev = await oneEvent(el, 'pay-now');
    expect(ev.detail.accountId).to.equal(GLOBEX.id);
  });

  it('takes the mode from the viewer when none is set: a worker gets the account search', async () => {
    const el = await mount(new FakeBackend({ viewer: WORKER }));
    expect(control(root(el), 'Search accounts')).to.exist;
    expect(textOf(root(el))).to.contain('Search for an account to see its invoices.');
  });

  it('contact mode has no account search and shows the fixed account', async () => {
    const backend = new FakeBackend({ viewer: WORKER });
    const el = await mount(backend, { mode: 'contact', account: GLOBEX.id });
    expect(control(root(el), 'Search accounts')).to.equal(null);
    expect(root(el).querySelector('input[type="search"]#account-search')).to.equal(null);
    expect(numbers(el)).to.deep.equal(['INV-2001']);
    expect(backend.callsOf('getViewer')).to.have.length(0);
    expect(textOf(root(el).querySelector('h2'))).to.equal('Invoices for Globex Retail (C-1002)');
    await expect(el).to.be.accessible();
  });

  it('shows a busy loading state with spinner text while invoices load', async () => {
    const backend = new FakeBackend();
    const release = backend.hold();
    const el = await fixture<InvoiceList>(html`<invoice-list .backend=${backend} mode="contact" account=${ACME.id}></invoice-list>`);
    await waitUntil(() => backend.callsOf('listInvoices').length > 0, 'list not requested', WAIT);
    await el.updateComplete;
    const section = root(el).querySelector('section.invoice-list');
    expect(section?.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Loading invoices…');
    expect(root(el).querySelector('.spinner')).to.exist;
    await expect(el).to.be.accessible();
    release();
    await settled(el);
    expect(numbers(el)).to.have.length(3);
  });

  it('F29 zero invoices shows an empty state that names the filter', async () => {
    const backend = new FakeBackend({ viewer: { ...CONTACT, accountId: INITECH.id } });
    const el = await mount(backend);
    expect(statusText(el)).to.equal('No open invoices for this account.');
    expect(root(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
    await choose(el, 'Show', 'paid');
    expect(statusText(el)).to.equal('No paid invoices for this account.');
  });

  it('F27 a malformed response shows a safe error state, never the raw body, and Try again recovers', async () => {
    const backend = new FakeBackend();
    backend.failures.listInvoices = () =>
      new MalformedResponseError('Unexpected body: <script>MARKER-7731</script>', { status: 200, cause: '<script>MARKER-7731</script>' });
    const el = await mount(backend);
    const alert = root(el).querySelector('[role="alert"]');
    expect(textOf(alert)).to.contain('The server sent data we could not read.');
    expect(root(el).innerHTML).not.to.contain('MARKER-7731');
    expect(el.innerHTML + textOf(root(el))).not.to.contain('MARKER-7731');
    await expect(el).to.be.accessible();

    delete backend.failures.listInvoices;
    button(root(el), 'Try again')?.click();
    await settled(el);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    expect(numbers(el)).to.have.length(3);
  });

  it('F27 a backend object returning data that breaks the contract gets the error state too', async () => {
    const backend = new FakeBackend();
    backend.overrides.listInvoices = () => ({ items: [{ id: 'x', number: '<b>MARKER-99</b>' }], total: 'lots' });
    const el = await mount(backend);
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain('could not read');
    expect(root(el).innerHTML).not.to.contain('MARKER-99');
  });

  it('shows a safe message for other failures (service unavailable)', async () => {
    const backend = new FakeBackend();
    backend.failures.getSettings = () => new UnavailableError('503 <html>upstream</html>');
    const el = await mount(backend);
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.equal('The service is unavailable right now. Try again in a moment. Try again');
    expect(textOf(root(el))).not.to.contain('upstream');
  });

  it('F27 a failed viewer lookup shows the error state and Try again recovers', async () => {
    const backend = new FakeBackend();
    backend.failures.getViewer = () => new MalformedResponseError('<html>MARKER-VIEWER</html>');
    const el = await mount(backend);
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain('could not read');
    expect(root(el).innerHTML).not.to.contain('MARKER-VIEWER');
    delete backend.failures.getViewer;
    button(root(el), 'Try again')?.click();
    await waitUntil(() => numbers(el).length === 3, 'list did not load after retry', WAIT);
  });

  it('F28 flags a negative balance, duplicate ids and an unknown currency; the rest can still be paid', async () => {
    const backend = new FakeBackend({
      invoices: {
        [ACME.id]: [
          invoice(1, { balance: -500, total: 1000 }),
          invoice(2, { id: 'dup' }),
          invoice(3, { id: 'dup' }),
          invoice(4, { currency: 'ZZZ' }),
          invoice(5),
        ],
      },
    });
    const el = await mount(backend);
    const byNumber = (n: string) => [...root(el).querySelectorAll('tbody tr')].find((tr) => textOf(tr.querySelector('th')).startsWith(n));
    for (const n of ['INV-0001', 'INV-0002', 'INV-0003', 'INV-0004']) {
      const row = byNumber(n);
      expect(textOf(row), n).to.contain('Cannot be paid online');
      expect(row && button(row, 'Pay Now'), n).to.equal(undefined);
    }
    expect(textOf(byNumber('INV-0001'))).to.contain('negative balance');
    expect(textOf(byNumber('INV-0002'))).to.contain('duplicate invoice id');
    expect(textOf(byNumber('INV-0004'))).to.contain('unknown currency ZZZ');
    const ok = byNumber('INV-0005');
    expect(ok && button(ok, 'Pay Now invoice INV-0005')).to.exist;
    expect(textOf(ok)).not.to.contain('Cannot be paid online');
    await expect(el).to.be.accessible();
  });

  it('F31 HTML and script in customer names and descriptions are shown as text', async () => {
    const hostile = '<img src=x onerror="window.__piHacked=1"><script>window.__piHacked=1</script>';
    const backend = new FakeBackend({
      accounts: [{ ...ACME, name: `Acme ${hostile}` }],
      invoices: { [ACME.id]: [invoice(1, { description: hostile, poNumber: '<b>PO</b>' })] },
    });
    const el = await mount(backend);
    const r = root(el);
    expect(textOf(r.querySelector('h2'))).to.contain('<script>');
    expect(rows(el)[0][1]).to.contain(hostile.replace(/\s+/g, ' ')).and.contain('<b>PO</b>');
    expect(r.querySelector('tbody img, tbody script, tbody b, h2 img, h2 script')).to.equal(null);
    expect((window as unknown as { __piHacked?: number }).__piHacked).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('opens invoice details in a modal dialog: lines, dates, PO, https PDF link; Escape closes and focus returns', async () => {
    const backend = new FakeBackend();
    backend.invoices[ACME.id][0] = {
      ...backend.invoices[ACME.id][0],
      pdfUrl: 'https://files.example.com/inv-1001.pdf',
      lines: [
        { sku: 'H-1', description: 'Brass hinge', quantity: 1000, unitPrice: 125, amount: 125000 },
      ],
    };
    const el = await mount(backend);
    const r = root(el);
    const details = button(r, 'Details for invoice INV-1001');
    details?.focus();
    details?.click();
    const dialog = r.querySelector('dialog');
    await waitUntil(() => dialog?.open && r.querySelector('dialog h3'), 'details did not load', WAIT);
    expect(dialog?.matches(':modal')).to.equal(true);
    expect(dialog?.contains(activeInShadow(el))).to.equal(true);
    expect(textOf(dialog?.querySelector('h2'))).to.equal('Invoice INV-1001');
    const text = textOf(dialog);
    expect(text).to.contain('PO number PO-77').and.contain('Due date Feb 15, 2020').and.contain('Invoice date Jan 15, 2020');
    const line = [...(dialog?.querySelectorAll('tbody td') ?? [])].map((td) => textOf(td));
    expect(line).to.deep.equal(['H-1 · Brass hinge', '1,000', '$1.25', '$1,250.00']);
    const link = dialog?.querySelector('a');
    expect(textOf(link)).to.equal('Download PDF');
    expect(link?.getAttribute('href')).to.equal('https://files.example.com/inv-1001.pdf');
    expect(backend.callsOf('getInvoice')).to.deep.equal([[ACME.id, 'inv-1001']]);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog?.open, 'dialog did not close', WAIT);
    await el.updateComplete;
    expect(activeInShadow(el)).to.equal(details);
  });

  it('F32 a javascript: PDF link is not rendered as a link', async () => {
    const backend = new FakeBackend();
    backend.invoices[ACME.id][0] = { ...backend.invoices[ACME.id][0], pdfUrl: 'javascript:alert(1)', lines: [] };
    const el = await mount(backend);
    const r = root(el);
    button(r, 'Details for invoice INV-1001')?.click();
    const dialog = r.querySelector('dialog');
    await waitUntil(() => dialog?.open && r.querySelector('dialog h3'), 'details did not load', WAIT);
    expect(dialog?.querySelector('a')).to.equal(null);
    expect(textOf(dialog)).to.contain('not a secure link').and.not.contain('javascript:');
    button(dialog as HTMLElement, 'Close')?.click();
    await waitUntil(() => !dialog?.open, 'dialog did not close', WAIT);
  });

  it('shows the account’s payment history with receipts, methods, invoices and statuses', async () => {
    const backend = new FakeBackend({
      payments: {
        [ACME.id]: [
          payment(3, {
            status: 'processing',
            methodType: 'ach',
            methodSummary: { type: 'ach', bankName: 'First Bank', last4: '6789', accountType: 'checking' },
            allocations: [{ invoiceId: 'inv-1002', amount: 5000 }, { invoiceId: 'inv-gone', amount: 100 }],
            total: 5100,
          }),
          payment(2, { status: 'failed', cashReceipt: undefined, total: 990000 }),
          payment(1, { cashReceipt: { ...payment(1).cashReceipt!, status: 'posted' } }),
        ],
      },
    });
    const el = await mount(backend);
    const r = root(el);
    button(r, 'Payment history')?.click();
    await el.updateComplete;
    expect(textOf(activeInShadow(el))).to.equal('Payment history');
    const history = r.querySelector('invoice-list-history');
    await waitUntil(() => history?.shadowRoot?.querySelector('tbody'), 'history did not load', WAIT);
    const hr = history?.shadowRoot as ShadowRoot;
    const cells = [...hr.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => textOf(c)));
    expect(cells[0]).to.deep.equal(['CR-000003', 'Mar 4, 2030', '$51.00', 'Checking ending 6789', 'INV-1002, inv-gone', 'Pending import · Processing']);
    expect(cells[1]).to.deep.equal(['No receipt', 'Mar 4, 2030', '$9,900.00', 'Visa ending 4242', 'INV-1001', 'Failed']);
    expect(cells[2]).to.deep.equal(['CR-000001', 'Mar 4, 2030', '$1,250.00', 'Visa ending 4242', 'INV-1001', 'Posted']);
    expect(backend.callsOf('listPayments')).to.deep.equal([[ACME.id]]);
    await expect(el).to.be.accessible();

    button(r, 'Back to invoices')?.click();
    await el.updateComplete;
    expect(numbers(el)).to.have.length(3);
    expect(textOf(activeInShadow(el))).to.equal('Payment history');
  });

  it('says "No payments yet" when the account has none', async () => {
    const el = await mount(new FakeBackend());
    button(root(el), 'Payment history')?.click();
    await waitUntil(
      () => textOf(root(el).querySelector('invoice-list-history')?.shadowRoot).includes('No payments yet.'),
      'no empty state',
      WAIT,
    );
    await expect(el).to.be.accessible();
  });

  it('with online payments off shows no Pay Now anywhere and says payment is unavailable', async () => {
    const backend = new FakeBackend({ settings: settings({ onlinePaymentsEnabled: false }) });
    const el = await mount(backend);
    expect(numbers(el)).to.have.length(3);
    expect(payNowButtons(el)).to.deep.equal([]);
    expect(textOf(root(el))).to.contain('Online payment is unavailable for this account.');
    expect(button(root(el), 'Details for invoice INV-1001')).to.exist;
  });

  it('reload() fetches the invoices again', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const calls = backend.callsOf('listInvoices').length;
    backend.invoices[ACME.id].push(invoice(1010, { dueDate: '2035-01-01' }));
    el.reload();
    await settled(el);
    await aTimeout(0);
    expect(backend.callsOf('listInvoices').length).to.equal(calls + 1);
    expect(numbers(el)).to.include('INV-1010');
  });
});
