/**
 * The benchmark's data: generated invoices (seeded, so every run and both sides see the same ones),
 * one query function shared by the in-memory backend and the hand-written baseline, and a tiny
 * in-memory `PayInvoicesBackend` over them.
 *
 * A data set of size N holds N open invoices (what `<invoice-list>` shows by default and what
 * `<pay-invoices>` loads) plus N/2 paid ones (seen only with the status filter on Paid or All).
 */
import type { InvoiceQuery, PayInvoicesBackend } from '../src/backend/types.js';
import type {
  Account,
  Credit,
  Invoice,
  InvoiceFilter,
  InvoicePage,
  InvoiceSort,
  Payment,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../src/core/schemas.js';

export const ACCOUNT_ID = 'C-BENCH';

/** Mulberry32: a small seeded PRNG, so the data are identical on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
/** Invoice dates spread over the three years before this day (UTC). */
const END_MS = Date.UTC(2026, 5, 30);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const WORDS = ['Widgets', 'Freight', 'Service call', 'Parts', 'Maintenance', 'Consulting', 'Licenses', 'Supplies'];

/** `open` open invoices plus `open / 2` paid ones, in no particular order. */
export function generateInvoices(open: number, seed = 20260630): Invoice[] {
  const random = rng(seed ^ open);
  const paid = Math.floor(open / 2);
  const count = open + paid;
  const out: Invoice[] = new Array<Invoice>(count);
  for (let i = 0; i < count; i++) {
    const isOpen = i % 3 !== 2 || i >= paid * 3;
    const dateMs = END_MS - Math.floor(random() * 3 * 365) * DAY_MS;
    const total = 1_000 + Math.floor(random() * 2_500_000);
    const partlyPaid = isOpen && random() < 0.15;
    const balance = isOpen ? (partlyPaid ? Math.floor(total * (0.2 + random() * 0.6)) : total) : 0;
    const pending = isOpen && random() < 0.05 ? Math.floor(balance / 2) : 0;
    const inv: Invoice = {
      id: `inv-${String(i + 1).padStart(6, '0')}`,
      number: `INV-${String(100_000 + i + 1)}`,
      status: isOpen ? 'open' : 'paid',
      invoiceDate: isoDay(dateMs),
      dueDate: isoDay(dateMs + (random() < 0.5 ? 30 : 45) * DAY_MS),
      currency: 'USD',
      total,
      balance,
      pending,
    };
    if (random() < 0.3) inv.poNumber = `PO-${Math.floor(random() * 90_000) + 10_000}`;
    if (random() < 0.4) inv.description = WORDS[Math.floor(random() * WORDS.length)];
    out[i] = inv;
  }
  // The loop above makes exactly `open` open invoices: check, so a size label never lies.
  const openMade = out.reduce((n, inv) => n + (inv.status === 'open' ? 1 : 0), 0);
  if (openMade !== open) throw new Error(`generated ${openMade} open invoices, wanted ${open}`);
  return out;
}

export interface ListQuery {
  status: InvoiceFilter;
  search: string;
  sort: InvoiceSort;
  order: 'asc' | 'desc';
}

/**
 * Filters and sorts like the demo store (ties broken by number). Results are memoised per query,
 * the way a database index or a server's query cache would answer: neither the backend nor the
 * baseline pays for sorting 100,000 objects again after the warm-up run, so what is timed is the
 * DOM work on each side.
 */
export class InvoiceIndex {
  private readonly cache = new Map<string, Invoice[]>();

  constructor(readonly invoices: readonly Invoice[]) {}

  query(q: ListQuery): Invoice[] {
    const needle = q.search.trim().toLowerCase();
    const key = `${q.status}\u0000${needle}\u0000${q.sort}\u0000${q.order}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let items = q.status === 'all' ? [...this.invoices] : this.invoices.filter((i) => i.status === q.status);
    if (needle) {
      items = items.filter(
        (i) =>
          i.number.toLowerCase().includes(needle) ||
          (i.poNumber?.toLowerCase().includes(needle) ?? false) ||
          (i.description?.toLowerCase().includes(needle) ?? false),
      );
    }
    const dir = q.order === 'asc' ? 1 : -1;
    const sort = q.sort;
    items.sort((a, b) => {
      const x = a[sort];
      const y = b[sort];
      const c = x < y ? -1 : x > y ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
      return c * dir;
    });
    this.cache.set(key, items);
    return items;
  }
}

export const SETTINGS: Settings = {
  onlinePaymentsEnabled: true,
  allowedMethods: ['ach', 'card'],
  partialPaymentsAllowed: true,
  overpaymentAllowed: false,
  surcharge: { card: { kind: 'percent', value: 300, label: 'Card surcharge (3%)' }, ach: null },
  currency: 'USD',
  achMandateText: 'I authorize Bench Supply Co. to debit the bank account indicated for the amount shown.',
  walkthroughEnabled: true,
  memoMaxLength: 200,
};

const VIEWER: Viewer = { kind: 'contact', id: 'u-bench', name: 'Bench Contact', accountId: ACCOUNT_ID };
const ACCOUNT: Account = { id: ACCOUNT_ID, number: ACCOUNT_ID, name: 'Bench Holdings', currency: 'USD' };
const METHODS: SavedPaymentMethod[] = [
  {
    id: 'pm-card',
    isDefault: true,
    verification: 'verified',
    summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099 },
  },
];

function unsupported(what: string): Promise<never> {
  return Promise.reject(new Error(`${what} is not part of the benchmark`));
}

/** Answers at once (resolved promises): the elements' own work is what is measured. */
export class BenchBackend implements PayInvoicesBackend {
  constructor(private readonly index: InvoiceIndex) {}

  async getViewer(): Promise<Viewer> {
    return VIEWER;
  }

  async getSettings(): Promise<Settings> {
    return SETTINGS;
  }

  async searchAccounts(): Promise<Account[]> {
    return [ACCOUNT];
  }

  async getAccount(accountId: string): Promise<Account> {
    if (accountId !== ACCOUNT_ID) throw new Error(`unknown account ${accountId}`);
    return ACCOUNT;
  }

  async listInvoices(accountId: string, query: InvoiceQuery): Promise<InvoicePage> {
    if (accountId !== ACCOUNT_ID) throw new Error(`unknown account ${accountId}`);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('limit must be 1–1000');
    const items = this.index.query({
      status: query.status ?? 'open',
      search: query.search ?? '',
      sort: query.sort ?? 'dueDate',
      order: query.order ?? 'asc',
    });
    return { items: items.slice(offset, offset + limit), total: items.length, offset, limit };
  }

  async getInvoice(_accountId: string, invoiceId: string): Promise<Invoice> {
    const inv = this.index.invoices.find((i) => i.id === invoiceId);
    if (!inv) throw new Error(`unknown invoice ${invoiceId}`);
    return inv;
  }

  async listCredits(): Promise<Credit[]> {
    return [];
  }

  async listPaymentMethods(): Promise<SavedPaymentMethod[]> {
    return METHODS;
  }

  addPaymentMethod(): Promise<SavedPaymentMethod> {
    return unsupported('addPaymentMethod');
  }

  removePaymentMethod(): Promise<void> {
    return unsupported('removePaymentMethod');
  }

  setDefaultPaymentMethod(): Promise<SavedPaymentMethod[]> {
    return unsupported('setDefaultPaymentMethod');
  }

  verifyPaymentMethod(): Promise<SavedPaymentMethod> {
    return unsupported('verifyPaymentMethod');
  }

  createPayment(): Promise<Payment> {
    return unsupported('createPayment');
  }

  getPayment(): Promise<Payment> {
    return unsupported('getPayment');
  }

  async findPaymentByKey(): Promise<Payment | null> {
    return null;
  }

  confirmPayment(): Promise<Payment> {
    return unsupported('confirmPayment');
  }

  async listPayments(): Promise<Payment[]> {
    return [];
  }
}
