/**
 * The backend contract's data, as zod/mini schemas. Every response that crosses the backend seam is
 * parsed with these; the TypeScript types are inferred from them so code and contract cannot drift.
 *
 * Money is always an integer number of minor units plus an ISO 4217 currency code.
 * Dates are ISO strings: `YYYY-MM-DD` for calendar dates, full ISO 8601 for instants.
 */
import * as z from 'zod/mini';
import { graphemeLength } from './text.js';

/** Integer minor units that fit a JS safe integer. Sign is checked where it matters. */
export const MinorUnits = z.int().check(z.minimum(-Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER));
export const NonNegativeMinorUnits = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
/** Any three-letter code; unknown currencies are flagged per invoice, not rejected wholesale (F28). */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));
/** A real calendar day (`2024-02-30` is refused: it would be shown as 1 March). */
export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a calendar date'),
);
/** An ISO 8601 instant with a time zone (`Z` or an offset), at most 40 characters. */
export const IsoInstant = z.string().check(
  z.maxLength(40),
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/),
  z.refine((s: string) => IsoDate.safeParse(s.slice(0, 10)).success && !Number.isNaN(Date.parse(s)), 'not an instant'),
);
const Id = z.string().check(z.minLength(1), z.maxLength(200));
const Text = (max: number) => z.string().check(z.maxLength(max));
/**
 * The memo: at most 10 000 user-visible characters (grapheme clusters), the unit of
 * `Settings.memoMaxLength` and of the form's counter (F33); a bound on code points keeps a hostile
 * string from costing much to count.
 */
const Memo = z.string().check(
  z.maxLength(200_000),
  z.refine((s: string) => graphemeLength(s) <= 10_000, 'more than 10000 characters'),
);

export const MethodType = z.enum(['card', 'ach']);
export type MethodType = z.infer<typeof MethodType>;

export const Surcharge = z.object({
  kind: z.enum(['fixed', 'percent']),
  /** Fixed: minor units. Percent: basis points (300 = 3 %). */
  value: NonNegativeMinorUnits,
  label: Text(200),
});
export type Surcharge = z.infer<typeof Surcharge>;

export const Settings = z.object({
  /** The whole feature's switch. */
  onlinePaymentsEnabled: z.boolean(),
  /** Methods allowed for this account (ACH may be restricted by terms code). */
  allowedMethods: z.array(MethodType),
  partialPaymentsAllowed: z.boolean(),
  overpaymentAllowed: z.boolean(),
  surcharge: z.object({ card: z.nullable(Surcharge), ach: z.nullable(Surcharge) }),
  currency: CurrencyCode,
  /** The ACH debit authorization (mandate) text the payer must accept. */
  achMandateText: Text(5000),
  walkthroughEnabled: z.boolean(),
  /** Memo limit in user-visible characters (grapheme clusters). */
  memoMaxLength: z.int().check(z.minimum(0), z.maximum(10000)),
  /**
   * The Stripe publishable key card and bank entry use, when the host does not set `stripe-key` on
   * the element. Only a publishable key (`pk_test_…` / `pk_live_…`): anything else, a secret key
   * above all, fails the contract.
   */
  stripePublishableKey: z.optional(z.string().check(z.regex(/^pk_(?:test|live)_[A-Za-z0-9_]{1,200}$/))),
});
export type Settings = z.infer<typeof Settings>;

export const Viewer = z.object({
  kind: z.enum(['worker', 'contact']),
  id: Id,
  name: Text(200),
  /** A contact's own account; absent for workers. */
  accountId: z.optional(Id),
});
export type Viewer = z.infer<typeof Viewer>;

export const Account = z.object({
  id: Id,
  /** The ERP customer number, e.g. C-1001. */
  number: Text(100),
  name: Text(300),
  currency: CurrencyCode,
});
export type Account = z.infer<typeof Account>;
export const AccountList = z.object({ items: z.array(Account) });

