/**
 * msw handlers for stories: the demo backend (a fresh in-memory `DemoStore`) served under
 * `/api/v1`, plus overrides for the states the demo data does not have on its own (server error,
 * malformed answer, a load that never ends, no invoices).
 *
 * Each story gets its own `StoryBackend`. Its `handlers` go into `parameters.msw`; its `reset` goes
 * into the story's `beforeEach`, so every visit (and every test) starts from the seed plus the
 * story's own preparation (settings overrides, saved methods, earlier payments).
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { computeTotals } from '../../src/core/allocation.js';
import type { MethodSummary, PaymentRequest, Settings } from '../../src/core/schemas.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { ACME_ID, createHandlers, DemoStore, GLOBEX_ID, INITECH_ID, MemoryStorage } from '../../src/demo-backend/index.js';
import type { DemoFault } from '../../src/demo-backend/index.js';
import { clearPending } from '../../src/elements/pay-invoices/pending-store.js';

export const API_BASE = '/api/v1';

/** The demo's payment methods for stories (tokens the demo's sandbox knows). */
export const TEST_BANK: MethodSummary = { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' };
export const DECLINING_CARD: MethodSummary = { type: 'card', brand: 'visa', last4: '0002', expMonth: 12, expYear: 2099 };

/** A demo store for one story, reset to the seed (plus `prepare`) before each visit. */
export class StoryBackend {
  readonly store = new DemoStore({ storage: new MemoryStorage() });
  readonly handlers: HttpHandler[];
  private readonly prepare: ((store: DemoStore) => void) | undefined;

  /**
   * @param prepare Runs on the fresh store after each reset (settings, methods, earlier payments).
   * @param overrides Handlers that answer before the demo's (first match wins).
   */
  constructor(prepare?: (store: DemoStore) => void, overrides: HttpHandler[] = []) {
    this.prepare = prepare;
    this.handlers = [...overrides, ...createHandlers(this.store, { baseUrl: API_BASE })];
    this.reset();
  }

  /**
   * Back to the seed, then the story's preparation. A story's `beforeEach`. A payment left
   * unconfirmed by an earlier visit (its idempotency key in session storage) belonged to the old
   * store: it is forgotten too, or `<pay-invoices>` would start by looking it up.
   */
  readonly reset = (): void => {
    for (const accountId of [ACME_ID, GLOBEX_ID, INITECH_ID]) clearPending(accountId);
    this.store.reset();
    this.prepare?.(this.store);
  };
}

/** The plain demo data: Acme (card + ACH, credit memo, Visa + expired Mastercard), Globex, Initech. */
export function demoBackend(prepare?: (store: DemoStore) => void): StoryBackend {
  return new StoryBackend(prepare);
}

/** Settings overrides for the site (`accountId` null) or one account. */
export function withSettings(partial: Partial<Settings>, accountId: string | null = null): StoryBackend {
  return new StoryBackend((store) => store.setSettings(accountId, partial));
}

/** Online payments switched off for the whole site. */
export function featureOffBackend(): StoryBackend {
  return withSettings({ onlinePaymentsEnabled: false });
}

/** Every request under `path` (an msw path, e.g. `/api/v1/*`) answers 503 (after the client's retries: an error). */
export function serverErrorBackend(path = `${API_BASE}/*`): StoryBackend {
  return new StoryBackend(undefined, [
    http.all(path, () =>
      HttpResponse.json(
        { error: { code: 'unavailable', message: 'The service is temporarily unavailable.' } },
        { status: 503 },
      ),
    ),
  ]);
}

/** Requests under `path` answer 200 with data that does not match the contract. */
export function malformedBackend(path: string): StoryBackend {
  return new StoryBackend(undefined, [http.get(path, () => HttpResponse.json({ items: 'not a list', total: -1 }))]);
}

/** Requests under `path` never answer: the element stays in its loading state. */
export function neverAnswersBackend(path = `${API_BASE}/*`): StoryBackend {
  return new StoryBackend(undefined, [
    http.all(path, async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    }),
  ]);
}

