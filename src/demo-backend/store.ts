/**
 * The demo backend's state: the seed, overlaid with what happened since (payments, cash receipts,
 * CR batches, saved payment methods, settings overrides), persisted to a `Storage` so a reload keeps
 * it. Only that delta is stored; the seed (including 10,000 generated invoices) is rebuilt.
 *
 * Invoice balances and pending amounts are derived from the receipts:
 * - a receipt that is `pending_import` or `imported` adds its allocations to the invoice's `pending`;
 * - a `posted` receipt lowers the invoice's `balance` (an invoice at zero becomes `paid`);
 * - a `reversed` receipt (returned ACH) counts for nothing, so the invoice is open again.
 * Credits work the same way: an applied credit is reserved (not offered again) while its receipt is
 * pending and consumed from the ERP's credit balance when the receipt is posted.
 *
 * Every method that the REST contract serves takes the viewer (default: the worker) and throws a
 * `DemoHttpError` with the contract's status and code.
 */
import { computeTotals } from '../core/allocation.js';
import { formatMoney } from '../core/money.js';
import {
  AddPaymentMethodRequest,
  PaymentRequest,
  Settings as SettingsSchema,
} from '../core/schemas.js';
import type {
  Account,
  CashReceipt,
  CashReceiptStatus,
  Credit,
  Invoice,
  InvoicePage,
  MethodSummary,
  Payment,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../core/schemas.js';
import { graphemeLength } from '../core/text.js';
import type { InvoiceQuery } from '../backend/types.js';
import { DemoHttpError } from './errors.js';
import { classifyToken } from './sandbox.js';
import type { TokenBehavior } from './sandbox.js';
import { addDays, createSeed, hashString, isoDate, MICRODEPOSIT_CODE } from './seed.js';
import type { DemoSeed, SeedAccount, SeedInvoice, SeedPaymentMethod } from './seed.js';

export const DEFAULT_STORAGE_KEY = 'pay-invoices-demo:v1';
/** Wrong micro-deposit codes allowed before the bank account is marked `failed`. */
export const MAX_VERIFY_ATTEMPTS = 3;
/** `advanceClock` settles ACH payments at least this many days old. */
export const ACH_SETTLEMENT_DAYS = 3;

// ---------------------------------------------------------------------------------------------
// Public types of the ERP side

export type BatchStatus = 'open' | 'imported' | 'posted';

/** A cash receipt as the ERP panel shows it. */
export interface DemoReceipt extends CashReceipt {
  accountId: string;
  accountName: string;
  paymentId: string;
  /** Invoices and amounts the receipt pays (credits included). */
  allocations: { invoiceId: string; amount: number }[];
  credits: { creditId: string; amount: number }[];
}

/** A cash-receipts (CR) batch: one opens per day for new receipts. */
export interface DemoBatch {
  id: string;
  date: string;
  status: BatchStatus;
  openedAt: string;
  importedAt?: string;
  postedAt?: string;
  /** Sum of the receipts that are not reversed. */
  total: number;
  currency: string;
  receipts: DemoReceipt[];
}

/** What the next payment POSTs do instead of answering normally (handlers, tests). */
export type DemoFault = 'drop-response' | 'timeout' | '5xx' | '409-in-progress' | '429';
export interface DemoFaults {
  /** Consumed front first, one per `POST /payments`. */
  next: DemoFault[];
}

export interface DemoStoreOptions {
  /** Where the delta is kept. Default: `localStorage` when usable; `null`: not persisted. */
  storage?: Storage | null;
  /** Default `pay-invoices-demo:v1`. */
  storageKey?: string;
  /** The clock (default: the real one). `advanceClock` adds days on top of it. */
  now?: () => Date;
  /** The seed's `today` (`YYYY-MM-DD`); default the clock's local date. */
  today?: string;
}

// ---------------------------------------------------------------------------------------------
// Internal records (what is persisted)

interface PaymentRecord {
  payment: Omit<Payment, 'cashReceipt'>;
  /** Canonical JSON of the request, to tell a replay from a different body under one key. */
  fingerprint: string;
  /** The processor token charged (never sent to the widget). */
  token: string;
  receiptId?: string;
  savedMethodId?: string;
  /** Save the token as a method once 3-D Secure completes. */
  saveOnConfirm?: boolean;
}

interface ReceiptRecord extends CashReceipt {
  accountId: string;
  paymentId: string;
}

interface BatchRecord {
  id: string;
  date: string;
  status: BatchStatus;
  receiptIds: string[];
  openedAt: string;
  importedAt?: string;
  postedAt?: string;
}

interface MethodRecord extends SeedPaymentMethod {
  verifyAttempts: number;
}

interface SettingsOverrides {
  site: Partial<Settings>;
  accounts: Record<string, Partial<Settings>>;
}

interface PersistedState {
  version: 1;
  counters: { payment: number; receipt: number; method: number };
  payments: PaymentRecord[];
  receipts: ReceiptRecord[];
  batches: BatchRecord[];
  methods: MethodRecord[];
  settings: SettingsOverrides;
  clockOffsetDays: number;
}

interface LedgerEntry {
  pending: number;
  posted: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const err = (status: number, code: string, message: string, field?: string): DemoHttpError =>
  new DemoHttpError(status, code, message, field);

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** JSON with object keys sorted, so equal values always give equal strings. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function pad6(n: number): string {
  return String(n).padStart(6, '0');
}

function money(amount: number, currency: string): string {
  try {
    return formatMoney(amount, currency, 'en-US');
  } catch {
    return `${amount} ${currency}`;
  }
}

function isCardExpired(summary: MethodSummary, today: string): boolean {
  if (summary.type !== 'card') return false;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return summary.expYear < y || (summary.expYear === y && summary.expMonth < m);
}

/** The first issue of a zod safeParse failure as a field path and message. */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): {
  field: string | undefined;
  message: string;
} {
  const issue = error.issues[0];
  if (!issue) return { field: undefined, message: 'The request is invalid.' };
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}

function usableStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = '__pay-invoices-demo-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function emptyState(seed: DemoSeed): PersistedState {
  return {
    version: 1,
    counters: { payment: 0, receipt: 0, method: seed.paymentMethods.length },
    payments: [],
    receipts: [],
    batches: [],
    methods: seed.paymentMethods.map((m) => ({ ...clone(m), verifyAttempts: 0 })),
    settings: { site: {}, accounts: {} },
    clockOffsetDays: 0,
  };
}

