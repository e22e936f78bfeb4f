/**
 * An in-memory `PayInvoicesBackend` and a fake collector for `<pay-invoices>` tests: data under the
 * test's control, every payment call recorded with its idempotency key, faults injected per call.
 * No test-framework imports, so stories and demos can use it too.
 */
import type { InvoiceQuery, PayInvoicesBackend } from '../../src/backend/types.js';
import { BackendError, type BackendErrorKind, type BackendErrorInit } from '../../src/backend/errors.js';
import { computeSurcharge } from '../../src/core/allocation.js';
import { isCardExpired } from '../../src/core/cards.js';
import type {
  Account,
  AddPaymentMethodRequest,
  Credit,
  Invoice,
  InvoicePage,
  Payment,
  PaymentRequest,
  PaymentStatus,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../../src/core/schemas.js';
import type { Availability, CollectorSession, PaymentCollector } from '../../src/collectors/types.js';
import { settings as baseSettings } from './invoice-list-fixtures.js';

export const ACME: Account = { id: 'A-1', number: 'C-1001', name: 'Acme Hardware Co.', currency: 'USD' };
export const WORKER: Viewer = { kind: 'worker', id: 'W-1', name: 'Dana Worker' };
export const CONTACT: Viewer = { kind: 'contact', id: 'CT-1', name: 'Pat Buyer', accountId: ACME.id };

/** The pay form's settings: a 3% card surcharge and a short memo limit on top of the common ones. */
export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return baseSettings({
    surcharge: { card: { kind: 'percent', value: 300, label: 'Card surcharge (3%)' }, ach: null },
    achMandateText: 'By accepting, you authorize Acme Hardware Co. to debit your account.',
    memoMaxLength: 20,
    ...overrides,
  });
}

export function inv(n: number, overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: `inv-${n}`,
    number: `INV-${n}`,
    status: 'open',
    invoiceDate: '2030-01-01',
    dueDate: '2030-02-01',
    currency: 'USD',
    total: 10000,
    balance: 10000,
    pending: 0,
    ...overrides,
  };
}

/** INV-1001 $1,250.00 (oldest), INV-1002 $200.00 with $50 pending, INV-1003 $100.00. */
export function acmeInvoices(): Invoice[] {
  return [
    inv(1001, { dueDate: '2030-01-15', total: 125000, balance: 125000 }),
    inv(1002, { dueDate: '2030-03-01', total: 50000, balance: 20000, pending: 5000 }),
    inv(1003, { dueDate: '2030-02-01', total: 10000, balance: 10000 }),
  ];
}

export const VISA: SavedPaymentMethod = {
  id: 'pm-visa',
  isDefault: true,
  verification: 'verified',
  summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099 },
};
export const EXPIRED_MC: SavedPaymentMethod = {
  id: 'pm-old',
  isDefault: false,
  verification: 'verified',
  summary: { type: 'card', brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2020 },
};
export const BANK: SavedPaymentMethod = {
  id: 'pm-bank',
  isDefault: false,
  verification: 'verified',
  summary: { type: 'ach', bankName: 'First Bank', last4: '6789', accountType: 'checking' },
};
export const BANK_PENDING: SavedPaymentMethod = {
  id: 'pm-bank2',
  isDefault: false,
  verification: 'pending_microdeposits',
  summary: { type: 'ach', bankName: 'Second Bank', last4: '4321', accountType: 'savings' },
};

export const CREDIT: Credit = { id: 'cm-1', number: 'CM-501', date: '2030-01-05', currency: 'USD', amount: 3000 };

/** What createPayment does on one call. Default: succeed (card) or processing (ACH). */
export type CreateStep =
  | { kind: 'error'; error: BackendError; commit?: boolean }
  | { kind: 'status'; status: PaymentStatus; failureCode?: string }
  | { kind: 'hold'; until: Promise<void> };

export function backendError(kind: BackendErrorKind, init: BackendErrorInit = {}): BackendError {
  return new BackendError(kind, `Test ${kind}`, init);
}

