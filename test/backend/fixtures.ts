/** Contract-valid sample data and a scripted fetch for the backend tests. */
import type {
  Account,
  Credit,
  Invoice,
  Payment,
  PaymentRequest,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../../src/core/schemas.js';

export const settings: Settings = {
  onlinePaymentsEnabled: true,
  allowedMethods: ['card', 'ach'],
  partialPaymentsAllowed: true,
  overpaymentAllowed: false,
  surcharge: { card: { kind: 'percent', value: 300, label: 'Card fee' }, ach: null },
  currency: 'USD',
  achMandateText: 'I authorize the debit.',
  walkthroughEnabled: true,
  memoMaxLength: 500,
};

export const viewer: Viewer = { kind: 'contact', id: 'u1', name: 'Pat Payer', accountId: 'A1' };

export const account: Account = { id: 'A1', number: 'C-1001', name: 'Acme Corp', currency: 'USD' };

export function invoice(id: string, extra: Partial<Invoice> = {}): Invoice {
  return {
    id,
    number: `INV-${id}`,
    status: 'open',
    invoiceDate: '2024-01-05',
    dueDate: '2024-02-04',
    currency: 'USD',
    total: 12_345,
    balance: 12_345,
    pending: 0,
    ...extra,
  };
}

export const credit: Credit = { id: 'CM1', number: 'CM-1', date: '2024-01-10', currency: 'USD', amount: 500 };

export const card: SavedPaymentMethod = {
  id: 'pm_1',
  isDefault: true,
  verification: 'verified',
  summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
};

export const bank: SavedPaymentMethod = {
  id: 'pm_2',
  isDefault: false,
  verification: 'pending_microdeposits',
  summary: { type: 'ach', bankName: 'Test Bank', last4: '6789', accountType: 'checking' },
};

export const paymentRequest: PaymentRequest = {
  accountId: 'A1',
  currency: 'USD',
  methodType: 'card',
  method: { kind: 'saved', paymentMethodId: 'pm_1' },
  allocations: [{ invoiceId: 'I1', amount: 10_000 }],
  credits: [],
  memo: 'March invoices',
  expectedTotal: 10_300,
};

export function payment(idempotencyKey: string, extra: Partial<Payment> = {}): Payment {
  return {
    id: 'pay_1',
    idempotencyKey,
    accountId: 'A1',
    status: 'succeeded',
    createdAt: '2024-03-01T10:00:00Z',
    currency: 'USD',
    allocations: [{ invoiceId: 'I1', amount: 10_000 }],
    credits: [],
    invoiceTotal: 10_000,
    creditTotal: 0,
    surcharge: 300,
    surchargeLabel: 'Card fee',
    total: 10_300,
    memo: 'March invoices',
    methodType: 'card',
    methodSummary: card.summary,
    paidBy: { kind: 'contact', name: 'Pat Payer' },
    cashReceipt: {
      id: 'cr_1',
      number: 'CR-000001',
      date: '2024-03-01',
      batchId: 'B-20240301',
      status: 'pending_import',
      amount: 10_300,
      currency: 'USD',
    },
    ...extra,
  };
}

export const KEY = '6f1c2a9e-5b7d-4c3e-9a8b-0d1e2f3a4b5c';

/** A string that must never reach an error message. */
export const MARKER = 'SECRET-BODY-MARKER-7731';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function errorBody(status: number, code: string, message: string, field?: string, headers: Record<string, string> = {}): Response {
  return json({ error: field === undefined ? { code, message } : { code, message, field } }, status, headers);
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** What a scripted step does: answer, drop the connection, or never answer (until aborted). */
export type Step = Response | 'drop' | 'hang' | ((call: RecordedCall) => Response | 'drop' | 'hang');

/**
 * A fetch that plays `steps` in order (the last one repeats) and records every call. It honours its
 * signal like the real fetch does.
 */
export function scriptedFetch(...steps: Step[]): typeof fetch & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      credentials: init?.credentials,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error('scriptedFetch: no steps');
    let outcome = typeof step === 'function' ? step(call) : step;
    if (outcome instanceof Response) outcome = outcome.clone();
    if (call.signal?.aborted) throw call.signal.reason;
    if (outcome === 'drop') throw new TypeError('Failed to fetch');
    if (outcome === 'hang') {
      return new Promise<Response>((_, reject) => {
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
      });
    }
    return outcome;
  }) as typeof fetch & { calls: RecordedCall[] };
  fn.calls = calls;
  return fn;
}

/** A sleep that records the waits and returns at once. */
export function recordingSleep(): ((ms: number, signal?: AbortSignal) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  const fn = (async (ms: number) => {
    waits.push(ms);
  }) as ((ms: number, signal?: AbortSignal) => Promise<void>) & { waits: number[] };
  fn.waits = waits;
  return fn;
}
