/**
 * The seam between the elements and whatever serves the data. `RestBackend` implements it over
 * HTTP; a host may implement it directly (and must then return data that satisfies the schemas in
 * `core/schemas.ts`). Every call takes an `AbortSignal`.
 */
import type {
  Account,
  AddPaymentMethodRequest,
  Credit,
  Invoice,
  InvoiceFilter,
  InvoicePage,
  InvoiceSort,
  Payment,
  PaymentRequest,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../core/schemas.js';

export interface InvoiceQuery {
  status?: InvoiceFilter;
  /** Matches invoice number, PO number and description. */
  search?: string;
  sort?: InvoiceSort;
  order?: 'asc' | 'desc';
  offset?: number;
  /** At most 1000 per page. */
  limit?: number;
}

export interface PayInvoicesBackend {
  /** Who is signed in: a worker (any account) or a contact (their own account). */
  getViewer(signal?: AbortSignal): Promise<Viewer>;
  /** Settings in force for an account (or the site's defaults without one). */
  getSettings(accountId: string | null, signal?: AbortSignal): Promise<Settings>;
  /** Workers only. */
  searchAccounts(query: string, signal?: AbortSignal): Promise<Account[]>;
  getAccount(accountId: string, signal?: AbortSignal): Promise<Account>;
  listInvoices(accountId: string, query: InvoiceQuery, signal?: AbortSignal): Promise<InvoicePage>;
  /** One invoice with its lines. */
  getInvoice(accountId: string, invoiceId: string, signal?: AbortSignal): Promise<Invoice>;
  listCredits(accountId: string, signal?: AbortSignal): Promise<Credit[]>;
  listPaymentMethods(accountId: string, signal?: AbortSignal): Promise<SavedPaymentMethod[]>;
  addPaymentMethod(accountId: string, request: AddPaymentMethodRequest, signal?: AbortSignal): Promise<SavedPaymentMethod>;
  removePaymentMethod(accountId: string, paymentMethodId: string, signal?: AbortSignal): Promise<void>;
  setDefaultPaymentMethod(accountId: string, paymentMethodId: string, signal?: AbortSignal): Promise<SavedPaymentMethod[]>;
  /** Micro-deposit verification of a bank account (descriptor code, e.g. SM11AA). */
  verifyPaymentMethod(accountId: string, paymentMethodId: string, code: string, signal?: AbortSignal): Promise<SavedPaymentMethod>;
  /**
   * Creates a payment exactly once per idempotency key: a repeated call with the same key returns the
   * first outcome and never charges again. The key must be made before the first attempt and kept
   * until the outcome is known.
   */
  createPayment(request: PaymentRequest, idempotencyKey: string, signal?: AbortSignal): Promise<Payment>;
  /** Looks a payment up by its id. */
  getPayment(paymentId: string, signal?: AbortSignal): Promise<Payment>;
  /** Looks a payment up by the idempotency key it was created with; null when none was created. */
  findPaymentByKey(idempotencyKey: string, signal?: AbortSignal): Promise<Payment | null>;
  /** After a `requires_action` payment's next action (3-D Secure) completed or was cancelled. */
  confirmPayment(paymentId: string, outcome: { actionCompleted: boolean }, signal?: AbortSignal): Promise<Payment>;
  /** Payment history (cash receipts) of an account, newest first. */
  listPayments(accountId: string, signal?: AbortSignal): Promise<Payment[]>;
}

/** Fetches every page of an account's invoices (for the pay view, which shows all open invoices). */
export async function listAllInvoices(
  backend: PayInvoicesBackend,
  accountId: string,
  query: Omit<InvoiceQuery, 'offset' | 'limit'>,
  signal?: AbortSignal,
): Promise<Invoice[]> {
  const limit = 1000;
  const all: Invoice[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await backend.listInvoices(accountId, { ...query, offset, limit }, signal);
    all.push(...page.items);
    if (page.items.length < limit || all.length >= page.total) return all;
  }
}
