import { computeTotals } from '../../src/core/allocation.js';
import type { MethodSummary, PaymentRequest } from '../../src/core/schemas.js';
import { DemoHttpError } from '../../src/demo-backend/errors.js';
import { MemoryStorage } from '../../src/demo-backend/memory-storage.js';
import { DemoStore } from '../../src/demo-backend/store.js';

/** A fixed clock: 10 March 2026, noon local time. */
export const FIXED_NOW = new Date(2026, 2, 10, 12, 0, 0);
export const TODAY = '2026-03-10';

export function makeStore(storage: Storage = new MemoryStorage(), now: () => Date = () => FIXED_NOW): DemoStore {
  return new DemoStore({ storage, now });
}

export const VISA: MethodSummary = { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
export const BANK: MethodSummary = { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' };

/** Card 3 % (basis points) as in the seed. */
export function expectedTotal(
  methodType: 'card' | 'ach',
  allocations: { amount: number }[],
  credits: { amount: number }[] = [],
  surchargeBp = 300,
): number {
  const t = computeTotals({
    invoiceAmounts: allocations.map((a) => ({ amount: a.amount, currency: 'USD' })),
    creditAmounts: credits.map((c) => ({ amount: c.amount, currency: 'USD' })),
    surcharge: methodType === 'card' && surchargeBp > 0 ? { kind: 'percent', value: surchargeBp, label: 'x' } : null,
  });
  return t.total;
}

export interface RequestOptions {
  accountId?: string;
  allocations?: { invoiceId: string; amount: number }[];
  credits?: { creditId: string; amount: number }[];
  memo?: string;
  expectedTotal?: number;
  achAuthorization?: boolean;
}

/** A card payment with a token (default pm_card_visa) on Acme's past-due invoice in full. */
export function cardRequest(token = 'pm_card_visa', o: RequestOptions = {}, save = false): PaymentRequest {
  const allocations = o.allocations ?? [{ invoiceId: 'INV-10421', amount: 73490 }];
  const credits = o.credits ?? [];
  return {
    accountId: o.accountId ?? 'C-1001',
    currency: 'USD',
    methodType: 'card',
    method: { kind: 'token', token, summary: VISA, save },
    allocations,
    credits,
    memo: o.memo ?? '',
    expectedTotal: o.expectedTotal ?? expectedTotal('card', allocations, credits),
  };
}

export function savedRequest(paymentMethodId: string, methodType: 'card' | 'ach', o: RequestOptions = {}, last4 = '4242'): PaymentRequest {
  const allocations = o.allocations ?? [{ invoiceId: 'INV-10421', amount: 73490 }];
  const credits = o.credits ?? [];
  const total = o.expectedTotal ?? expectedTotal(methodType, allocations, credits);
  const req: PaymentRequest = {
    accountId: o.accountId ?? 'C-1001',
    currency: 'USD',
    methodType,
    method: { kind: 'saved', paymentMethodId },
    allocations,
    credits,
    memo: o.memo ?? '',
    expectedTotal: total,
  };
  if (methodType === 'ach' && o.achAuthorization !== false) {
    req.achAuthorization = { text: 'I authorize…', acceptedAt: '2026-03-10T12:00:00.000Z', accountLast4: last4, amount: total };
  }
  return req;
}

/** An ACH payment with a bank token (default the success account). */
export function achRequest(token = 'pm_usBankAccount_success', o: RequestOptions = {}, save = false): PaymentRequest {
  const allocations = o.allocations ?? [{ invoiceId: 'INV-10421', amount: 73490 }];
  const credits = o.credits ?? [];
  const total = o.expectedTotal ?? expectedTotal('ach', allocations, credits);
  const req: PaymentRequest = {
    accountId: o.accountId ?? 'C-1001',
    currency: 'USD',
    methodType: 'ach',
    method: { kind: 'token', token, summary: BANK, save },
    allocations,
    credits,
    memo: o.memo ?? '',
    expectedTotal: total,
  };
  if (o.achAuthorization !== false) {
    req.achAuthorization = { text: 'I authorize…', acceptedAt: '2026-03-10T12:00:00.000Z', accountLast4: BANK.last4, amount: total };
  }
  return req;
}

let keyCounter = 0;
export function newKey(): string {
  keyCounter++;
  return `test-key-${keyCounter}-${Date.now()}`;
}

/** Runs `fn` and returns the DemoHttpError it throws (fails when it does not throw one). */
export function httpError(fn: () => unknown): DemoHttpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DemoHttpError) return e;
    throw e;
  }
  throw new Error('Expected a DemoHttpError, but nothing was thrown');
}