/** An account with no open invoices (and, for the paid filter, none paid either). */
export function noInvoicesBackend(): StoryBackend {
  return new StoryBackend(undefined, [
    http.get(`${API_BASE}/accounts/:accountId/invoices`, ({ request }) => {
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? '50') || 50;
      return HttpResponse.json({ items: [], total: 0, offset: 0, limit });
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Submitting goes wrong (docs: /work/shared/reliability/fault-cases.md, F02–F08)

/** An `ErrorBody` answer as the demo backend sends it. */
function errorAnswer(status: number, code: string, message: string): Response {
  return HttpResponse.json({ error: { code, message } }, { status });
}

/** The next `count` payment POSTs do `fault` (the demo's fault injection, see demo-backend/handlers.ts). */
function queueFaults(store: DemoStore, fault: DemoFault, count: number): void {
  for (let i = 0; i < count; i++) store.faults.next.push(fault);
}

/**
 * How many times the REST client sends one payment (its default `maxAttempts`): the fault stories
 * spoil exactly that many requests, so the client's own recovery fails and the element shows what
 * follows, while the payer's next step in Storybook (Check payment status, Try again) gets through.
 */
const CLIENT_ATTEMPTS = 3;

/**
 * F08: the session expired while the payer filled in the form. Loading works; Make Payment is
 * answered 401 (as the demo answers a request without a known viewer).
 */
export function sessionExpiresBackend(): StoryBackend {
  return new StoryBackend(undefined, [
    http.post(`${API_BASE}/payments`, () => errorAnswer(401, 'unauthorized', 'Sign in to continue.')),
  ]);
}

/** A REST backend whose session has expired: the demo answers every request 401 (unknown viewer). */
export function expiredSessionRestBackend(): RestBackend {
  return new RestBackend({ baseUrl: API_BASE, headers: { 'X-Demo-Viewer': 'expired-session' } });
}

/**
 * F07: someone else pays `amount` of `invoiceId` (Acme) just before this payer's payment arrives:
 * the demo then answers that payment 409 `invoice_changed`. Only the first payment of a visit.
 */
export function paidMeanwhileBackend(invoiceId: string, amount: number): StoryBackend {
  let paidByOther = false;
  const backend: StoryBackend = new StoryBackend(
    () => {
      paidByOther = false;
    },
    [
      http.post(`${API_BASE}/payments`, () => {
        if (!paidByOther) {
          paidByOther = true;
          payWithSavedCard(backend.store, invoiceId, amount, 'Paid by phone');
        }
        // No answer here: the demo's own handler takes the request (and refuses it).
        return undefined;
      }),
    ],
  );
  return backend;
}

/**
 * F02: the connection drops after the payment request left. The demo records the payment, but
 * every answer is lost, and so are the client's look-ups by idempotency key and those of the first
 * "Check payment status": the outcome stays unknown. Later look-ups get through and find it.
 */
export function answerLostBackend(): StoryBackend {
  let lookups = 0;
  return new StoryBackend(
    (store) => {
      lookups = 0;
      queueFaults(store, 'drop-response', CLIENT_ATTEMPTS);
    },
    [
      http.get(`${API_BASE}/payments`, () => {
        lookups++;
        // Still offline for the client's own look-ups and the first status check (each tries
        // CLIENT_ATTEMPTS times); msw's next handler (the demo's) answers later ones.
        return lookups <= 2 * CLIENT_ATTEMPTS ? HttpResponse.error() : undefined;
      }),
    ],
  );
}

/**
 * F05: the payment service answers 503 to every attempt (the demo records nothing): the payment
 * may still be processing as far as the client knows. Check payment status then finds nothing,
 * and Try again (same key) goes through.
 */
export function paymentServerErrorBackend(): StoryBackend {
  return new StoryBackend((store) => queueFaults(store, '5xx', CLIENT_ATTEMPTS));
}

/**
 * A REST backend for stories whose requests never answer: without the long per-attempt timeout the
 * client would give up after 15 s (three times) and show its timeout error instead of loading.
 */
export function patientRestBackend(): RestBackend {
  return new RestBackend({ baseUrl: API_BASE, timeoutMs: 24 * 60 * 60 * 1000, maxAttempts: 1 });
}

/** A REST backend that asks the demo as the contact (Pat Buyer of Acme), not the worker. */
export function contactRestBackend(): RestBackend {
  return new RestBackend({ baseUrl: API_BASE, headers: { 'X-Demo-Viewer': 'contact' } });
}

// ---------------------------------------------------------------------------------------------
// Store preparations

let keyCounter = 0;
function storyKey(): string {
  keyCounter++;
  return `story-${Date.now().toString(36)}-${keyCounter}`;
}

function totalFor(methodType: 'card' | 'ach', store: DemoStore, accountId: string, amounts: number[], credits: number[] = []): number {
  const settings = store.getSettings(accountId);
  return computeTotals({
    invoiceAmounts: amounts.map((amount) => ({ amount, currency: 'USD' })),
    creditAmounts: credits.map((amount) => ({ amount, currency: 'USD' })),
    surcharge: settings.surcharge[methodType],
  }).total;
}

/** A saved payment of `amount` on one of Acme's invoices with the default Visa (leaves it pending). */
export function payWithSavedCard(store: DemoStore, invoiceId: string, amount: number, memo = ''): void {
  const request: PaymentRequest = {
    accountId: ACME_ID,
    currency: 'USD',
    methodType: 'card',
    method: { kind: 'saved', paymentMethodId: 'PM-0001' },
    allocations: [{ invoiceId, amount }],
    credits: [],
    memo,
    expectedTotal: totalFor('card', store, ACME_ID, [amount]),
  };
  store.createPayment(request, storyKey(), store.getViewer('contact'));
}

/** An ACH payment (processing until settled) on one of Acme's invoices from the test bank account. */
export function payByBank(store: DemoStore, invoiceId: string, amount: number): void {
  const total = totalFor('ach', store, ACME_ID, [amount]);
  const request: PaymentRequest = {
    accountId: ACME_ID,
    currency: 'USD',
    methodType: 'ach',
    method: { kind: 'token', token: 'pm_usBankAccount_success', summary: TEST_BANK, save: false },
    allocations: [{ invoiceId, amount }],
    credits: [],
    memo: 'Paid by bank transfer',
    expectedTotal: total,
    achAuthorization: {
      text: `I authorize the debit of ${total} from the account ending in ${TEST_BANK.last4}.`,
      acceptedAt: store.now().toISOString(),
      accountLast4: TEST_BANK.last4,
      amount: total,
    },
  };
  store.createPayment(request, storyKey(), store.getViewer('worker'));
}

/** Saves the test bank account for Acme (verified, not the default). */
export function saveTestBank(store: DemoStore): void {
  store.addPaymentMethod(ACME_ID, { token: 'pm_usBankAccount_success', summary: TEST_BANK, makeDefault: false });
}

/** Saves a card that the sandbox declines, as Acme's default. */
export function saveDecliningCard(store: DemoStore): void {
  store.addPaymentMethod(ACME_ID, { token: 'pm_card_chargeDeclined', summary: DECLINING_CARD, makeDefault: true });
}
