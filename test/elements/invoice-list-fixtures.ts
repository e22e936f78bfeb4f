/**
 * An in-memory `PayInvoicesBackend` for `<invoice-list>` tests: data and faults under the test's
 * control, every call recorded, responses optionally held back (to see loading states).
 */
import type { InvoiceQuery, PayInvoicesBackend } from '../../src/backend/types.js';
import type {
  Account,
  Credit,
  Invoice,
  InvoicePage,
  Payment,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../../src/core/schemas.js';
import { NotFoundError } from '../../src/backend/errors.js';

export const ACME: Account = { id: 'A-1', number: 'C-1001', name: 'Acme Hardware Co.', currency: 'USD' };
export const GLOBEX: Account = { id: 'A-2', number: 'C-1002', name: 'Globex Retail', currency: 'USD' };
export const INITECH: Account = { id: 'A-3', number: 'C-1003', name: 'Initech Supply', currency: 'USD' };

export const WORKER: Viewer = { kind: 'worker', id: 'W-1', name: 'Wanda Worker' };
export const CONTACT: Viewer = { kind: 'contact', id: 'CT-1', name: 'Carl Contact', accountId: ACME.id };

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    onlinePaymentsEnabled: true,
    allowedMethods: ['card', 'ach'],
    partialPaymentsAllowed: true,
    overpaymentAllowed: false,
    surcharge: { card: null, ach: null },
    currency: 'USD',
    achMandateText: 'I authorize the debit.',
    walkthroughEnabled: true,
    memoMaxLength: 500,
    ...overrides,
  };
}

export function invoice(n: number, overrides: Partial<Invoice> = {}): Invoice {
  const num = String(n).padStart(4, '0');
  return {
    id: `inv-${num}`,
    number: `INV-${num}`,
    status: 'open',
    invoiceDate: '2030-01-01',
    dueDate: '2030-01-31',
    currency: 'USD',
    total: 10000 + n,
    balance: 10000 + n,
    pending: 0,
    ...overrides,
  };
}

/** A small, varied account: open, past-due, paid and partly pending invoices. */
export function acmeInvoices(): Invoice[] {
  return [
    invoice(1001, { dueDate: '2020-02-15', invoiceDate: '2020-01-15', total: 125000, balance: 125000, poNumber: 'PO-77', description: 'Hinges' }),
    invoice(1002, { dueDate: '2031-03-01', invoiceDate: '2031-02-01', total: 50000, balance: 20000, pending: 5000 }),
    invoice(1003, { status: 'paid', dueDate: '2029-05-01', invoiceDate: '2029-04-01', total: 7500, balance: 0 }),
    invoice(1004, { dueDate: '2030-06-30', invoiceDate: '2030-06-01', total: 990000, balance: 990000, description: 'Power tools' }),
    invoice(1005, { status: 'paid', dueDate: '2028-01-01', invoiceDate: '2027-12-01', total: 3000, balance: 0 }),
  ];
}

export function manyInvoices(count: number): Invoice[] {
  const out: Invoice[] = [];
  for (let i = 1; i <= count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    // Rich rows (PO, description, some past due) so the node count is measured at its worst.
    out.push(
      invoice(i, {
        id: `big-${i}`,
        number: `INV-${String(i).padStart(6, '0')}`,
        dueDate: `${i % 3 === 0 ? 2020 : 2031}-${month}-${day}`,
        balance: 100 + i,
        total: 100 + i,
        poNumber: `PO-${i}`,
        description: `Order ${i}`,
      }),
    );
  }
  return out;
}

