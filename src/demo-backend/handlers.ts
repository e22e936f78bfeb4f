/**
 * msw request handlers serving the REST contract (docs/rest-contract.md) from a `DemoStore`, plus
 * demo-only endpoints under `${baseUrl}/demo/` for the ERP panel and tests.
 *
 * The viewer comes from the `X-Demo-Viewer` request header: `worker` (default) or `contact`
 * (`W-1` / `CT-1` work too); any other value is answered 401, which lets a demo show sign-in
 * handling.
 *
 * Demo endpoints:
 * - `GET  demo/erp/batches`              → `{items: DemoBatch[]}`
 * - `POST demo/erp/batches/:id/import`   → `DemoBatch`
 * - `POST demo/erp/batches/:id/post`     → `DemoBatch`
 * - `POST demo/erp/ach/settle`           body `{paymentId?}` → `{items: Payment[]}` (all processing ACH without id)
 * - `POST demo/clock/advance`            body `{days?}` → `{today, settled: Payment[]}`
 * - `POST demo/reset`                    → 204
 * - `PUT  demo/settings`                 body `{accountId?, ...partial Settings}` → `Settings`
 * - `DELETE demo/settings`               → 204 (drops every override)
 *
 * Fault injection: `opts.faults` (default `store.faults`) holds what the next `POST /payments` do:
 * - `drop-response`: the payment is recorded, then the response is a network error;
 * - `timeout`: the payment is recorded, the answer comes after `timeoutMs` (default 60 s);
 * - `5xx`: 503, nothing recorded;
 * - `409-in-progress`: the payment is recorded, the answer is 409 `idempotency_in_progress`;
 * - `429`: 429 with `Retry-After: 1`, nothing recorded.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { InvoiceQuery } from '../backend/types.js';
import type { Settings } from '../core/schemas.js';
import { DemoHttpError } from './errors.js';
import type { DemoFaults, DemoStore } from './store.js';

export interface DemoHandlerOptions {
  /** Default `/api/v1`. Relative paths are resolved against the page's origin. */
  baseUrl?: string;
  /** Added to every answer (ms). Default 0. */
  latencyMs?: number;
  /** Default `store.faults`. */
  faults?: DemoFaults;
  /** How long a `timeout` fault holds its answer (ms). Default 60 000. */
  timeoutMs?: number;
}

type Json = object;