export class FakeBackend implements PayInvoicesBackend {
  settings: Settings;
  viewer: Viewer;
  account: Account = ACME;
  invoices: Invoice[];
  credits: Credit[];
  methods: SavedPaymentMethod[];
  /** Every createPayment call, in order. */
  created: { request: PaymentRequest; key: string }[] = [];
  confirmed: { id: string; actionCompleted: boolean }[] = [];
  lookups: string[] = [];
  added: AddPaymentMethodRequest[] = [];
  listInvoiceCalls = 0;
  /** Steps consumed by successive createPayment calls. */
  createSteps: CreateStep[] = [];
  /** Rejects every load call with this error while set. */
  loadError: BackendError | null = null;
  /** Held loads (to see the loading state). */
  loadGate: Promise<void> | null = null;
  /** Replaces the invoices on the next listInvoices call (a 409 reload). */
  nextInvoices: Invoice[] | null = null;
  /** Saved-method calls (make default, remove, verify) in order, e.g. `['default', 'pm-bank']`. */
  methodCalls: [string, string, string?][] = [];
  /** Thrown (once) by the next saved-method call (make default, remove, verify). */
  methodError: BackendError | null = null;
  /** Holds saved-method calls (to see their busy state). */
  methodGate: Promise<void> | null = null;
  /** The micro-deposit code that verifies (as the demo: the descriptor code). */
  verifyCode = 'SM11AA';
  private verifyAttempts = new Map<string, number>();
  private payments = new Map<string, Payment>();
  private seq = 0;

  constructor(opts: { settings?: Partial<Settings>; viewer?: Viewer; invoices?: Invoice[]; credits?: Credit[]; methods?: SavedPaymentMethod[] } = {}) {
    this.settings = makeSettings(opts.settings);
    this.viewer = opts.viewer ?? WORKER;
    this.invoices = opts.invoices ?? acmeInvoices();
    this.credits = opts.credits ?? [];
    this.methods = opts.methods ?? [VISA, EXPIRED_MC, BANK, BANK_PENDING];
  }

  private async gate(signal?: AbortSignal): Promise<void> {
    if (this.loadGate) await this.loadGate;
    if (signal?.aborted) throw backendError('aborted');
    if (this.loadError) throw this.loadError;
  }

  async getViewer(signal?: AbortSignal): Promise<Viewer> {
    await this.gate(signal);
    return this.viewer;
  }
  async getSettings(_accountId: string | null, signal?: AbortSignal): Promise<Settings> {
    await this.gate(signal);
    return this.settings;
  }
  async searchAccounts(): Promise<Account[]> {
    return [this.account];
  }
  async getAccount(_accountId: string, signal?: AbortSignal): Promise<Account> {
    await this.gate(signal);
    return this.account;
  }
  async listInvoices(_accountId: string, query: InvoiceQuery, signal?: AbortSignal): Promise<InvoicePage> {
    await this.gate(signal);
    this.listInvoiceCalls++;
    if (this.nextInvoices) {
      this.invoices = this.nextInvoices;
      this.nextInvoices = null;
    }
    const open = this.invoices.filter((i) => i.status === 'open');
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return { items: open.slice(offset, offset + limit), total: open.length, offset, limit };
  }
  async getInvoice(_a: string, id: string): Promise<Invoice> {
    const found = this.invoices.find((i) => i.id === id);
    if (!found) throw backendError('not_found');
    return found;
  }
  async listCredits(_a: string, signal?: AbortSignal): Promise<Credit[]> {
    await this.gate(signal);
    return this.credits;
  }
  async listPaymentMethods(_a: string, signal?: AbortSignal): Promise<SavedPaymentMethod[]> {
    await this.gate(signal);
    return this.methods;
  }
  async addPaymentMethod(_a: string, request: AddPaymentMethodRequest): Promise<SavedPaymentMethod> {
    this.added.push(request);
    return { id: `pm-${++this.seq}`, isDefault: request.makeDefault, verification: 'verified', summary: request.summary };
  }