export const InvoiceStatus = z.enum(['open', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const InvoiceLine = z.object({
  sku: z.optional(Text(100)),
  description: Text(1000),
  quantity: z.number(),
  unitPrice: MinorUnits,
  amount: MinorUnits,
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const Invoice = z.object({
  id: Id,
  number: Text(100),
  status: InvoiceStatus,
  invoiceDate: IsoDate,
  dueDate: IsoDate,
  currency: CurrencyCode,
  total: MinorUnits,
  /** What the ERP says is still owed. */
  balance: MinorUnits,
  /** Paid online but not yet posted by the ERP. */
  pending: NonNegativeMinorUnits,
  poNumber: z.optional(Text(100)),
  description: z.optional(Text(1000)),
  /** Rendered as a link only when it is an absolute https URL. */
  pdfUrl: z.optional(Text(2000)),
  lines: z.optional(z.array(InvoiceLine)),
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceSort = z.enum(['dueDate', 'number', 'balance', 'total', 'invoiceDate']);
export type InvoiceSort = z.infer<typeof InvoiceSort>;
export const InvoiceFilter = z.enum(['open', 'paid', 'all']);
export type InvoiceFilter = z.infer<typeof InvoiceFilter>;

export const InvoicePage = z.object({
  items: z.array(Invoice),
  /** Number of invoices matching the query (all pages). */
  total: z.int().check(z.minimum(0)),
  offset: z.int().check(z.minimum(0)),
  limit: z.int().check(z.minimum(1), z.maximum(1000)),
});
export type InvoicePage = z.infer<typeof InvoicePage>;

export const Credit = z.object({
  id: Id,
  number: Text(100),
  date: IsoDate,
  currency: CurrencyCode,
  /** Open amount that can still be applied (positive). */
  amount: NonNegativeMinorUnits,
  description: z.optional(Text(1000)),
});
export type Credit = z.infer<typeof Credit>;
export const CreditList = z.object({ items: z.array(Credit) });

export const CardSummary = z.object({
  type: z.literal('card'),
  brand: Text(40),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  expMonth: z.int().check(z.minimum(1), z.maximum(12)),
  expYear: z.int().check(z.minimum(2000), z.maximum(2200)),
});
export const BankSummary = z.object({
  type: z.literal('ach'),
  bankName: Text(200),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  accountType: z.enum(['checking', 'savings']),
});
/** What the widget may know about a method: never a full number. */
export const MethodSummary = z.discriminatedUnion('type', [CardSummary, BankSummary]);
export type CardSummary = z.infer<typeof CardSummary>;
export type BankSummary = z.infer<typeof BankSummary>;
export type MethodSummary = z.infer<typeof MethodSummary>;

export const SavedPaymentMethod = z.object({
  id: Id,
  isDefault: z.boolean(),
  /** ACH accounts may await micro-deposit verification before first use. */
  verification: z.enum(['verified', 'pending_microdeposits', 'failed']),
  summary: MethodSummary,
});
export type SavedPaymentMethod = z.infer<typeof SavedPaymentMethod>;
export const SavedPaymentMethodList = z.object({ items: z.array(SavedPaymentMethod) });

/** A collector's output: an opaque processor token and a display summary. */
export const CollectedMethod = z.object({
  token: Id,
  summary: MethodSummary,
  save: z.boolean(),
});
export type CollectedMethod = z.infer<typeof CollectedMethod>;

export const AddPaymentMethodRequest = z.object({
  token: Id,
  summary: MethodSummary,
  makeDefault: z.boolean(),
});
export type AddPaymentMethodRequest = z.infer<typeof AddPaymentMethodRequest>;

export const Allocation = z.object({ invoiceId: Id, amount: NonNegativeMinorUnits });
export type Allocation = z.infer<typeof Allocation>;
export const CreditApplication = z.object({ creditId: Id, amount: NonNegativeMinorUnits });
export type CreditApplication = z.infer<typeof CreditApplication>;

export const AchAuthorization = z.object({
  text: Text(5000),
  acceptedAt: IsoInstant,
  accountLast4: z.string().check(z.regex(/^\d{4}$/)),
  amount: NonNegativeMinorUnits,
});
export type AchAuthorization = z.infer<typeof AchAuthorization>;

export const PaymentMethodChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), paymentMethodId: Id }),
  z.object({ kind: z.literal('token'), token: Id, summary: MethodSummary, save: z.boolean() }),
]);
export type PaymentMethodChoice = z.infer<typeof PaymentMethodChoice>;

export const PaymentRequest = z.object({
  accountId: Id,
  currency: CurrencyCode,
  methodType: MethodType,
  method: PaymentMethodChoice,
  allocations: z.array(Allocation).check(z.minLength(1)),
  credits: z.array(CreditApplication),
  memo: Memo,
  /** What the payer saw: the server recomputes and refuses a mismatch. */
  expectedTotal: NonNegativeMinorUnits,
  achAuthorization: z.optional(AchAuthorization),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const CashReceiptStatus = z.enum(['pending_import', 'imported', 'posted', 'reversed']);
export type CashReceiptStatus = z.infer<typeof CashReceiptStatus>;

export const CashReceipt = z.object({
  id: Id,
  /** e.g. CR-000123 */
  number: Text(100),
  date: IsoDate,
  batchId: Id,
  status: CashReceiptStatus,
  amount: NonNegativeMinorUnits,
  currency: CurrencyCode,
});
export type CashReceipt = z.infer<typeof CashReceipt>;

export const PaymentStatus = z.enum(['succeeded', 'processing', 'requires_action', 'failed', 'canceled']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const Payment = z.object({
  id: Id,
  idempotencyKey: Id,
  accountId: Id,
  status: PaymentStatus,
  /** Processor decline / failure code (e.g. card_declined, insufficient_funds, account_closed). */
  failureCode: z.optional(Text(100)),
  failureMessage: z.optional(Text(1000)),
  /** Present when status is requires_action: hand to the collector's next-action step. */
  clientSecret: z.optional(Text(500)),
  createdAt: IsoInstant,
  currency: CurrencyCode,
  allocations: z.array(Allocation),
  credits: z.array(CreditApplication),
  invoiceTotal: NonNegativeMinorUnits,
  creditTotal: NonNegativeMinorUnits,
  surcharge: NonNegativeMinorUnits,
  surchargeLabel: z.optional(Text(200)),
  total: NonNegativeMinorUnits,
  memo: Memo,
  methodType: MethodType,
  methodSummary: MethodSummary,
  paidBy: z.object({ kind: z.enum(['worker', 'contact']), name: Text(200) }),
  /** Absent until the payment succeeded or is processing. */
  cashReceipt: z.optional(CashReceipt),
});
export type Payment = z.infer<typeof Payment>;
export const PaymentList = z.object({ items: z.array(Payment) });

/** The REST error body. Only `message` of known codes is ever shown; raw bodies never are. */
export const ErrorBody = z.object({
  error: z.object({
    code: Text(100),
    message: Text(1000),
    /** For validation errors: which field. */
    field: z.optional(Text(200)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