function looksLikeState(v: unknown): v is PersistedState {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<PersistedState>;
  return (
    s.version === 1 &&
    Array.isArray(s.payments) &&
    Array.isArray(s.receipts) &&
    Array.isArray(s.batches) &&
    Array.isArray(s.methods) &&
    !!s.counters &&
    !!s.settings &&
    typeof s.settings.site === 'object' &&
    typeof s.settings.accounts === 'object'
  );
}

const SORT_KEYS = ['dueDate', 'number', 'balance', 'total', 'invoiceDate'] as const;
const STATUS_FILTERS = ['open', 'paid', 'all'] as const;

// ---------------------------------------------------------------------------------------------
// The store

export class DemoStore {
  /** Faults for the next payment POSTs (read by the msw handlers; not persisted). */
  readonly faults: DemoFaults = { next: [] };

  private readonly storage: Storage | null;
  private readonly storageKey: string;
  private readonly clock: () => Date;
  private readonly seedToday: string | undefined;
  private seed: DemoSeed;
  private state: PersistedState;

  private readonly invoiceCache = new Map<string, { list: SeedInvoice[]; byId: Map<string, SeedInvoice> }>();
  private ledgerCache: { invoices: Map<string, LedgerEntry>; credits: Map<string, LedgerEntry> } | null = null;
  private version = 0;
  private listCache: { key: string; items: Invoice[] } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(options: DemoStoreOptions = {}) {
    this.storage = options.storage === undefined ? usableStorage() : options.storage;
    this.storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
    this.clock = options.now ?? (() => new Date());
    this.seedToday = options.today;
    this.seed = createSeed(this.seedToday ?? isoDate(this.clock()));
    this.state = this.load() ?? emptyState(this.seed);
  }

  // ------------------------------------------------------------------------------------------
  // Clock, persistence, change notification

  /** The store's current instant (the clock plus `advanceClock` days). */
  now(): Date {
    return new Date(this.clock().getTime() + this.state.clockOffsetDays * 86_400_000);
  }

  /** The store's current local date, `YYYY-MM-DD`. */
  today(): string {
    return isoDate(this.now());
  }

  /** The seed in use (read-only). */
  get seedData(): Readonly<DemoSeed> {
    return this.seed;
  }

  /** Called after every change (the demo's ERP panel re-renders). Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): PersistedState | null {
    if (!this.storage) return null;
    try {
      const raw = this.storage.getItem(this.storageKey);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return looksLikeState(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  private changed(): void {
    this.version++;
    this.ledgerCache = null;
    this.listCache = null;
    if (this.storage) {
      try {
        this.storage.setItem(this.storageKey, JSON.stringify(this.state));
      } catch {
        // Quota or privacy mode: the demo keeps working in memory.
      }
    }
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // A listener's failure is not the store's.
      }
    }
  }

  /** Back to the seed: forgets every payment, receipt, batch, method change and override. */
  reset(): void {
    if (this.storage) {
      try {
        this.storage.removeItem(this.storageKey);
      } catch {
        // ignore
      }
    }
    this.seed = createSeed(this.seedToday ?? isoDate(this.clock()));
    this.invoiceCache.clear();
    this.faults.next.length = 0;
    this.state = emptyState(this.seed);
    this.changed();
  }

  // ------------------------------------------------------------------------------------------
  // Viewers, access, settings, accounts

  /** `worker` / `contact` (or their ids `W-1` / `CT-1`). Anything else: 401. */
  getViewer(viewerId: string = 'worker'): Viewer {
    const { worker, contact } = this.seed.viewers;
    if (viewerId === 'worker' || viewerId === worker.id) return clone(worker);
    if (viewerId === 'contact' || viewerId === contact.id) return clone(contact);
    throw err(401, 'unauthorized', 'Sign in to continue.');
  }

  private get defaultViewer(): Viewer {
    return this.seed.viewers.worker;
  }

  private seedAccount(accountId: string): SeedAccount {
    const a = this.seed.accounts.find((x) => x.account.id === accountId);
    if (!a) throw err(404, 'account_not_found', `Account ${accountId} was not found.`);
    return a;
  }

  /** Contacts see only their own account (403 otherwise, without telling whether it exists). */
  private access(viewer: Viewer, accountId: string): SeedAccount {
    if (viewer.kind === 'contact' && viewer.accountId !== accountId) {
      throw err(403, 'forbidden', 'You can only see your own account.');
    }
    return this.seedAccount(accountId);
  }

  /** Settings in force: site seed < site overrides < account seed < account overrides. */
  getSettings(accountId: string | null, viewer: Viewer = this.defaultViewer): Settings {
    const site = { ...this.seed.siteSettings, ...this.state.settings.site };
    if (accountId === null) return clone(site);
    const a = this.access(viewer, accountId);
    return clone({ ...site, ...a.settings, ...(this.state.settings.accounts[accountId] ?? {}) });
  }