export function payment(n: number, overrides: Partial<Payment> = {}): Payment {
  return {
    id: `pay-${n}`,
    idempotencyKey: `key-${n}`,
    accountId: ACME.id,
    status: 'succeeded',
    createdAt: '2030-03-04T10:00:00Z',
    currency: 'USD',
    allocations: [{ invoiceId: 'inv-1001', amount: 125000 }],
    credits: [],
    invoiceTotal: 125000,
    creditTotal: 0,
    surcharge: 0,
    total: 125000,
    memo: '',
    methodType: 'card',
    methodSummary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 },
    paidBy: { kind: 'contact', name: 'Carl Contact' },
    cashReceipt: {
      id: `cr-${n}`,
      number: `CR-${String(n).padStart(6, '0')}`,
      date: '2030-03-04',
      batchId: 'batch-1',
      status: 'pending_import',
      amount: 125000,
      currency: 'USD',
    },
    ...overrides,
  };
}

type MethodName = keyof PayInvoicesBackend;

export interface FakeOptions {
  viewer?: Viewer;
  accounts?: Account[];
  invoices?: Record<string, Invoice[]>;
  payments?: Record<string, Payment[]>;
  settings?: Settings;
}

export class FakeBackend implements PayInvoicesBackend {
  viewer: Viewer;
  accounts: Account[];
  invoices: Record<string, Invoice[]>;
  payments: Record<string, Payment[]>;
  settingsValue: Settings;
  /** Calls by method name, with their arguments (signals left out). */
  calls: Array<{ method: MethodName; args: unknown[] }> = [];
  /** Make a method reject (every call until cleared). */
  failures: Partial<Record<MethodName, () => unknown>> = {};
  /** Make a method resolve with a raw value instead of the data (for malformed responses). */
  overrides: Partial<Record<MethodName, () => unknown>> = {};
  private gate: Promise<void> | null = null;
  private release: (() => void) | null = null;

  constructor(options: FakeOptions = {}) {
    this.viewer = options.viewer ?? CONTACT;
    this.accounts = options.accounts ?? [ACME, GLOBEX, INITECH];
    this.invoices = options.invoices ?? { [ACME.id]: acmeInvoices(), [GLOBEX.id]: [invoice(2001)], [INITECH.id]: [] };
    this.payments = options.payments ?? {};
    this.settingsValue = options.settings ?? settings();
  }

  /** Holds every response until the returned function is called. */
  hold(): () => void {
    this.gate = new Promise((resolve) => {
      this.release = () => {
        this.gate = null;
        resolve();
      };
    });
    return () => this.release?.();
  }

  callsOf(method: MethodName): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  lastQuery(): InvoiceQuery | undefined {
    const all = this.callsOf('listInvoices');
    return all[all.length - 1]?.[1] as InvoiceQuery | undefined;
  }

  private async run<T>(method: MethodName, args: unknown[], signal: AbortSignal | undefined, produce: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    if (this.gate) await this.gate;
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const failure = this.failures[method];
    if (failure) throw failure();
    const override = this.overrides[method];
    if (override) return override() as T;
    return structuredClone(produce());
  }

