/**
 * The demo backend's seed: viewers, accounts, invoices, credits, saved payment methods and the
 * site's settings. Fully deterministic (no Math.random): every date is relative to a `today`
 * handed in (default: the real current local date, so a past-due invoice is always past due), and
 * the 10,000 invoices of the large account come from a formula evaluated on first use.
 *
 * Nothing here is mutable state: the store overlays payments, receipts and ERP postings on top.
 */
import type {
  Account,
  Credit,
  Invoice,
  InvoiceLine,
  MethodSummary,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../core/schemas.js';

// ---------------------------------------------------------------------------------------------
// Dates

/** The local calendar date of `d` as `YYYY-MM-DD`. */
export function isoDate(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC, so no DST surprises). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Deterministic numbers

/** A 32-bit integer hash (splitmix-style finalizer): the same input always gives the same output. */
export function hash32(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** A string hash (FNV-1a, 32 bits), used for stable demo identifiers. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Seed types

/** A seeded invoice: the ERP's view before any online payment. `pending` is always 0 here. */
export interface SeedInvoice extends Invoice {
  lines?: InvoiceLine[];
}

/** A saved payment method as the store keeps it: the processor token never leaves the backend. */
export interface SeedPaymentMethod extends SavedPaymentMethod {
  accountId: string;
  token: string;
}

export interface SeedAccount {
  account: Account;
  /** Overrides of the site settings for this account (e.g. card only). */
  settings: Partial<Settings>;
  /** The account's invoices; called once on first use and cached by the store. */
  invoices: () => SeedInvoice[];
  /** Lines of an invoice that was generated without them (the large account). */
  lines?: (invoice: SeedInvoice) => InvoiceLine[];
  credits: Credit[];
}

export interface DemoSeed {
  today: string;
  viewers: { worker: Viewer; contact: Viewer };
  siteSettings: Settings;
  accounts: SeedAccount[];
  paymentMethods: SeedPaymentMethod[];
  /** The merchant whose invoices these are (named in the ACH authorization). */
  merchantName: string;
}

// ---------------------------------------------------------------------------------------------
// Constants the tests and the demo page refer to

export const ACME_ID = 'C-1001';
export const GLOBEX_ID = 'C-1002';
export const INITECH_ID = 'C-1003';
export const INITECH_INVOICE_COUNT = 10_000;
export const MERCHANT_NAME = 'Northwind Industrial Supply';
/** The descriptor code that verifies a micro-deposit bank account in the sandbox (as in Stripe). */
export const MICRODEPOSIT_CODE = 'SM11AA';

/**
 * The ACH debit authorization (NACHA style, single internet-initiated debit). The widget replaces
 * these placeholders before showing it, and sends the filled text back in `achAuthorization.text`:
 * - `{amount}`  the payment total, formatted (e.g. `$1,234.50`)
 * - `{date}`    the debit date, formatted (e.g. `March 4, 2026`)
 * - `{account}` the bank account, by its last four digits as the widget words it (e.g. `ending 6789`)
 */
export const ACH_MANDATE_PLACEHOLDERS = ['{amount}', '{date}', '{account}'] as const;

export function achMandateText(company: string): string {
  return (
    `By checking the authorization box, I authorize ${company} to electronically debit my bank ` +
    `account {account} for the amount of {amount} on {date}. This is a one-time ` +
    `debit for the invoices shown. I understand that this authorization will remain in effect ` +
    `until the payment has been processed, and that I may revoke it by contacting ${company} at ` +
    `(555) 010-0199 or ar@northwind.example at least one business day before {date}. If the debit ` +
    `is returned unpaid, a return fee may be charged as permitted by law. I confirm that I am ` +
    `authorized to debit this account and I will print or save a copy of this authorization.`
  );
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function line(sku: string, description: string, quantity: number, unitPrice: number): InvoiceLine {
  return { sku, description, quantity, unitPrice, amount: quantity * unitPrice };
}

interface InvoiceSpec {
  id: string;
  number: string;
  /** Days from today. */
  issued: number;
  due: number;
  poNumber?: string;
  description?: string;
  pdfUrl?: string;
  lines: InvoiceLine[];
  /** Already paid outside the portal (balance = total − paid). */
  paid?: number;
  status?: 'open' | 'paid' | 'void';
}

function invoice(today: string, currency: string, spec: InvoiceSpec): SeedInvoice {
  const total = spec.lines.reduce((s, l) => s + l.amount, 0);
  const status = spec.status ?? 'open';
  const balance = status === 'paid' || status === 'void' ? 0 : total - (spec.paid ?? 0);
  const inv: SeedInvoice = {
    id: spec.id,
    number: spec.number,
    status,
    invoiceDate: addDays(today, spec.issued),
    dueDate: addDays(today, spec.due),
    currency,
    total,
    balance,
    pending: 0,
    lines: spec.lines,
  };
  if (spec.poNumber !== undefined) inv.poNumber = spec.poNumber;
  if (spec.description !== undefined) inv.description = spec.description;
  if (spec.pdfUrl !== undefined) inv.pdfUrl = spec.pdfUrl;
  return inv;
}

// ---------------------------------------------------------------------------------------------
// Accounts

function acmeInvoices(today: string): SeedInvoice[] {
  const c = 'USD';
  return [
    invoice(today, c, {
      id: 'INV-10421', number: 'INV-10421', issued: -50, due: -20, poNumber: 'PO-7781',
      description: 'Spring restock: fasteners and anchors',
      lines: [
        line('HB-M8-100', 'Hex bolts M8 × 40 mm, box of 100', 10, 2450),
        line('WS-M8-500', 'Flat washers M8, bag of 500', 5, 1890),
        line('ANC-12', 'Concrete anchors 12 mm, box of 25', 12, 3295),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10455', number: 'INV-10455', issued: -25, due: 5, poNumber: 'PO-7790',
      description: 'Power tools', pdfUrl: 'https://example.com/invoices/INV-10455.pdf',
      lines: [
        line('DR-18V', 'Cordless drill 18 V with two batteries', 3, 18900),
        line('BIT-29', 'Drill bit set, 29 pieces', 3, 4250),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10467', number: 'INV-10467', issued: -18, due: 12, poNumber: 'PO-7802',
      description: 'Shop supplies',
      lines: [
        line('GLV-L', 'Work gloves, large, 12 pairs', 4, 3600),
        line('TAPE-48', 'Duct tape 48 mm × 55 m', 24, 799),
        line('SAF-GL', 'Safety glasses, clear', 20, 525),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10472', number: 'INV-10472', issued: -10, due: 20,
      description: 'Ladders',
      lines: [line('LAD-8', 'Fiberglass step ladder, 8 ft', 2, 21900)],
    }),
    invoice(today, c, {
      id: 'INV-10480', number: 'INV-10480', issued: -5, due: 25, poNumber: 'PO-7815',
      description: 'Plumbing: PVC run for warehouse B', paid: 30000,
      lines: [
        line('PVC-2', 'PVC pipe 2 in × 10 ft', 40, 1275),
        line('ELB-2', 'PVC elbow 2 in, 90°', 60, 189),
        line('CEM-16', 'PVC cement, 16 oz', 6, 1150),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10488', number: 'INV-10488', issued: -2, due: 28, poNumber: 'PO-7821',
      description: 'Paint and sundries',
      lines: [
        line('PNT-5G', 'Exterior paint, white, 5 gal', 4, 15900),
        line('RLR-9', 'Roller kit, 9 in', 6, 1495),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10390', number: 'INV-10390', issued: -90, due: -60, poNumber: 'PO-7702', status: 'paid',
      description: 'Material handling',
      lines: [
        line('HT-600', 'Hand truck, 600 lb', 2, 12900),
        line('RS-4', 'Ratchet straps, 4-pack', 5, 2999),
      ],
    }),
    invoice(today, c, {
      id: 'INV-10402', number: 'INV-10402', issued: -75, due: -45, poNumber: 'PO-7744', status: 'paid',
      description: 'Cleaning equipment',
      lines: [line('VAC-12', 'Shop vacuum, 12 gal', 1, 16900)],
    }),
  ];
}

function globexInvoices(today: string): SeedInvoice[] {
  const c = 'USD';
  return [
    invoice(today, c, {
      id: 'GX-5001', number: 'GX-5001', issued: -40, due: -10, poNumber: 'GR-118',
      description: 'Store fixtures',
      lines: [line('SHV-48', 'Display shelving unit, 48 in', 2, 34500)],
    }),
    invoice(today, c, {
      id: 'GX-5007', number: 'GX-5007', issued: -12, due: 18, poNumber: 'GR-124',
      description: 'Labels',
      lines: [
        line('LBL-R', 'Price label rolls', 30, 450),
        line('LBL-G', 'Label gun', 3, 2400),
      ],
    }),
    invoice(today, c, {
      id: 'GX-5012', number: 'GX-5012', issued: -3, due: 27,
      description: 'Shopping baskets',
      lines: [line('BSK-12', 'Shopping baskets, stack of 12', 5, 8900)],
    }),
    invoice(today, c, {
      id: 'GX-4990', number: 'GX-4990', issued: -70, due: -40, poNumber: 'GR-101', status: 'paid',
      description: 'Checkout supplies',
      lines: [line('BAG-1000', 'Paper bags, case of 1000', 4, 5600)],
    }),
  ];
}

const INITECH_DESCRIPTIONS = [
  'Office paper and toner',
  'Replacement staplers',
  'Break room supplies',
  'Filing cabinets',
  'Network cabling',
  'Desk lamps',
  'Printer maintenance kit',
  'Janitorial supplies',
] as const;

/** Invoice `i` (0-based) of the large account: a pure function of `i` and `today`. */
export function initechInvoice(today: string, i: number): SeedInvoice {
  const h = hash32(i + 1);
  const h2 = hash32(h);
  const dueOffset = (h % 150) - 90; // due between 90 days ago and 59 days ahead
  const total = 500 + (h2 % 500_000); // $5.00 … $5,004.99
  const partiallyPaid = h2 % 10 === 0;
  const n = String(i + 1).padStart(5, '0');
  const inv: SeedInvoice = {
    id: `INI-${n}`,
    number: `INV-3${n}`,
    status: 'open',
    invoiceDate: addDays(today, dueOffset - 30),
    dueDate: addDays(today, dueOffset),
    currency: 'USD',
    total,
    balance: partiallyPaid ? total - Math.floor(total / 2) : total,
    pending: 0,
    description: INITECH_DESCRIPTIONS[h2 % INITECH_DESCRIPTIONS.length] ?? 'Office supplies',
  };
  if (h % 10 < 7) inv.poNumber = `IN-PO-${10000 + (h2 % 90000)}`;
  return inv;
}

/** Lines of a generated invoice: one to three lines that add up to its total. */
export function initechLines(inv: SeedInvoice): InvoiceLine[] {
  const h = hashString(inv.id);
  const count = Math.min(1 + (h % 3), Math.max(1, inv.total));
  const each = Math.floor(inv.total / count);
  const out: InvoiceLine[] = [];
  let left = inv.total;
  for (let k = 0; k < count; k++) {
    const amount = k === count - 1 ? left : each;
    left -= amount;
    out.push({
      sku: `SKU-${(h >>> (k * 4)) % 9000 + 1000}`,
      description: `${inv.description ?? 'Office supplies'} (${k + 1} of ${count})`,
      quantity: 1,
      unitPrice: amount,
      amount,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The seed

function card(brand: string, last4: string, expMonth: number, expYear: number): MethodSummary {
  return { type: 'card', brand, last4, expMonth, expYear };
}

/**
 * Builds the seed for `today` (`YYYY-MM-DD`, default the real current local date). Calling it twice
 * with the same `today` gives equal data.
 */
export function createSeed(today: string = isoDate(new Date())): DemoSeed {
  const year = Number(today.slice(0, 4));
  const siteSettings: Settings = {
    onlinePaymentsEnabled: true,
    allowedMethods: ['card', 'ach'],
    partialPaymentsAllowed: true,
    overpaymentAllowed: false,
    surcharge: {
      card: { kind: 'percent', value: 300, label: 'Card processing fee' },
      ach: null,
    },
    currency: 'USD',
    achMandateText: achMandateText(MERCHANT_NAME),
    walkthroughEnabled: true,
    memoMaxLength: 500,
  };

  const accounts: SeedAccount[] = [
    {
      account: { id: ACME_ID, number: 'C-1001', name: 'Acme Hardware Co.', currency: 'USD' },
      settings: {},
      invoices: () => acmeInvoices(today),
      credits: [
        {
          id: 'CM-2001',
          number: 'CM-2001',
          date: addDays(today, -12),
          currency: 'USD',
          amount: 15000,
          description: 'Credit for returned damaged goods (RMA 5521)',
        },
      ],
    },
    {
      account: { id: GLOBEX_ID, number: 'C-1002', name: 'Globex Retail', currency: 'USD' },
      settings: { allowedMethods: ['card'] },
      invoices: () => globexInvoices(today),
      credits: [],
    },
    {
      account: { id: INITECH_ID, number: 'C-1003', name: 'Initech Supply', currency: 'USD' },
      settings: {},
      invoices: () => Array.from({ length: INITECH_INVOICE_COUNT }, (_, i) => initechInvoice(today, i)),
      lines: initechLines,
      credits: [],
    },
  ];

  const paymentMethods: SeedPaymentMethod[] = [
    {
      id: 'PM-0001',
      accountId: ACME_ID,
      token: 'pm_card_visa',
      isDefault: true,
      verification: 'verified',
      summary: card('visa', '4242', 12, year + 3),
    },
    {
      id: 'PM-0002',
      accountId: ACME_ID,
      token: 'pm_card_mastercard',
      isDefault: false,
      verification: 'verified',
      summary: card('mastercard', '4444', 3, year - 1),
    },
  ];

  return {
    today,
    viewers: {
      worker: { kind: 'worker', id: 'W-1', name: 'Dana Worker' },
      contact: { kind: 'contact', id: 'CT-1', name: 'Pat Buyer', accountId: ACME_ID },
    },
    siteSettings,
    accounts,
    paymentMethods,
    merchantName: MERCHANT_NAME,
  };
}