  /**
   * Overrides settings for the site (`null`) or one account, merged into earlier overrides
   * (e.g. `setSettings(null, {onlinePaymentsEnabled: false})`). 422 when the result is invalid.
   */
  setSettings(accountId: string | null, partial: Partial<Settings>): Settings {
    if (accountId !== null) this.seedAccount(accountId);
    const current = accountId === null ? this.state.settings.site : (this.state.settings.accounts[accountId] ?? {});
    const next = { ...current, ...partial };
    for (const k of Object.keys(next) as (keyof Settings)[]) if (next[k] === undefined) delete next[k];
    const merged = accountId === null
      ? { ...this.seed.siteSettings, ...next }
      : { ...this.seed.siteSettings, ...this.state.settings.site, ...this.seedAccount(accountId).settings, ...next };
    const check = SettingsSchema.safeParse(merged);
    if (!check.success) {
      const { field, message } = firstIssue(check.error);
      throw err(422, 'invalid_settings', message, field);
    }
    if (accountId === null) this.state.settings.site = clone(next);
    else this.state.settings.accounts[accountId] = clone(next);
    this.changed();
    return this.getSettings(accountId);
  }

  /** Drops the overrides of one account, or every override (no argument). */
  clearSettings(accountId?: string | null): void {
    if (accountId === undefined) this.state.settings = { site: {}, accounts: {} };
    else if (accountId === null) this.state.settings.site = {};
    else delete this.state.settings.accounts[accountId];
    this.changed();
  }

  /** Workers only: accounts whose name or number contains `query` (at most 20). */
  searchAccounts(query: string, viewer: Viewer = this.defaultViewer): Account[] {
    if (viewer.kind !== 'worker') throw err(403, 'forbidden', 'Only workers can search accounts.');
    const q = query.trim().toLowerCase();
    return this.seed.accounts
      .map((a) => a.account)
      .filter((a) => q === '' || a.name.toLowerCase().includes(q) || a.number.toLowerCase().includes(q))
      .slice(0, 20)
      .map(clone);
  }

  getAccount(accountId: string, viewer: Viewer = this.defaultViewer): Account {
    return clone(this.access(viewer, accountId).account);
  }

  // ------------------------------------------------------------------------------------------
  // Invoices and credits

  private invoicesOf(accountId: string): { list: SeedInvoice[]; byId: Map<string, SeedInvoice> } {
    let entry = this.invoiceCache.get(accountId);
    if (!entry) {
      const list = this.seedAccount(accountId).invoices();
      entry = { list, byId: new Map(list.map((i) => [i.id, i])) };
      this.invoiceCache.set(accountId, entry);
    }
    return entry;
  }

  private ledger(): { invoices: Map<string, LedgerEntry>; credits: Map<string, LedgerEntry> } {
    if (this.ledgerCache) return this.ledgerCache;
    const invoices = new Map<string, LedgerEntry>();
    const credits = new Map<string, LedgerEntry>();
    const add = (map: Map<string, LedgerEntry>, key: string, field: keyof LedgerEntry, amount: number): void => {
      const e = map.get(key) ?? { pending: 0, posted: 0 };
      e[field] += amount;
      map.set(key, e);
    };
    const byId = new Map(this.state.payments.map((p) => [p.payment.id, p.payment]));
    for (const r of this.state.receipts) {
      if (r.status === 'reversed') continue;
      const p = byId.get(r.paymentId);
      if (!p) continue;
      const field: keyof LedgerEntry = r.status === 'posted' ? 'posted' : 'pending';
      for (const a of p.allocations) add(invoices, `${p.accountId}\u0000${a.invoiceId}`, field, a.amount);
      for (const c of p.credits) add(credits, `${p.accountId}\u0000${c.creditId}`, field, c.amount);
    }
    this.ledgerCache = { invoices, credits };
    return this.ledgerCache;
  }

  /** The invoice as the contract shows it now (without lines). A seed invoice untouched is returned as is. */
  private effective(accountId: string, inv: SeedInvoice): Invoice {
    const e = this.ledger().invoices.get(`${accountId}\u0000${inv.id}`);
    if (!e) return inv;
    const balance = inv.balance - e.posted;
    const status = inv.status === 'void' ? 'void' : balance <= 0 ? 'paid' : 'open';
    return { ...inv, balance, pending: e.pending, status };
  }

  private withoutLines(inv: Invoice): Invoice {
    const copy = { ...inv };
    delete copy.lines;
    return clone(copy);
  }