  getViewer(signal?: AbortSignal): Promise<Viewer> {
    return this.run('getViewer', [], signal, () => this.viewer);
  }
  getSettings(accountId: string | null, signal?: AbortSignal): Promise<Settings> {
    return this.run('getSettings', [accountId], signal, () => this.settingsValue);
  }
  searchAccounts(query: string, signal?: AbortSignal): Promise<Account[]> {
    return this.run('searchAccounts', [query], signal, () => {
      const q = query.toLowerCase();
      return this.accounts.filter((a) => a.name.toLowerCase().includes(q) || a.number.toLowerCase().includes(q));
    });
  }
  getAccount(accountId: string, signal?: AbortSignal): Promise<Account> {
    return this.run('getAccount', [accountId], signal, () => {
      const a = this.accounts.find((x) => x.id === accountId);
      if (!a) throw new NotFoundError('No such account.');
      return a;
    });
  }
  listInvoices(accountId: string, query: InvoiceQuery, signal?: AbortSignal): Promise<InvoicePage> {
    return this.run('listInvoices', [accountId, { ...query }], signal, () => {
      const status = query.status ?? 'open';
      const search = (query.search ?? '').toLowerCase();
      let rows = (this.invoices[accountId] ?? []).filter((i) => status === 'all' || i.status === status);
      if (search) {
        rows = rows.filter((i) =>
          [i.number, i.poNumber ?? '', i.description ?? ''].some((s) => s.toLowerCase().includes(search)),
        );
      }
      const sort = query.sort ?? 'dueDate';
      const dir = query.order === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => {
        const x = a[sort];
        const y = b[sort];
        const c = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return c * dir;
      });
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return { items: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
    });
  }
  getInvoice(accountId: string, invoiceId: string, signal?: AbortSignal): Promise<Invoice> {
    return this.run('getInvoice', [accountId, invoiceId], signal, () => {
      const inv = (this.invoices[accountId] ?? []).find((i) => i.id === invoiceId);
      if (!inv) throw new NotFoundError('No such invoice.');
      return inv;
    });
  }
  listPayments(accountId: string, signal?: AbortSignal): Promise<Payment[]> {
    return this.run('listPayments', [accountId], signal, () => this.payments[accountId] ?? []);
  }
  listCredits(_accountId: string, _signal?: AbortSignal): Promise<Credit[]> {
    return Promise.resolve([]);
  }
  listPaymentMethods(_accountId: string, _signal?: AbortSignal): Promise<SavedPaymentMethod[]> {
    return Promise.resolve([]);
  }
  addPaymentMethod(): Promise<SavedPaymentMethod> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  removePaymentMethod(): Promise<void> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  setDefaultPaymentMethod(): Promise<SavedPaymentMethod[]> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  verifyPaymentMethod(): Promise<SavedPaymentMethod> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  createPayment(): Promise<Payment> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  getPayment(): Promise<Payment> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  findPaymentByKey(): Promise<Payment | null> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
  confirmPayment(): Promise<Payment> {
    return Promise.reject(new Error('not used by invoice-list'));
  }
}

// ------------------------------------------------------------------------------------------------
// Shadow-DOM helpers: find things the way a user does (role / accessible name / text).

export function root(el: HTMLElement): ShadowRoot {
  const r = el.shadowRoot;
  if (!r) throw new Error('no shadow root');
  return r;
}

/** Text of a node as a user reads it, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function buttons(scope: ParentNode): HTMLButtonElement[] {
  return [...scope.querySelectorAll('button')];
}

/** A control's accessible name, simplified: aria-label, else its text. */
export function nameOf(el: Element | null | undefined): string {
  if (!el) return '';
  return el.getAttribute('aria-label') ?? textOf(el);
}

/** The first button whose accessible name starts with `name` (or matches it). */
export function button(scope: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return buttons(scope).find((b) => (typeof name === 'string' ? nameOf(b).startsWith(name) : name.test(nameOf(b))));
}

/** The form control labelled `label` (by <label for>). */
export function control<T extends HTMLElement = HTMLInputElement>(scope: ShadowRoot, label: string): T | null {
  const l = [...scope.querySelectorAll('label')].find((x) => textOf(x) === label);
  return l ? scope.getElementById(l.htmlFor) as T | null : null;
}

/** Body rows of the invoices table, each as its cells' texts. */
export function rows(el: HTMLElement): string[][] {
  const table = root(el).querySelector('table[part="table"]');
  if (!table) return [];
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => textOf(c)));
}

/** Invoice numbers in table order (the row header holds the number, then PO/description). */
export function numbers(el: HTMLElement): string[] {
  const table = root(el).querySelector('table[part="table"]');
  if (!table) return [];
  return [...table.querySelectorAll('tbody th[scope="row"]')].map((th) =>
    [...th.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim(),
  );
}

/** Every node (elements, text, comments) under a shadow root, nested shadow roots included. */
export function countNodes(start: Node): number {
  let n = 0;
  const walk = (node: Node) => {
    n++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(start);
  return n;
}