  // Saved-method rules as the demo backend has them; the fixtures' method objects are never mutated.
  private usable(m: SavedPaymentMethod): boolean {
    return m.verification === 'verified' && !(m.summary.type === 'card' && isCardExpired(m.summary.expMonth, m.summary.expYear));
  }
  private async methodCall(call: [string, string, string?], signal?: AbortSignal): Promise<SavedPaymentMethod> {
    this.methodCalls.push(call);
    if (this.methodGate) await this.methodGate;
    if (signal?.aborted) throw backendError('aborted');
    const error = this.methodError;
    if (error) {
      this.methodError = null;
      throw error;
    }
    const m = this.methods.find((x) => x.id === call[1]);
    if (!m) throw new BackendError('not_found', 'That payment method was not found.', { status: 404, code: 'payment_method_not_found' });
    return m;
  }
  async removePaymentMethod(_a: string, id: string, signal?: AbortSignal): Promise<void> {
    const m = await this.methodCall(['remove', id], signal);
    this.methods = this.methods.filter((x) => x !== m);
    if (m.isDefault) {
      const next = this.methods.find((x) => this.usable(x));
      this.methods = this.methods.map((x) => (x === next ? { ...x, isDefault: true } : x));
    }
  }
  async setDefaultPaymentMethod(_a: string, id: string, signal?: AbortSignal): Promise<SavedPaymentMethod[]> {
    const m = await this.methodCall(['default', id], signal);
    if (m.summary.type === 'card' && isCardExpired(m.summary.expMonth, m.summary.expYear)) {
      throw new BackendError('validation', 'An expired card cannot be the default payment method.', { status: 422, code: 'expired_card', serverMessage: true });
    }
    if (m.verification !== 'verified') {
      throw new BackendError('validation', 'Verify this bank account first.', { status: 422, code: 'verification_required', serverMessage: true });
    }
    this.methods = this.methods.map((x) => (x.isDefault === (x.id === id) ? x : { ...x, isDefault: x.id === id }));
    return this.methods;
  }
  async verifyPaymentMethod(_a: string, id: string, code: string, signal?: AbortSignal): Promise<SavedPaymentMethod> {
    const m = await this.methodCall(['verify', id, code], signal);
    if (m.verification === 'verified') return m;
    if (m.verification === 'pending_microdeposits' && code.trim().toUpperCase() === this.verifyCode) {
      const verified: SavedPaymentMethod = { ...m, verification: 'verified' };
      this.methods = this.methods.map((x) => (x === m ? verified : x));
      return verified;
    }
    const tries = (this.verifyAttempts.get(id) ?? 0) + 1;
    this.verifyAttempts.set(id, tries);
    if (m.verification === 'failed' || tries >= 3) {
      this.methods = this.methods.map((x) => (x === m ? { ...m, verification: 'failed', isDefault: false } : x));
      throw new BackendError('validation', 'Too many wrong codes.', { status: 422, code: 'verification_failed', field: 'code', serverMessage: true });
    }
    throw new BackendError('validation', 'That code does not match the micro-deposit.', { status: 422, code: 'wrong_code', field: 'code', serverMessage: true });
  }