function errorResponse(e: unknown): Response {
  if (e instanceof DemoHttpError) return HttpResponse.json(e.toBody(), { status: e.status });
  const message = e instanceof Error ? e.message : String(e);
  console.error('[demo-backend] internal error', e);
  return HttpResponse.json(
    { error: { code: 'internal_error', message: `The demo backend failed: ${message}` } },
    { status: 500 },
  );
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DemoHttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

function param(params: Record<string, string | readonly string[] | undefined>, name: string): string {
  const v = params[name];
  return Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new DemoHttpError(400, 'invalid_query', `${name} must be a whole number.`, name);
  return Number(raw);
}

function invoiceQuery(url: URL): InvoiceQuery {
  const q: InvoiceQuery = {};
  const status = url.searchParams.get('status');
  if (status) {
    if (status !== 'open' && status !== 'paid' && status !== 'all') {
      throw new DemoHttpError(400, 'invalid_query', 'status must be open, paid or all.', 'status');
    }
    q.status = status;
  }
  const search = url.searchParams.get('q');
  if (search) q.search = search;
  const sort = url.searchParams.get('sort');
  if (sort) {
    if (!['dueDate', 'number', 'balance', 'total', 'invoiceDate'].includes(sort)) {
      throw new DemoHttpError(400, 'invalid_query', 'Unknown sort key.', 'sort');
    }
    q.sort = sort as NonNullable<InvoiceQuery['sort']>;
  }
  const order = url.searchParams.get('order');
  if (order) {
    if (order !== 'asc' && order !== 'desc') throw new DemoHttpError(400, 'invalid_query', 'order must be asc or desc.', 'order');
    q.order = order;
  }
  const offset = intParam(url, 'offset');
  if (offset !== undefined) q.offset = offset;
  const limit = intParam(url, 'limit');
  if (limit !== undefined) q.limit = limit;
  return q;
}

/** The handlers for `store`. Pass them to `setupWorker(...)` or a Storybook story's `msw.handlers`. */
export function createHandlers(store: DemoStore, opts: DemoHandlerOptions = {}): HttpHandler[] {
  const base = (opts.baseUrl ?? '/api/v1').replace(/\/+$/, '');
  const latency = opts.latencyMs ?? 0;
  const faults = opts.faults ?? store.faults;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const inFlight = new Set<string>();

  type Ctx = { request: Request; params: Record<string, string | readonly string[] | undefined>; url: URL };
  const route =
    (fn: (ctx: Ctx) => Promise<Response | Json> | Response | Json, status = 200) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      try {
        if (latency > 0) await delay(latency);
        const out = await fn({ request, params, url: new URL(request.url) });
        return out instanceof Response ? out : HttpResponse.json(out, { status });
      } catch (e) {
        return errorResponse(e);
      }
    };
  const viewerOf = (request: Request) => store.getViewer(request.headers.get('X-Demo-Viewer')?.trim() || 'worker');
  const noContent = () => new HttpResponse(null, { status: 204 });
  const acct = `${base}/accounts/:accountId`;

  return [
    http.get(`${base}/viewer`, route(({ request }) => viewerOf(request))),

    http.get(
      `${base}/settings`,
      route(({ request, url }) => store.getSettings(url.searchParams.get('account') || null, viewerOf(request))),
    ),

    http.get(
      `${base}/accounts`,
      route(({ request, url }) => ({ items: store.searchAccounts(url.searchParams.get('q') ?? '', viewerOf(request)) })),
    ),

    http.get(acct, route(({ request, params }) => store.getAccount(param(params, 'accountId'), viewerOf(request)))),

    http.get(
      `${acct}/invoices`,
      route(({ request, params, url }) => {
        const viewer = viewerOf(request);
        return store.listInvoices(param(params, 'accountId'), invoiceQuery(url), viewer);
      }),
    ),

    http.get(
      `${acct}/invoices/:invoiceId`,
      route(({ request, params }) =>
        store.getInvoice(param(params, 'accountId'), param(params, 'invoiceId'), viewerOf(request)),
      ),
    ),

    http.get(
      `${acct}/credits`,
      route(({ request, params }) => ({ items: store.listCredits(param(params, 'accountId'), viewerOf(request)) })),
    ),

    http.get(
      `${acct}/payment-methods`,
      route(({ request, params }) => ({ items: store.listPaymentMethods(param(params, 'accountId'), viewerOf(request)) })),
    ),

    http.post(
      `${acct}/payment-methods`,
      route(async ({ request, params }) => {
        const viewer = viewerOf(request);
        return store.addPaymentMethod(param(params, 'accountId'), await readJson(request), viewer);
      }, 201),
    ),

    http.delete(
      `${acct}/payment-methods/:pmId`,
      route(({ request, params }) => {
        store.removePaymentMethod(param(params, 'accountId'), param(params, 'pmId'), viewerOf(request));
        return noContent();
      }),
    ),

    http.post(
      `${acct}/payment-methods/:pmId/default`,
      route(({ request, params }) => ({
        items: store.setDefaultPaymentMethod(param(params, 'accountId'), param(params, 'pmId'), viewerOf(request)),
      })),
    ),

    http.post(
      `${acct}/payment-methods/:pmId/verify`,
      route(async ({ request, params }) => {
        const viewer = viewerOf(request);
        const body = (await readJson(request)) as { code?: unknown };
        return store.verifyPaymentMethod(param(params, 'accountId'), param(params, 'pmId'), body?.code, viewer);
      }),
    ),

    http.get(
      `${acct}/payments`,
      route(({ request, params }) => ({ items: store.listPayments(param(params, 'accountId'), viewerOf(request)) })),
    ),

    http.post(
      `${base}/payments`,
      route(async ({ request }) => {
        const viewer = viewerOf(request);
        const key = request.headers.get('Idempotency-Key')?.trim() ?? '';
        if (!key) {
          throw new DemoHttpError(400, 'idempotency_key_required', 'An Idempotency-Key header is required.');
        }
        const body = await readJson(request);
        const fault = faults.next.shift();
        if (fault === '5xx') {
          return HttpResponse.json(
            { error: { code: 'unavailable', message: 'The payment service is temporarily unavailable.' } },
            { status: 503 },
          );
        }
        if (fault === '429') {
          return HttpResponse.json(
            { error: { code: 'rate_limited', message: 'Too many requests. Try again shortly.' } },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        if (inFlight.has(key)) {
          throw new DemoHttpError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is in progress.');
        }
        inFlight.add(key);
        try {
          if (latency > 0) await delay(latency); // a payment takes a little longer: lets concurrency show
          const seen = store.findByKey(key, viewer) !== null;
          const payment = store.createPayment(body, key, viewer);
          if (fault === 'drop-response') return HttpResponse.error();
          if (fault === '409-in-progress') {
            throw new DemoHttpError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is in progress.');
          }
          if (fault === 'timeout') await delay(timeoutMs);
          return HttpResponse.json(payment, { status: seen ? 200 : 201 });
        } finally {
          inFlight.delete(key);
        }
      }),
    ),

    http.get(
      `${base}/payments`,
      route(({ request, url }) => {
        const viewer = viewerOf(request);
        const key = url.searchParams.get('idempotency_key') ?? '';
        if (!key) throw new DemoHttpError(400, 'invalid_query', 'idempotency_key is required.', 'idempotency_key');
        const p = store.findByKey(key, viewer);
        return { items: p ? [p] : [] };
      }),
    ),

    http.get(
      `${base}/payments/:paymentId`,
      route(({ request, params }) => store.getPayment(param(params, 'paymentId'), viewerOf(request))),
    ),

    http.post(
      `${base}/payments/:paymentId/confirm`,
      route(async ({ request, params }) => {
        const viewer = viewerOf(request);
        return store.confirmPayment(param(params, 'paymentId'), await readJson(request), viewer);
      }),
    ),

    // --- demo-only -------------------------------------------------------------------------
    http.get(`${base}/demo/erp/batches`, route(() => ({ items: store.listBatches() }))),

    http.post(
      `${base}/demo/erp/batches/:batchId/import`,
      route(({ params }) => store.importBatch(param(params, 'batchId'))),
    ),

    http.post(
      `${base}/demo/erp/batches/:batchId/post`,
      route(({ params }) => store.postBatch(param(params, 'batchId'))),
    ),

    http.post(
      `${base}/demo/erp/ach/settle`,
      route(async ({ request }) => {
        const body = (await readJson(request)) as { paymentId?: unknown };
        const id = typeof body?.paymentId === 'string' && body.paymentId ? body.paymentId : undefined;
        return { items: store.settleAch(id) };
      }),
    ),

    http.post(
      `${base}/demo/clock/advance`,
      route(async ({ request }) => {
        const body = (await readJson(request)) as { days?: unknown };
        const days = body?.days === undefined ? 1 : Number(body.days);
        const settled = store.advanceClock(days);
        return { today: store.today(), settled };
      }),
    ),

    http.post(
      `${base}/demo/reset`,
      route(() => {
        store.reset();
        return noContent();
      }),
    ),

    http.put(
      `${base}/demo/settings`,
      route(async ({ request }) => {
        const body = await readJson(request);
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
          throw new DemoHttpError(422, 'invalid_request', 'Send an object of settings.');
        }
        const { accountId, ...partial } = body as { accountId?: unknown } & Partial<Settings>;
        if (accountId !== undefined && accountId !== null && typeof accountId !== 'string') {
          throw new DemoHttpError(422, 'invalid_request', 'accountId must be a string.', 'accountId');
        }
        return store.setSettings(typeof accountId === 'string' ? accountId : null, partial);
      }),
    ),

    http.delete(
      `${base}/demo/settings`,
      route(() => {
        store.clearSettings();
        return noContent();
      }),
    ),
  ];
}
