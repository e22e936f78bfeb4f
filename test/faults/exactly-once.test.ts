/**
 * Exactly-once under faults (F01–F07), property-based: over 1,000 generated runs, a payer who
 * follows `<pay-invoices>`' submission protocol pays 1–3 intended payments against the demo
 * backend while the network and the server misbehave — responses dropped after the server recorded
 * the payment, timeouts, 5xx before recording, 409 "in progress", 409 "invoice changed", 429,
 * duplicate requests, failed status look-ups, dropped 3-D Secure confirmations — and the page is
 * reloaded at arbitrary points; the payer also reloads, checks, submits again or discards when the
 * widget says the outcome is unknown, and retries (with a new key) or gives up after a refusal.
 *
 * The client is the real `RestBackend` (retries, backoff, look-up by key) on a fetch that routes to
 * the demo backend's msw handlers in this page; the pending key is kept with the real
 * `pending-store` in session storage, which survives the simulated reloads. The payer's steps
 * mirror `pay-invoices.ts` (`submit` → `send` → `handleSubmitError` / `checkStatus` / "Submit
 * again" / "Discard"). A second property drives the real `<pay-invoices>` element (also 1,000 runs)
 * under the same fault schedules, a reload being the element removed and a new one mounted on a new
 * `RestBackend`.
 *
 * Afterwards, for every run: exactly one cash receipt per intended payment that succeeded, none for
 * one that definitively failed, nothing recorded for one the payer gave up on, no payment that no
 * intent asked for, no duplicate charge, invoice pending amounts that match, and no pending key
 * left behind.
 */
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { getResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { isBackendError } from '../../src/backend/errors.js';
import { computeTotals } from '../../src/core/allocation.js';
import { newIdempotencyKey } from '../../src/core/idempotency.js';
import type { MethodSummary, Payment, PaymentRequest } from '../../src/core/schemas.js';
import type { PaymentCollector } from '../../src/collectors/types.js';
import { createHandlers } from '../../src/demo-backend/handlers.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import '../../src/define/pay-invoices.js';
import type { DemoFault, DemoStore } from '../../src/demo-backend/store.js';
import {
  clearPending,
  loadPending,
  savePending,
  type PendingSubmission,
} from '../../src/elements/pay-invoices/pending-store.js';
import { ACME, BASE, makeStore } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// The fault schedule

/** What happens to one `POST /payments`. */
type PostFault =
  | 'none'
  | DemoFault // drop-response, timeout, 5xx, 409-in-progress, 429 (server side, see handlers.ts)
  | 'reload-before' // the page goes away before the request leaves
  | 'reload-after' // the server records the payment, then the page goes away
  | 'duplicate' // a second identical request (same key) races the first
  | 'conflict'; // 409 invoice_changed: the ERP changed an invoice meanwhile, nothing recorded (F07)
/** What happens to one look-up by key (`GET /payments?idempotency_key=`). */
type LookupFault = 'none' | 'drop' | '5xx' | 'reload';
/** What happens to one 3-D Secure confirmation (`POST /payments/:id/confirm`). */
type ConfirmFault = 'none' | 'drop-before' | 'drop-after' | 'reload-after';
/** What the payer does when the outcome is unknown / not found: the obvious button, reload, or Discard. */
type Choice = 'button' | 'reload' | 'discard';

interface Schedule {
  post: PostFault[];
  lookup: LookupFault[];
  confirm: ConfirmFault[];
  choices: Choice[];
}

type MethodKind = 'saved-card' | 'new-card' | 'ach' | '3ds' | 'declined';

interface IntentSpec {
  method: MethodKind;
  invoiceCount: 1 | 2;
  /** Percent of the open balance to pay; 100 = in full. */
  percent: number;
}

const postFault = fc.constantFrom<PostFault>(
  'none',
  'none',
  'drop-response',
  'timeout',
  '5xx',
  '409-in-progress',
  '429',
  'reload-before',
  'reload-after',
  'duplicate',
  'conflict',
);
const lookupFault = fc.constantFrom<LookupFault>('none', 'none', 'drop', '5xx', 'reload');
const confirmFault = fc.constantFrom<ConfirmFault>('none', 'drop-before', 'drop-after', 'reload-after');
const choice = fc.constantFrom<Choice>('button', 'button', 'reload', 'discard');

const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  post: fc.array(postFault, { maxLength: 10 }),
  lookup: fc.array(lookupFault, { maxLength: 5 }),
  confirm: fc.array(confirmFault, { maxLength: 3 }),
  choices: fc.array(choice, { maxLength: 5 }),
});