  /** An account's invoices: filtered, searched, sorted and paged (`limit` ≤ 1000). */
  listInvoices(accountId: string, query: InvoiceQuery = {}, viewer: Viewer = this.defaultViewer): InvoicePage {
    this.access(viewer, accountId);
    const status = query.status ?? 'open';
    const sort = query.sort ?? 'dueDate';
    const order = query.order ?? 'asc';
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    if (!STATUS_FILTERS.includes(status)) throw err(400, 'invalid_query', 'Unknown status filter.', 'status');
    if (!SORT_KEYS.includes(sort)) throw err(400, 'invalid_query', 'Unknown sort key.', 'sort');
    if (order !== 'asc' && order !== 'desc') throw err(400, 'invalid_query', 'Order must be asc or desc.', 'order');
    if (!Number.isInteger(offset) || offset < 0) throw err(400, 'invalid_query', 'Offset must be 0 or more.', 'offset');
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw err(400, 'invalid_query', 'Limit must be between 1 and 1000.', 'limit');
    }
    const q = (query.search ?? '').trim().toLowerCase();
    const key = [accountId, status, q, sort, order, this.version].join('\u0000');
    let items: Invoice[];
    if (this.listCache?.key === key) {
      items = this.listCache.items;
    } else {
      items = this.invoicesOf(accountId).list.map((i) => this.effective(accountId, i));
      if (status !== 'all') items = items.filter((i) => i.status === status);
      if (q) {
        items = items.filter(
          (i) =>
            i.number.toLowerCase().includes(q) ||
            (i.poNumber?.toLowerCase().includes(q) ?? false) ||
            (i.description?.toLowerCase().includes(q) ?? false),
        );
      }
      const dir = order === 'asc' ? 1 : -1;
      items = [...items].sort((a, b) => {
        const x = a[sort];
        const y = b[sort];
        const c = x < y ? -1 : x > y ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
        return c * dir;
      });
      this.listCache = { key, items };
    }
    return {
      items: items.slice(offset, offset + limit).map((i) => this.withoutLines(i)),
      total: items.length,
      offset,
      limit,
    };
  }

  /** One invoice with its lines. */
  getInvoice(accountId: string, invoiceId: string, viewer: Viewer = this.defaultViewer): Invoice {
    const a = this.access(viewer, accountId);
    const inv = this.invoicesOf(accountId).byId.get(invoiceId);
    if (!inv) throw err(404, 'invoice_not_found', `Invoice ${invoiceId} was not found.`);
    const out = clone(this.effective(accountId, inv));
    if (!out.lines && a.lines) out.lines = a.lines(inv);
    return out;
  }

  private creditEntry(accountId: string, credit: Credit): { balance: number; pending: number; available: number } {
    const e = this.ledger().credits.get(`${accountId}\u0000${credit.id}`) ?? { pending: 0, posted: 0 };
    const balance = credit.amount - e.posted;
    return { balance, pending: e.pending, available: balance - e.pending };
  }

  /** Open credit memos with what can still be applied (credits reserved by unposted payments are not offered). */
  listCredits(accountId: string, viewer: Viewer = this.defaultViewer): Credit[] {
    const a = this.access(viewer, accountId);
    return a.credits
      .map((c) => ({ ...clone(c), amount: this.creditEntry(accountId, c).available }))
      .filter((c) => c.amount > 0);
  }

  /** The ERP's view of a credit memo: its balance (drops when posted) and what unposted payments reserve. */
  getCreditStatus(accountId: string, creditId: string): { original: number; balance: number; pending: number } {
    const c = this.seedAccount(accountId).credits.find((x) => x.id === creditId);
    if (!c) throw err(404, 'credit_not_found', `Credit ${creditId} was not found.`);
    const e = this.creditEntry(accountId, c);
    return { original: c.amount, balance: e.balance, pending: e.pending };
  }

  // ------------------------------------------------------------------------------------------
  // Saved payment methods

  private toSaved(m: MethodRecord): SavedPaymentMethod {
    return clone({ id: m.id, isDefault: m.isDefault, verification: m.verification, summary: m.summary });
  }

  private methodsOf(accountId: string): MethodRecord[] {
    return this.state.methods.filter((m) => m.accountId === accountId);
  }

  private method(accountId: string, id: string): MethodRecord {
    const m = this.state.methods.find((x) => x.accountId === accountId && x.id === id);
    if (!m) throw err(404, 'payment_method_not_found', 'That payment method was not found.');
    return m;
  }

  listPaymentMethods(accountId: string, viewer: Viewer = this.defaultViewer): SavedPaymentMethod[] {
    this.access(viewer, accountId);
    return this.methodsOf(accountId).map((m) => this.toSaved(m));
  }

  /** Saves `token` (or finds it saved already). Does not persist; callers do. */
  private saveMethod(accountId: string, token: string, summary: MethodSummary, makeDefault: boolean): MethodRecord {
    const same = this.methodsOf(accountId).find(
      (m) => m.token === token && canonicalJson(m.summary) === canonicalJson(summary),
    );
    const behavior = classifyToken(token, summary.type);
    const record: MethodRecord = same ?? {
      id: `PM-${String(++this.state.counters.method).padStart(4, '0')}`,
      accountId,
      token,
      isDefault: false,
      verification: behavior?.family === 'ach' && behavior.microdeposits ? 'pending_microdeposits' : 'verified',
      summary: clone(summary),
      verifyAttempts: 0,
    };
    if (!same) this.state.methods.push(record);
    const hasDefault = this.methodsOf(accountId).some((m) => m.isDefault && m !== record);
    // Only a usable method is the default: a bank account awaiting micro-deposits becomes it once verified.
    if ((makeDefault || !hasDefault) && record.verification === 'verified') {
      for (const m of this.methodsOf(accountId)) m.isDefault = m === record;
    }
    return record;
  }

  addPaymentMethod(accountId: string, body: unknown, viewer: Viewer = this.defaultViewer): SavedPaymentMethod {
    this.access(viewer, accountId);
    const parsed = AddPaymentMethodRequest.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw err(422, 'invalid_request', message, field);
    }
    const req = parsed.data;
    const settings = this.getSettings(accountId, viewer);
    if (!settings.allowedMethods.includes(req.summary.type)) {
      throw err(422, 'method_not_allowed', 'This payment method is not available for this account.', 'summary.type');
    }
    const behavior = classifyToken(req.token, req.summary.type);
    if (!behavior) throw err(422, 'invalid_token', 'The payment method token is not valid.', 'token');
    if (behavior.family !== req.summary.type) {
      throw err(422, 'token_type_mismatch', 'The token does not match the payment method type.', 'token');
    }
    if (isCardExpired(req.summary, this.today())) {
      throw err(422, 'expired_card', 'This card has expired.', 'summary');
    }
    const record = this.saveMethod(accountId, req.token, req.summary, req.makeDefault);
    this.changed();
    return this.toSaved(record);
  }

  removePaymentMethod(accountId: string, paymentMethodId: string, viewer: Viewer = this.defaultViewer): void {
    this.access(viewer, accountId);
    const m = this.method(accountId, paymentMethodId);
    this.state.methods = this.state.methods.filter((x) => x !== m);
    if (m.isDefault) {
      const today = this.today();
      const next = this.methodsOf(accountId).find(
        (x) => x.verification === 'verified' && !isCardExpired(x.summary, today),
      );
      if (next) next.isDefault = true;
    }
    this.changed();
  }

  setDefaultPaymentMethod(accountId: string, paymentMethodId: string, viewer: Viewer = this.defaultViewer): SavedPaymentMethod[] {
    this.access(viewer, accountId);
    const m = this.method(accountId, paymentMethodId);
    if (isCardExpired(m.summary, this.today())) {
      throw err(422, 'expired_card', 'An expired card cannot be the default payment method.');
    }
    if (m.verification === 'failed') {
      throw err(422, 'verification_failed', 'This bank account could not be verified.');
    }
    if (m.verification === 'pending_microdeposits') {
      throw err(422, 'verification_required', 'Verify this bank account with the micro-deposit code before making it the default.');
    }
    for (const x of this.methodsOf(accountId)) x.isDefault = x === m;
    this.changed();
    return this.listPaymentMethods(accountId, viewer);
  }

  /** Micro-deposit verification: code `SM11AA` (or amounts 32 and 45); three wrong codes mark the account `failed`. */
  verifyPaymentMethod(accountId: string, paymentMethodId: string, code: unknown, viewer: Viewer = this.defaultViewer): SavedPaymentMethod {
    this.access(viewer, accountId);
    const m = this.method(accountId, paymentMethodId);
    if (typeof code !== 'string' || code.trim() === '') {
      throw err(422, 'invalid_request', 'Enter the code from the micro-deposit.', 'code');
    }
    if (m.verification === 'verified') return this.toSaved(m);
    if (m.verification === 'failed') {
      throw err(422, 'verification_failed', 'Too many wrong codes: add the bank account again.', 'code');
    }
    if (matchesMicrodeposits(code)) {
      m.verification = 'verified';
      // An account without a usable default gets this one.
      const today = this.today();
      const hasDefault = this.methodsOf(accountId).some(
        (x) => x.isDefault && x.verification === 'verified' && !isCardExpired(x.summary, today),
      );
      if (!hasDefault) for (const x of this.methodsOf(accountId)) x.isDefault = x === m;
      this.changed();
      return this.toSaved(m);
    }
    m.verifyAttempts++;
    if (m.verifyAttempts >= MAX_VERIFY_ATTEMPTS) {
      m.verification = 'failed';
      m.isDefault = false;
      this.changed();
      throw err(422, 'verification_failed', 'Too many wrong codes: add the bank account again.', 'code');
    }
    this.changed();
    const left = MAX_VERIFY_ATTEMPTS - m.verifyAttempts;
    throw err(
      422,
      'wrong_code',
      `That code does not match the micro-deposit. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
      'code',
    );
  }

  // ------------------------------------------------------------------------------------------
  // Payments

  private record(paymentId: string): PaymentRecord {
    const r = this.state.payments.find((p) => p.payment.id === paymentId);
    if (!r) throw err(404, 'payment_not_found', 'That payment was not found.');
    return r;
  }

  private toPayment(r: PaymentRecord): Payment {
    const out: Payment = clone(r.payment);
    if (r.receiptId) {
      const rc = this.state.receipts.find((x) => x.id === r.receiptId);
      if (rc) {
        const { accountId: _a, paymentId: _p, ...receipt } = rc;
        out.cashReceipt = clone(receipt);
      }
    }
    return out;
  }

  private recordByKey(key: string): PaymentRecord | undefined {
    return this.state.payments.find((p) => p.payment.idempotencyKey === key);
  }

  /** Today's open CR batch, opened when there is none. */
  private openBatch(): BatchRecord {
    const date = this.today();
    const open = this.state.batches.find((b) => b.date === date && b.status === 'open');
    if (open) return open;
    const base = `CRB-${date.replaceAll('-', '')}`;
    const taken = new Set(this.state.batches.map((b) => b.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const batch: BatchRecord = { id, date, status: 'open', receiptIds: [], openedAt: this.now().toISOString() };
    this.state.batches.push(batch);
    return batch;
  }

  private addReceipt(r: PaymentRecord): void {
    if (r.receiptId) return;
    const batch = this.openBatch();
    const n = ++this.state.counters.receipt;
    const receipt: ReceiptRecord = {
      id: `RCPT-${pad6(n)}`,
      number: `CR-${pad6(n)}`,
      date: this.today(),
      batchId: batch.id,
      status: 'pending_import',
      amount: r.payment.total,
      currency: r.payment.currency,
      accountId: r.payment.accountId,
      paymentId: r.payment.id,
    };
    this.state.receipts.push(receipt);
    batch.receiptIds.push(receipt.id);
    r.receiptId = receipt.id;
  }

  /**
   * Creates a payment once per idempotency key. The same key with the same body returns the
   * stored payment (nothing charged again); with a different body it is a 422
   * `idempotency_mismatch`. Totals are recomputed here and the sandbox processor decides the outcome.
   */
  createPayment(body: unknown, idempotencyKey: string, viewer: Viewer = this.defaultViewer): Payment {
    if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '' || idempotencyKey.length > 200) {
      throw err(400, 'idempotency_key_required', 'An Idempotency-Key header (1–200 characters) is required.');
    }
    const parsed = PaymentRequest.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw err(422, 'invalid_request', message, field);
    }
    const req = parsed.data;
    const seedAccount = this.access(viewer, req.accountId);
    const fingerprint = canonicalJson(req);

    const existing = this.recordByKey(idempotencyKey);
    if (existing) {
      if (existing.fingerprint !== fingerprint || existing.payment.accountId !== req.accountId) {
        throw err(422, 'idempotency_mismatch', 'This Idempotency-Key was already used for a different payment.');
      }
      return this.toPayment(existing);
    }

    const settings = this.getSettings(req.accountId, viewer);
    if (!settings.onlinePaymentsEnabled) {
      throw err(403, 'online_payments_disabled', 'Online payments are turned off.');
    }
    const currency = seedAccount.account.currency;
    if (req.currency !== currency) {
      throw err(422, 'currency_mismatch', `This account is billed in ${currency}.`, 'currency');
    }
    if (!settings.allowedMethods.includes(req.methodType)) {
      throw err(422, 'method_not_allowed', 'This payment method is not available for this account.', 'methodType');
    }
    if (graphemeLength(req.memo) > settings.memoMaxLength) {
      throw err(422, 'memo_too_long', `The memo can be at most ${settings.memoMaxLength} characters.`, 'memo');
    }

    // Invoices
    const invoices = this.invoicesOf(req.accountId).byId;
    const seen = new Set<string>();
    for (const [i, a] of req.allocations.entries()) {
      if (seen.has(a.invoiceId)) {
        throw err(422, 'duplicate_allocation', 'An invoice is listed twice.', `allocations.${i}.invoiceId`);
      }
      seen.add(a.invoiceId);
      const seedInv = invoices.get(a.invoiceId);
      if (!seedInv) throw err(422, 'invoice_not_found', `Invoice ${a.invoiceId} was not found.`, `allocations.${i}.invoiceId`);
      if (a.amount <= 0) throw err(422, 'invalid_amount', 'Enter an amount greater than zero.', `allocations.${i}.amount`);
      const inv = this.effective(req.accountId, seedInv);
      const open = inv.balance - inv.pending;
      if (inv.status !== 'open' || open <= 0) {
        throw err(409, 'invoice_changed', `Invoice ${inv.number} is no longer open.`, `allocations.${i}.amount`);
      }
      if (a.amount > open && !settings.overpaymentAllowed) {
        throw err(
          409,
          'invoice_changed',
          `Invoice ${inv.number} now has ${money(open, currency)} open` +
            (inv.pending > 0 ? ` (${money(inv.pending, currency)} is already pending).` : '.'),
          `allocations.${i}.amount`,
        );
      }
      if (a.amount < open && !settings.partialPaymentsAllowed) {
        throw err(422, 'partial_payment_not_allowed', 'Invoices must be paid in full.', `allocations.${i}.amount`);
      }
    }

    // Credits
    const creditsSeen = new Set<string>();
    for (const [i, c] of req.credits.entries()) {
      if (creditsSeen.has(c.creditId)) throw err(422, 'duplicate_credit', 'A credit is listed twice.', `credits.${i}.creditId`);
      creditsSeen.add(c.creditId);
      const credit = seedAccount.credits.find((x) => x.id === c.creditId);
      if (!credit) throw err(422, 'credit_not_found', `Credit ${c.creditId} was not found.`, `credits.${i}.creditId`);
      if (c.amount <= 0) throw err(422, 'invalid_amount', 'Enter an amount greater than zero.', `credits.${i}.amount`);
      const { available } = this.creditEntry(req.accountId, credit);
      if (c.amount > available) {
        throw err(409, 'credit_changed', `Credit ${credit.number} now has ${money(Math.max(0, available), currency)} left.`, `credits.${i}.amount`);
      }
    }

    // Method
    let token: string;
    let summary: MethodSummary;
    let saved: MethodRecord | undefined;
    let save = false;
    if (req.method.kind === 'saved') {
      const id = req.method.paymentMethodId;
      saved = this.methodsOf(req.accountId).find((m) => m.id === id);
      if (!saved) throw err(422, 'payment_method_not_found', 'That saved payment method was not found.', 'method');
      token = saved.token;
      summary = saved.summary;
    } else {
      token = req.method.token;
      summary = req.method.summary;
      save = req.method.save;
    }
    if (summary.type !== req.methodType) {
      throw err(422, 'method_type_mismatch', 'The payment method does not match the payment type.', 'method');
    }
    const behavior = classifyToken(token, summary.type);
    if (!behavior) throw err(422, 'invalid_token', 'The payment method token is not valid.', 'method');
    if (behavior.family !== req.methodType) {
      throw err(422, 'method_type_mismatch', 'The payment method does not match the payment type.', 'method');
    }
    if (saved && isCardExpired(saved.summary, this.today())) {
      throw err(422, 'expired_card', 'This card has expired. Choose another payment method.', 'method');
    }

    // Totals
    const totals = computeTotals({
      invoiceAmounts: req.allocations.map((a) => ({ amount: a.amount, currency })),
      creditAmounts: req.credits.map((c) => ({ amount: c.amount, currency })),
      surcharge: settings.surcharge[req.methodType],
    });
    if (totals.error === 'credits_exceed_invoices') {
      throw err(422, 'credits_exceed_invoices', 'Credits cannot be more than the invoices paid.', 'credits');
    }
    if (totals.error === 'no_method_amount') {
      throw err(422, 'no_method_amount', 'Credits cover everything: a payment needs an amount to charge.', 'credits');
    }
    if (totals.error) throw err(422, 'invalid_amount', 'The amounts cannot be added up.', 'allocations');
    if (totals.total !== req.expectedTotal) {
      throw err(
        409,
        'amount_changed',
        `The total is ${money(totals.total, currency)}, not ${money(req.expectedTotal, currency)}.`,
        'expectedTotal',
      );
    }

    // ACH authorization (NACHA: amount, date and account the payer accepted)
    if (req.methodType === 'ach') {
      const auth = req.achAuthorization;
      if (!auth) {
        throw err(422, 'ach_authorization_required', 'Accept the bank debit authorization to continue.', 'achAuthorization');
      }
      if (auth.amount !== totals.total || auth.accountLast4 !== summary.last4 || auth.text.trim() === '') {
        throw err(
          422,
          'ach_authorization_mismatch',
          'The authorization does not match this payment: accept it again.',
          'achAuthorization',
        );
      }
    }

    // Verification of bank accounts before first use
    if (saved && saved.verification !== 'verified') {
      throw err(
        422,
        saved.verification === 'failed' ? 'verification_failed' : 'verification_required',
        saved.verification === 'failed'
          ? 'This bank account could not be verified.'
          : 'Verify this bank account with the micro-deposit code before paying with it.',
        'method',
      );
    }
    if (!saved && behavior.family === 'ach' && behavior.microdeposits) {
      if (save) {
        this.saveMethod(req.accountId, token, summary, false);
        this.changed();
      }
      throw err(
        422,
        'verification_required',
        save
          ? 'We sent micro-deposits to this bank account. Verify it with their code, then pay with it.'
          : 'This bank account needs micro-deposit verification: save it, verify it, then pay with it.',
        'method',
      );
    }

    // Outcome
    const n = ++this.state.counters.payment;
    const id = `PAY-${pad6(n)}`;
    const payment: Omit<Payment, 'cashReceipt'> = {
      id,
      idempotencyKey,
      accountId: req.accountId,
      status: 'succeeded',
      createdAt: this.now().toISOString(),
      currency,
      allocations: clone(req.allocations),
      credits: clone(req.credits),
      invoiceTotal: totals.invoices,
      creditTotal: totals.credits,
      surcharge: totals.surcharge,
      total: totals.total,
      memo: req.memo,
      methodType: req.methodType,
      methodSummary: clone(summary),
      paidBy: { kind: viewer.kind, name: viewer.name },
    };
    const surcharge = settings.surcharge[req.methodType];
    if (surcharge && totals.surcharge > 0) payment.surchargeLabel = surcharge.label;
    const record: PaymentRecord = { payment, fingerprint, token };
    if (saved) record.savedMethodId = saved.id;

    applyBehavior(payment, behavior, n, idempotencyKey);
    this.state.payments.push(record);
    if (payment.status === 'succeeded' || payment.status === 'processing') {
      this.addReceipt(record);
      if (save) record.savedMethodId = this.saveMethod(req.accountId, token, summary, false).id;
    } else if (payment.status === 'requires_action' && save) {
      record.saveOnConfirm = true;
    }
    this.changed();
    return this.toPayment(record);
  }

  getPayment(paymentId: string, viewer: Viewer = this.defaultViewer): Payment {
    const r = this.record(paymentId);
    this.access(viewer, r.payment.accountId);
    return this.toPayment(r);
  }

  /** The payment created with `idempotencyKey`, or null. Contacts see only their own account's. */
  findByKey(idempotencyKey: string, viewer: Viewer = this.defaultViewer): Payment | null {
    const r = this.recordByKey(idempotencyKey);
    if (!r) return null;
    if (viewer.kind === 'contact' && viewer.accountId !== r.payment.accountId) return null;
    return this.toPayment(r);
  }

  /**
   * After 3-D Secure: completed → `succeeded` with its cash receipt; not completed → `canceled`,
   * nothing recorded. A payment no longer awaiting action is returned unchanged.
   */
  confirmPayment(paymentId: string, body: unknown, viewer: Viewer = this.defaultViewer): Payment {
    const r = this.record(paymentId);
    this.access(viewer, r.payment.accountId);
    const completed = (body as { actionCompleted?: unknown } | null)?.actionCompleted;
    if (typeof completed !== 'boolean') {
      throw err(422, 'invalid_request', 'actionCompleted must be true or false.', 'actionCompleted');
    }
    if (r.payment.status !== 'requires_action') return this.toPayment(r);
    delete r.payment.clientSecret;
    if (completed) {
      r.payment.status = 'succeeded';
      this.addReceipt(r);
      if (r.saveOnConfirm) {
        r.savedMethodId = this.saveMethod(r.payment.accountId, r.token, r.payment.methodSummary, false).id;
      }
    } else {
      r.payment.status = 'canceled';
      r.payment.failureCode = 'authentication_failed';
      r.payment.failureMessage = 'The payment was canceled: card authentication was not completed.';
    }
    delete r.saveOnConfirm;
    this.changed();
    return this.toPayment(r);
  }

  /** An account's payments, newest first, each with its cash receipt (failed attempts included). */
  listPayments(accountId: string, viewer: Viewer = this.defaultViewer): Payment[] {
    this.access(viewer, accountId);
    return this.state.payments
      .filter((p) => p.payment.accountId === accountId)
      .map((p) => this.toPayment(p))
      .reverse();
  }

  // ------------------------------------------------------------------------------------------
  // ERP simulation

  private toBatch(b: BatchRecord): DemoBatch {
    const receipts: DemoReceipt[] = b.receiptIds
      .map((id) => this.state.receipts.find((r) => r.id === id))
      .filter((r): r is ReceiptRecord => !!r)
      .map((r) => {
        const p = this.record(r.paymentId).payment;
        const name = this.seed.accounts.find((a) => a.account.id === r.accountId)?.account.name ?? r.accountId;
        return { ...clone(r), accountName: name, allocations: clone(p.allocations), credits: clone(p.credits) };
      });
    const out: DemoBatch = {
      id: b.id,
      date: b.date,
      status: b.status,
      openedAt: b.openedAt,
      total: receipts.filter((r) => r.status !== 'reversed').reduce((s, r) => s + r.amount, 0),
      currency: receipts[0]?.currency ?? this.seed.siteSettings.currency,
      receipts,
    };
    if (b.importedAt) out.importedAt = b.importedAt;
    if (b.postedAt) out.postedAt = b.postedAt;
    return out;
  }

  /** Every CR batch, newest first. */
  listBatches(): DemoBatch[] {
    return this.state.batches.map((b) => this.toBatch(b)).reverse();
  }

  getBatch(batchId: string): DemoBatch {
    return this.toBatch(this.batch(batchId));
  }

  private batch(batchId: string): BatchRecord {
    const b = this.state.batches.find((x) => x.id === batchId);
    if (!b) throw err(404, 'batch_not_found', `Batch ${batchId} was not found.`);
    return b;
  }

  private setReceipts(b: BatchRecord, from: CashReceiptStatus, to: CashReceiptStatus): void {
    for (const id of b.receiptIds) {
      const r = this.state.receipts.find((x) => x.id === id);
      if (r && r.status === from) r.status = to;
    }
  }

  /** The ERP driver imports an open batch: its receipts become `imported`; later payments open a new batch. */
  importBatch(batchId: string): DemoBatch {
    const b = this.batch(batchId);
    if (b.status !== 'open') throw err(409, 'batch_not_open', `Batch ${b.id} was already imported.`);
    this.setReceipts(b, 'pending_import', 'imported');
    b.status = 'imported';
    b.importedAt = this.now().toISOString();
    this.changed();
    return this.toBatch(b);
  }

  /**
   * The ERP posts an imported batch: receipts become `posted`, invoice balances drop by what they
   * pay (zero → `paid`), their pending amounts clear, and applied credits are consumed.
   */
  postBatch(batchId: string): DemoBatch {
    const b = this.batch(batchId);
    if (b.status === 'open') throw err(409, 'batch_not_imported', `Batch ${b.id} must be imported before it is posted.`);
    if (b.status === 'posted') throw err(409, 'batch_already_posted', `Batch ${b.id} was already posted.`);
    this.setReceipts(b, 'imported', 'posted');
    b.status = 'posted';
    b.postedAt = this.now().toISOString();
    this.changed();
    return this.toBatch(b);
  }

  /**
   * Settles processing ACH payments (one by id, or all): a good account → `succeeded`; a returned
   * one (closed account, no account, insufficient funds, unauthorized) → `failed`, its receipt
   * `reversed` and the invoices' pending amounts released (balances restored if it was posted).
   */
  settleAch(paymentId?: string): Payment[] {
    const targets = paymentId === undefined
      ? this.state.payments.filter((p) => p.payment.methodType === 'ach' && p.payment.status === 'processing')
      : [this.record(paymentId)];
    for (const r of targets) {
      if (r.payment.methodType !== 'ach' || r.payment.status !== 'processing') {
        throw err(409, 'payment_not_processing', `Payment ${r.payment.id} is not a processing bank payment.`);
      }
    }
    for (const r of targets) {
      const behavior = classifyToken(r.token, 'ach');
      const failure = behavior?.family === 'ach' ? behavior.settlement : null;
      if (!failure) {
        r.payment.status = 'succeeded';
        continue;
      }
      r.payment.status = 'failed';
      r.payment.failureCode = failure.code;
      r.payment.failureMessage = failure.message;
      const receipt = this.state.receipts.find((x) => x.id === r.receiptId);
      if (receipt) receipt.status = 'reversed';
    }
    if (targets.length > 0) this.changed();
    return targets.map((r) => this.toPayment(r));
  }

  /**
   * Moves the store's clock `days` ahead (new payments land in that day's batch) and settles ACH
   * payments that are at least `ACH_SETTLEMENT_DAYS` old. Returns the payments it settled.
   */
  advanceClock(days = 1): Payment[] {
    if (!Number.isInteger(days) || days < 0) throw err(422, 'invalid_request', 'days must be a whole number ≥ 0.', 'days');
    this.state.clockOffsetDays += days;
    const cutoff = addDays(this.today(), -ACH_SETTLEMENT_DAYS);
    const due = this.state.payments.filter(
      (p) => p.payment.methodType === 'ach' && p.payment.status === 'processing' && isoDate(new Date(p.payment.createdAt)) <= cutoff,
    );
    const settled = due.flatMap((p) => this.settleAch(p.payment.id));
    this.changed();
    return settled;
  }
}

/**
 * The sandbox's micro-deposits: descriptor code `SM11AA`, or the two amounts 32 and 45 cents
 * (as Stripe's test mode), e.g. `"32,45"` or `"0.45 0.32"`.
 */
function matchesMicrodeposits(code: string): boolean {
  const text = code.trim().toUpperCase();
  if (text === MICRODEPOSIT_CODE) return true;
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length !== 2) return false;
  const cents = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : /^0?\.\d{2}$/.test(p) ? Math.round(Number(p) * 100) : NaN));
  return [...cents].sort((a, b) => a - b).join(',') === '32,45';
}

/** Sets status, failure and client secret from the sandbox's answer. */
function applyBehavior(payment: Omit<Payment, 'cashReceipt'>, behavior: TokenBehavior, n: number, key: string): void {
  switch (behavior.outcome) {
    case 'succeeded':
      payment.status = 'succeeded';
      return;
    case 'declined':
      payment.status = 'failed';
      payment.failureCode = behavior.failure.code;
      payment.failureMessage = behavior.failure.message;
      return;
    case 'requires_action':
      payment.status = 'requires_action';
      payment.clientSecret = `pi_demo${pad6(n)}_secret_${hashString(key).toString(36)}${hashString(`${key}#${n}`).toString(36)}`;
      return;
    case 'processing':
      payment.status = 'processing';
      return;
  }
}