  private makePayment(request: PaymentRequest, key: string, status: PaymentStatus, failureCode?: string): Payment {
    const invoiceTotal = request.allocations.reduce((s, a) => s + a.amount, 0);
    const creditTotal = request.credits.reduce((s, c) => s + c.amount, 0);
    const surchargeDef = this.settings.surcharge[request.methodType];
    const surcharge = computeSurcharge(invoiceTotal - creditTotal, surchargeDef);
    const saved = request.method.kind === 'saved' ? request.method.paymentMethodId : null;
    const methodSummary =
      request.method.kind === 'token'
        ? request.method.summary
        : (this.methods.find((m) => m.id === saved)?.summary ?? VISA.summary);
    const id = `pay-${++this.seq}`;
    const hasReceipt = status === 'succeeded' || status === 'processing';
    return {
      id,
      idempotencyKey: key,
      accountId: request.accountId,
      status,
      failureCode,
      clientSecret: status === 'requires_action' ? `${id}_secret` : undefined,
      createdAt: '2030-01-20T10:00:00.000Z',
      currency: request.currency,
      allocations: request.allocations,
      credits: request.credits,
      invoiceTotal,
      creditTotal,
      surcharge,
      surchargeLabel: surchargeDef?.label,
      total: invoiceTotal - creditTotal + surcharge,
      memo: request.memo,
      methodType: request.methodType,
      methodSummary,
      paidBy: { kind: this.viewer.kind, name: this.viewer.name },
      cashReceipt: hasReceipt
        ? {
            id: `cr-${id}`,
            number: 'CR-000123',
            date: '2030-01-20',
            batchId: 'batch-1',
            status: 'pending_import',
            amount: invoiceTotal - creditTotal + surcharge,
            currency: request.currency,
          }
        : undefined,
    };
  }

  async createPayment(request: PaymentRequest, key: string, signal?: AbortSignal): Promise<Payment> {
    this.created.push({ request: structuredClone(request), key });
    const existing = this.payments.get(key);
    if (existing) return existing;
    const step = this.createSteps.shift();
    const defaultStatus: PaymentStatus = request.methodType === 'ach' ? 'processing' : 'succeeded';
    if (step?.kind === 'error') {
      if (step.commit) this.payments.set(key, this.makePayment(request, key, defaultStatus));
      throw step.error;
    }
    if (step?.kind === 'hold') {
      // The server records the payment, but the answer is held (or lost when aborted).
      const payment = this.makePayment(request, key, defaultStatus);
      this.payments.set(key, payment);
      await new Promise<void>((resolve, reject) => {
        void step.until.then(resolve);
        signal?.addEventListener('abort', () => reject(backendError('aborted')));
      });
      return payment;
    }
    const status = step?.kind === 'status' ? step.status : defaultStatus;
    const payment = this.makePayment(request, key, status, step?.kind === 'status' ? step.failureCode : undefined);
    if (status !== 'failed') this.payments.set(key, payment);
    return payment;
  }
  async getPayment(id: string): Promise<Payment> {
    for (const p of this.payments.values()) if (p.id === id) return p;
    throw backendError('not_found');
  }
  async findPaymentByKey(key: string): Promise<Payment | null> {
    this.lookups.push(key);
    return this.payments.get(key) ?? null;
  }
  async confirmPayment(id: string, outcome: { actionCompleted: boolean }): Promise<Payment> {
    this.confirmed.push({ id, actionCompleted: outcome.actionCompleted });
    for (const [key, p] of this.payments) {
      if (p.id !== id) continue;
      const next: Payment = outcome.actionCompleted
        ? {
            ...p,
            status: 'succeeded',
            clientSecret: undefined,
            cashReceipt: {
              id: `cr-${id}`,
              number: 'CR-000124',
              date: '2030-01-20',
              batchId: 'batch-1',
              status: 'pending_import',
              amount: p.total,
              currency: p.currency,
            },
          }
        : { ...p, status: 'canceled', clientSecret: undefined };
      if (outcome.actionCompleted) this.payments.set(key, next);
      else this.payments.delete(key);
      return next;
    }
    throw backendError('not_found');
  }
  async listPayments(): Promise<Payment[]> {
    return [...this.payments.values()];
  }
}

/** A collector whose 3-D Secure step completes or is cancelled as the test says. */
export class FakeCollector implements PaymentCollector {
  readonly kind = 'sandbox' as const;
  readonly testMode = true;
  nextActions: string[] = [];
  constructor(public completeAction = true) {}
  async availability(): Promise<Availability> {
    return { available: true };
  }
  async open(): Promise<CollectorSession> {
    throw new Error('not used in these tests');
  }
  async handleNextAction(clientSecret: string): Promise<{ completed: boolean }> {
    this.nextActions.push(clientSecret);
    return { completed: this.completeAction };
  }
}