const intentArb: fc.Arbitrary<IntentSpec> = fc.record({
  method: fc.constantFrom<MethodKind>('saved-card', 'new-card', 'ach', '3ds', 'declined'),
  invoiceCount: fc.constantFrom<1 | 2>(1, 2),
  percent: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 99 })),
});

const runArb = fc.record({
  intents: fc.array(intentArb, { minLength: 1, maxLength: 3 }),
  /** Which open invoices each intent pays (disjoint, in this order). */
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
  schedule: scheduleArb,
  /** Definitive refusals the payer accepts before giving up. */
  patience: fc.integer({ min: 0, max: 2 }),
});

// ---------------------------------------------------------------------------------------------
// The world: the demo backend, the network in between, and the page (which can be reloaded)

/** Per attempt; a `timeout` fault holds the server's answer for longer. */
const CLIENT_TIMEOUT_MS = 25;
const SERVER_HOLD_MS = 80;
const MAX_STEPS = 200;

const VISA: MethodSummary = { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
const BANK: MethodSummary = { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' };
const BASE_PATH = new URL(BASE).pathname;

interface Page {
  backend: RestBackend;
  ac: AbortController;
}

function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise<Response>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class World {
  readonly store: DemoStore;
  private readonly handlers: HttpHandler[];
  private readonly schedule: Schedule;
  private readonly clientTimeoutMs: number;
  page!: Page;
  reloads = 0;
  readonly trace: string[] = [];
  /** The Idempotency-Key of every `POST /payments`, in order. */
  readonly postKeys: string[] = [];

  constructor(schedule: Schedule, timing: { clientTimeoutMs: number; serverHoldMs: number } = {
    clientTimeoutMs: CLIENT_TIMEOUT_MS,
    serverHoldMs: SERVER_HOLD_MS,
  }) {
    this.store = makeStore();
    this.clientTimeoutMs = timing.clientTimeoutMs;
    this.handlers = createHandlers(this.store, { baseUrl: BASE, timeoutMs: timing.serverHoldMs });
    // Copies: the run consumes them.
    this.schedule = {
      post: [...schedule.post],
      lookup: [...schedule.lookup],
      confirm: [...schedule.confirm],
      choices: [...schedule.choices],
    };
    this.newPage();
  }

  /** A (re)loaded page: a new RestBackend; only session storage survives. */
  newPage(): Page {
    const ac = new AbortController();
    const page: Page = {
      ac,
      backend: new RestBackend({
        baseUrl: BASE,
        headers: { 'X-Demo-Viewer': 'contact' },
        fetch: (input, init) => this.fetch(page, input, init),
        sleep: async () => {},
        timeoutMs: this.clientTimeoutMs,
      }),
    };
    this.page = page;
    return page;
  }

  nextChoice(): Choice {
    return this.schedule.choices.shift() ?? 'button';
  }

  private reload(page: Page, why: string): void {
    this.trace.push(`reload (${why})`);
    this.reloads++;
    page.ac.abort(new DOMException('The page was reloaded.', 'AbortError'));
  }

  private async forward(request: Request): Promise<Response> {
    const response = await getResponse(this.handlers, request);
    if (!response) return json(404, { error: { code: 'not_found', message: 'No route.' } });
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  }

  /** Idempotency keys of `POST /payments` the server is still working on (their answer may be lost). */
  private readonly inFlight = new Map<string, number>();

  /** A `POST /payments` reaching the server, tracked while the server works on it. */
  private async forwardPost(key: string, request: Request): Promise<Response> {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    try {
      return await this.forward(request);
    } finally {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
  }

  private async fetch(page: Page, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const signal = init?.signal;
    const path = new URL(request.url).pathname.slice(BASE_PATH.length);
    if (request.method === 'POST' && path === '/payments') {
      const key = request.headers.get('Idempotency-Key') ?? '';
      this.postKeys.push(key);
      const fault = this.schedule.post.shift() ?? 'none';
      this.trace.push(`POST /payments: ${fault}`);
      switch (fault) {
        case 'none':
          return this.forwardPost(key, request);
        case 'reload-before':
          this.reload(page, 'before the request left');
          return hang(signal);
        case 'reload-after':
          await this.forwardPost(key, request).catch(() => undefined);
          this.reload(page, 'after the server answered');
          return hang(signal);
        case 'conflict':
          // The ERP changed an invoice (F07). A real server checks the key first: a retry of a
          // payment it is still working on gets "in progress", one it recorded gets its replay —
          // never "invoice changed" for the very payment that changed the balance.
          if (this.inFlight.has(key)) {
            this.trace.push('  (key in progress on the server: 409 idempotency_in_progress)');
            return json(409, { error: { code: 'idempotency_in_progress', message: 'This payment is still being processed.' } });
          }
          if (this.store.listPayments(ACME).some((p) => p.idempotencyKey === key)) return this.forwardPost(key, request);
          return json(409, { error: { code: 'invoice_changed', message: 'An invoice changed.', field: 'allocations.0.amount' } });
        case 'duplicate': {
          const twin = this.forwardPost(key, request.clone());
          twin.catch(() => {});
          return this.forwardPost(key, request);
        }
        default:
          this.store.faults.next.push(fault);
          return this.forwardPost(key, request);
      }
    }
    if (request.method === 'GET' && path === '/payments') {
      const fault = this.schedule.lookup.shift() ?? 'none';
      this.trace.push(`GET /payments?key: ${fault}`);
      switch (fault) {
        case 'drop':
          throw new TypeError('Failed to fetch');
        case '5xx':
          return json(503, { error: { code: 'unavailable', message: 'Unavailable.' } });
        case 'reload':
          this.reload(page, 'during a look-up');
          return hang(signal);
        default:
          return this.forward(request);
      }
    }
    if (request.method === 'POST' && /^\/payments\/[^/]+\/confirm$/.test(path)) {
      const fault = this.schedule.confirm.shift() ?? 'none';
      this.trace.push(`POST confirm: ${fault}`);
      switch (fault) {
        case 'drop-before':
          throw new TypeError('Failed to fetch');
        case 'drop-after':
          await this.forward(request);
          throw new TypeError('Failed to fetch');
        case 'reload-after':
          await this.forward(request).catch(() => undefined);
          this.reload(page, 'after the confirmation');
          return hang(signal);
        default:
          return this.forward(request);
      }
    }
    return this.forward(request);
  }
}

// ---------------------------------------------------------------------------------------------
// The payer, following pay-invoices' protocol

type Result =
  | { kind: 'paid'; payment: Payment; keys: string[] }
  | { kind: 'failed'; payment: Payment; keys: string[] }
  | { kind: 'gave-up'; keys: string[] };

interface Intent {
  spec: IntentSpec;
  request: PaymentRequest;
}

class Reloaded extends Error {}

/** The outcome is not known: the widget shows "We are confirming your payment…". */
class Unknown extends Error {}

/** The server refused definitively: nothing was charged with this key. */
class Refused extends Error {}

/** As `pay-invoices.ts` `handlePayment`: a definitive status, or 3-D Secure then confirm. */
async function handlePayment(page: Page, payment: Payment, depth = 0): Promise<Payment> {
  if (payment.status === 'requires_action') {
    if (depth > 1) throw new Unknown('requires_action twice');
    // The collector's challenge completes (the payer authenticates).
    const next = await page.backend.confirmPayment(payment.id, { actionCompleted: true }, page.ac.signal);
    return handlePayment(page, next, depth + 1);
  }
  return payment;
}

/** As `pay-invoices.ts` `handleSubmitError`. */
function classifySubmitError(page: Page, e: unknown): Error {
  if (page.ac.signal.aborted) return new Reloaded();
  if (!isBackendError(e)) return new Unknown(String(e));
  if (e.kind === 'aborted') throw new Error('aborted without a reload');
  if (
    e.outcomeUnknown ||
    e.kind === 'network' ||
    e.kind === 'timeout' ||
    e.kind === 'unavailable' ||
    e.kind === 'malformed_response' ||
    (e.kind === 'conflict' && e.code === 'idempotency_in_progress')
  ) {
    return new Unknown(`${e.kind}: ${e.message}`);
  }
  return new Refused(`${e.kind} ${e.code ?? ''}: ${e.message}`);
}

async function pay(world: World, intent: Intent, patience: number): Promise<Result> {
  const keys: string[] = [];
  let refusals = 0;
  let pending: PendingSubmission | null = null;
  type Phase = 'form' | 'send' | 'unknown' | 'check' | 'not-found' | 'load';
  let phase: Phase = 'form';
  const done = (payment: Payment): Result => {
    clearPending(ACME);
    return payment.status === 'succeeded' || payment.status === 'processing'
      ? { kind: 'paid', payment, keys }
      : { kind: 'failed', payment, keys };
  };

  for (let step = 0; step < MAX_STEPS; step++) {
    const page = world.page;
    switch (phase) {
      case 'load': {
        world.newPage();
        const stored = loadPending(ACME);
        // The key must survive the reload: without it the payer would see a fresh form and pay again.
        if (!stored || stored.key !== pending?.key) throw new Error('the pending key did not survive the reload');
        pending = stored;
        phase = 'check';
        break;
      }
      case 'form': {
        if (refusals > patience) return { kind: 'gave-up', keys };
        pending = { key: newIdempotencyKey(), request: intent.request, createdAt: new Date().toISOString() };
        keys.push(pending.key);
        // Stored BEFORE the request leaves (F01–F04).
        savePending(ACME, pending);
        phase = 'send';
        break;
      }
      case 'send': {
        try {
          const created = await page.backend.createPayment(pending!.request, pending!.key, page.ac.signal);
          return done(await handlePayment(page, created));
        } catch (e) {
          const next = classifySubmitError(page, e);
          if (next instanceof Reloaded) phase = 'load';
          else if (next instanceof Unknown) phase = 'unknown';
          else {
            world.trace.push(`refused: ${next.message}`);
            clearPending(ACME);
            refusals++;
            phase = 'form'; // the payer reviews and presses Make Payment again: a new key
          }
        }
        break;
      }
      case 'unknown':
        phase = world.nextChoice() === 'reload' ? 'load' : 'check';
        break;
      case 'check': {
        try {
          const found = await page.backend.findPaymentByKey(pending!.key, page.ac.signal);
          if (found) return done(await handlePayment(page, found));
          phase = 'not-found';
        } catch {
          phase = page.ac.signal.aborted ? 'load' : 'unknown';
        }
        break;
      }
      case 'not-found': {
        const c = world.nextChoice();
        if (c === 'reload') phase = 'load';
        else if (c === 'discard') {
          world.trace.push('discarded');
          clearPending(ACME);
          refusals++;
          phase = 'form';
        } else phase = 'send'; // "Submit again": the same key
        break;
      }
    }
  }
  throw new Error(`no outcome after ${MAX_STEPS} steps`);
}

// ---------------------------------------------------------------------------------------------
// Building the intended payments

function buildIntents(store: DemoStore, specs: IntentSpec[], order: number[]): Intent[] {
  const open = store.listInvoices(ACME, { status: 'open', sort: 'dueDate', order: 'asc' }).items;
  const settings = store.getSettings(ACME);
  const intents: Intent[] = [];
  let next = 0;
  for (const spec of specs) {
    const picked = order.slice(next, next + spec.invoiceCount).map((i) => open[i]!);
    next += spec.invoiceCount;
    const allocations = picked.map((inv) => {
      const available = inv.balance - inv.pending;
      const amount = spec.percent === 100 ? available : Math.max(1, Math.floor((available * spec.percent) / 100));
      return { invoiceId: inv.id, amount };
    });
    const methodType = spec.method === 'ach' ? 'ach' : 'card';
    const totals = computeTotals({
      invoiceAmounts: allocations.map((a) => ({ amount: a.amount, currency: 'USD' })),
      creditAmounts: [],
      surcharge: settings.surcharge[methodType],
    });
    const token: Record<MethodKind, string> = {
      'saved-card': '',
      'new-card': 'pm_card_visa',
      ach: 'pm_usBankAccount_success',
      '3ds': 'pm_card_threeDSecure2Required',
      declined: 'pm_card_chargeDeclinedInsufficientFunds',
    };
    const request: PaymentRequest = {
      accountId: ACME,
      currency: 'USD',
      methodType,
      method:
        spec.method === 'saved-card'
          ? { kind: 'saved', paymentMethodId: 'PM-0001' }
          : { kind: 'token', token: token[spec.method], summary: methodType === 'ach' ? BANK : VISA, save: false },
      allocations,
      credits: [],
      memo: '',
      expectedTotal: totals.total,
    };
    if (methodType === 'ach') {
      request.achAuthorization = {
        text: 'I authorize Acme Hardware Co. to debit my account.',
        acceptedAt: '2026-03-10T12:00:00.000Z',
        accountLast4: BANK.last4,
        amount: totals.total,
      };
    }
    intents.push({ spec, request });
  }
  return intents;
}

// ---------------------------------------------------------------------------------------------
// The checks

function check(world: World, intents: Intent[], results: Result[]): void {
  const store = world.store;
  const payments = store.listPayments(ACME);
  const receipts = store.listBatches().flatMap((b) => b.receipts);
  const byKey = new Map<string, Payment[]>();
  for (const p of payments) byKey.set(p.idempotencyKey, [...(byKey.get(p.idempotencyKey) ?? []), p]);
  // One payment per key at most: the store's idempotency.
  for (const [key, list] of byKey) expect(list, `payments under key ${key}`).to.have.length(1);

  const claimed = new Set<string>();
  let paid = 0;
  intents.forEach((intent, i) => {
    const result = results[i]!;
    const mine = payments.filter((p) => result.keys.includes(p.idempotencyKey));
    for (const p of mine) claimed.add(p.id);
    const myReceipts = receipts.filter((r) => mine.some((p) => p.id === r.paymentId) && r.status !== 'reversed');
    const label = `intent ${i} (${intent.spec.method}) → ${result.kind}`;
    switch (result.kind) {
      case 'paid': {
        paid++;
        expect(intent.spec.method, label).to.not.equal('declined');
        // Exactly one payment and one cash receipt, and they are what the payer was shown.
        expect(mine, `${label}: payments`).to.have.length(1);
        expect(myReceipts, `${label}: receipts`).to.have.length(1);
        expect(mine[0]!.id, label).to.equal(result.payment.id);
        expect(result.payment.cashReceipt?.number, label).to.equal(myReceipts[0]!.number);
        expect(myReceipts[0]!.amount, label).to.equal(intent.request.expectedTotal);
        expect(['succeeded', 'processing'], label).to.include(mine[0]!.status);
        break;
      }
      case 'failed':
        // A decline: one failed payment, no receipt, and the payer was told.
        expect(intent.spec.method, label).to.equal('declined');
        expect(mine, `${label}: payments`).to.have.length(1);
        expect(mine[0]!.status, label).to.equal('failed');
        expect(myReceipts, `${label}: receipts`).to.have.length(0);
        break;
      case 'gave-up':
        // Only after definitive refusals, so nothing may be recorded under any of its keys.
        expect(mine, `${label}: payments`).to.have.length(0);
        break;
    }
    // The invoices show what is pending, exactly once.
    const pendingExpected = result.kind === 'paid';
    for (const a of intent.request.allocations) {
      const inv = store.getInvoice(ACME, a.invoiceId);
      expect(inv.pending, `${label}: pending on ${a.invoiceId}`).to.equal(pendingExpected ? a.amount : 0);
    }
  });
  // Nothing that no intent asked for; one receipt per paid intent, in total.
  expect(payments.filter((p) => !claimed.has(p.id)), 'payments nobody intended').to.have.length(0);
  expect(receipts.filter((r) => r.status !== 'reversed'), 'receipts in the batch').to.have.length(paid);
  expect(loadPending(ACME), 'pending key left behind').to.equal(null);
}

// ---------------------------------------------------------------------------------------------
// The same, through the real <pay-invoices> (fewer runs: each one renders the element)

const uiRunArb = fc.record({
  intents: fc.array(
    fc.record({
      method: fc.constantFrom<MethodKind>('saved-card', 'new-card', '3ds', 'declined'),
      invoiceCount: fc.constantFrom<1 | 2>(1, 2),
      percent: fc.constant(100),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
  schedule: scheduleArb,
  patience: fc.integer({ min: 0, max: 2 }),
});

/** A collector whose 3-D Secure challenge the payer always completes. */
const completingCollector: PaymentCollector = {
  kind: 'sandbox',
  testMode: true,
  availability: async () => ({ available: true }),
  open: async () => {
    throw new Error('not used');
  },
  handleNextAction: async () => ({ completed: true }),
};

type UiState = 'busy' | 'form' | 'message' | 'unknown' | 'not-found' | 'receipt' | 'pending-confirm' | 'load-error';

function uiState(el: PayInvoices): UiState {
  const r = el.shadowRoot;
  if (!r) return 'busy';
  if (r.querySelector('#receipt-heading')) return 'receipt';
  if (r.querySelector('#pending-confirm')) return 'pending-confirm';
  const outcome = r.querySelector('#outcome');
  if (outcome) {
    if (r.querySelector('#outcome button')?.textContent?.includes('Submit again')) return 'not-found';
    const check = r.querySelector<HTMLButtonElement>('#outcome button');
    return check && !check.disabled ? 'unknown' : 'busy';
  }
  const submit = r.querySelector<HTMLButtonElement>('[part="submit-button"]');
  if (!submit) return [...r.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Try again') ? 'load-error' : 'busy';
  if (submit.getAttribute('aria-busy') === 'true') return 'busy';
  return r.querySelector('#form-message') ? 'message' : 'form';
}

function uiButton(el: PayInvoices, name: string): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll('button')].find((x) => x.textContent?.replace(/\s+/g, ' ').trim() === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

async function mountUi(world: World, selected: string[]): Promise<PayInvoices> {
  const page = world.newPage();
  const el = document.createElement('pay-invoices');
  el.account = ACME;
  el.backend = page.backend;
  el.collector = completingCollector;
  el.selectedInvoiceIds = selected;
  document.body.append(el);
  return el;
}

/** Waits until the element settles in a state the payer acts on (or the page is "reloaded"). */
async function settle(world: World, el: PayInvoices): Promise<UiState | 'reload'> {
  let state: UiState = 'busy';
  try {
    await waitUntil(
      () => {
        if (world.page.ac.signal.aborted) return true;
        state = uiState(el);
        return state !== 'busy';
      },
      'not settled',
      { timeout: 10000, interval: 5 },
    );
  } catch {
    throw new Error(`the widget did not settle: ${el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  return world.page.ac.signal.aborted ? 'reload' : state;
}

async function payThroughUi(world: World, intent: Intent, patience: number): Promise<Result> {
  const first = world.postKeys.length;
  const keys = (): string[] => [...new Set(world.postKeys.slice(first))];
  let el = await mountUi(world, intent.request.allocations.map((a) => a.invoiceId));
  let refusals = 0;
  let chosen = false;
  try {
    for (let step = 0; step < MAX_STEPS; step++) {
      const state = await settle(world, el);
      world.trace.push(`ui: ${state}`);
      switch (state) {
        case 'reload':
          el.remove();
          el = await mountUi(world, []);
          break;
        case 'load-error':
          uiButton(el, 'Try again').click();
          break;
        case 'pending-confirm':
          // The payer would be asked to pay an invoice that already has a pending payment: in
          // this fault model that can only be their own payment, i.e. a lost key.
          throw new Error('asked to pay again an invoice with a pending payment');
        case 'receipt': {
          const number = /CR-\d{6}/.exec(el.shadowRoot!.querySelector('[part="receipt"]')?.textContent ?? '')?.[0];
          const payment = world.store.listPayments(ACME).find((p) => p.cashReceipt?.number === number);
          if (!payment) throw new Error(`the receipt ${number} shown is not in the store`);
          return { kind: 'paid', payment, keys: keys() };
        }
        case 'form':
        case 'message': {
          const message = el.shadowRoot!.querySelector('#form-message')?.textContent ?? '';
          if (/declined for insufficient funds/.test(message)) {
            const payment = world.store.listPayments(ACME).find((p) => keys().includes(p.idempotencyKey));
            if (!payment) throw new Error('a decline was shown without a payment');
            return { kind: 'failed', payment, keys: keys() };
          }
          if (state === 'message') {
            world.trace.push(`refused: ${message.replace(/\s+/g, ' ').trim()}`);
            refusals++;
          }
          if (refusals > patience) return { kind: 'gave-up', keys: keys() };
          if (!chosen && intent.request.method.kind === 'token') {
            // A new card from the entry dialog, as the dialog hands it over.
            el.shadowRoot!.querySelector('payment-method-modal')!.dispatchEvent(
              new CustomEvent('method-collected', {
                detail: { token: intent.request.method.token, summary: intent.request.method.summary, save: false },
                bubbles: true,
                composed: true,
              }),
            );
            await el.updateComplete;
          }
          chosen = true;
          uiButton(el, 'Make Payment').click();
          break;
        }
        case 'unknown':
          if (world.nextChoice() === 'reload') world.page.ac.abort();
          else uiButton(el, 'Check payment status').click();
          break;
        case 'not-found': {
          const c = world.nextChoice();
          if (c === 'reload') world.page.ac.abort();
          else if (c === 'discard') {
            world.trace.push('discarded');
            refusals++;
            uiButton(el, 'Discard and start over').click();
          } else uiButton(el, 'Submit again').click();
          break;
        }
      }
      await el.updateComplete;
    }
    throw new Error(`no outcome after ${MAX_STEPS} steps`);
  } finally {
    el.remove();
  }
}

describe('exactly-once under faults', () => {
  beforeEach(() => clearPending(ACME));
  afterEach(() => clearPending(ACME));

  it('F01–F07 property: one cash receipt per intended payment, none lost, no duplicate charge (1,000 runs)', async function () {
    this.timeout(180_000);
    const stats = { runs: 0, paid: 0, failed: 0, gaveUp: 0, reloads: 0, faults: 0, refusals: 0, timeouts: 0 };
    await fc.assert(
      fc.asyncProperty(runArb, async ({ intents: specs, order, schedule, patience }) => {
        clearPending(ACME);
        const world = new World(schedule);
        const intents = buildIntents(world.store, specs, order);
        const results: Result[] = [];
        try {
          // One payment after the other, as one payer in one tab does.
          for (const intent of intents) results.push(await pay(world, intent, patience));
          check(world, intents, results);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          throw new Error(`${message}\ntrace:\n  ${world.trace.join('\n  ')}`, { cause: e });
        } finally {
          clearPending(ACME);
        }
        stats.runs++;
        stats.reloads += world.reloads;
        stats.faults += world.trace.filter((t) => /^(POST|GET)/.test(t) && !t.endsWith(': none')).length;
        stats.refusals += world.trace.filter((t) => t.startsWith('refused') || t === 'discarded').length;
        stats.timeouts += world.trace.filter((t) => t.endsWith(': timeout')).length;
        for (const r of results) {
          if (r.kind === 'paid') stats.paid++;
          else if (r.kind === 'failed') stats.failed++;
          else stats.gaveUp++;
        }
      }),
      { numRuns: 1000, includeErrorInReport: true },
    );
    expect(stats.runs).to.equal(1000);
    // The generator really exercised the faults.
    expect(stats.reloads).to.be.greaterThan(100);
    expect(stats.faults).to.be.greaterThan(1000);
    expect(stats.paid).to.be.greaterThan(500);
    expect(stats.failed).to.be.greaterThan(50);
    expect(stats.timeouts).to.be.greaterThan(50);
    expect(stats.refusals).to.be.greaterThan(50);
    expect(stats.gaveUp).to.be.greaterThan(0);
  });

  it('F01–F07 property through <pay-invoices>: the real element under the same faults (1,000 runs)', async function () {
    this.timeout(1_200_000);
    const stats = { paid: 0, failed: 0, gaveUp: 0, reloads: 0, steps: 0, refusals: 0 };
    await fc.assert(
      fc.asyncProperty(uiRunArb, async ({ intents: specs, order, schedule, patience }) => {
        clearPending(ACME);
        const world = new World(schedule, { clientTimeoutMs: 150, serverHoldMs: 600 });
        const intents = buildIntents(world.store, specs, order);
        const results: Result[] = [];
        try {
          for (const intent of intents) results.push(await payThroughUi(world, intent, patience));
          check(world, intents, results);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          throw new Error(`${message}\ntrace:\n  ${world.trace.join('\n  ')}`, { cause: e });
        } finally {
          clearPending(ACME);
        }
        stats.reloads += world.reloads;
        stats.steps += world.trace.filter((t) => t.startsWith('ui:')).length;
        stats.refusals += world.trace.filter((t) => t.startsWith('refused') || t === 'discarded').length;
        for (const r of results) stats[r.kind === 'paid' ? 'paid' : r.kind === 'failed' ? 'failed' : 'gaveUp']++;
      }),
      { numRuns: 1000, includeErrorInReport: true },
    );
    expect(stats.paid).to.be.greaterThan(400);
    expect(stats.failed).to.be.greaterThan(50);
    expect(stats.reloads).to.be.greaterThan(150);
  });
});
