/**
 * `RestBackend`: the `PayInvoicesBackend` over HTTP, speaking the REST contract in
 * `docs/rest-contract.md`.
 *
 * - Every response is parsed with the zod schemas of `core/schemas.ts`; anything else (bad JSON, an
 *   HTML page, a missing field, a wrong type) becomes a `MalformedResponseError`.
 * - Error statuses become typed errors (`errors.ts`). Messages are safe sentences: the server's
 *   `error.message` only when the body is a valid `ErrorBody`, never raw body text.
 * - GETs and `POST /payments` (made safe by its `Idempotency-Key`) are retried on network errors,
 *   timeouts, 429 and 5xx with exponential backoff and full jitter (or `Retry-After`). Other POSTs
 *   and DELETEs are sent once.
 * - A payment whose answer was lost is looked up by its key before giving up; if it cannot be
 *   recovered the error carries `outcomeUnknown: true` ("may still be processing").
 */
import type { ZodMiniType } from 'zod/mini';
import {
  Account,
  AccountList,
  AddPaymentMethodRequest,
  CreditList,
  ErrorBody,
  Invoice,
  InvoicePage,
  Payment,
  PaymentList,
  PaymentRequest,
  SavedPaymentMethod,
  SavedPaymentMethodList,
  Settings,
  Viewer,
} from '../core/schemas.js';
import type {
  Account as AccountT,
  AddPaymentMethodRequest as AddPaymentMethodRequestT,
  Credit as CreditT,
  Invoice as InvoiceT,
  InvoicePage as InvoicePageT,
  Payment as PaymentT,
  PaymentRequest as PaymentRequestT,
  SavedPaymentMethod as SavedPaymentMethodT,
  Settings as SettingsT,
  Viewer as ViewerT,
} from '../core/schemas.js';
import {
  BackendError,
  ConflictError,
  DeclinedError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from './errors.js';
import type { BackendErrorInit } from './errors.js';
import type { InvoiceQuery, PayInvoicesBackend } from './types.js';

export type HeadersOption = Record<string, string> | (() => Record<string, string>);

export interface RestBackendOptions {
  /** Where the contract's paths live: relative (`/api/v1`) or absolute (`https://…/v1`). */
  baseUrl: string;
  /** Extra headers (e.g. `Authorization`); a function is called before every attempt. */
  headers?: HeadersOption;
  /**
   * The payer's language, sent as `Accept-Language` so the server can write its error messages in
   * it (a function is called before every attempt). The elements set it to their `locale`.
   * Unset: the browser's own `Accept-Language`.
   */
  locale?: string | (() => string | undefined);
  /** The fetch to use (defaults to the global one). */
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 15 000. */
  timeoutMs?: number;
  /** Attempts of a retried request (GETs, `POST /payments`). Default 3. */
  maxAttempts?: number;
  /** First backoff step; doubles per attempt, full jitter. Default 300. */
  backoffBaseMs?: number;
  /** Upper bound of one backoff step. Default 5 000. */
  backoffMaxMs?: number;
  /** Upper bound of a `Retry-After` wait. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Waits between attempts (tests inject one that records the waits). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Default `'same-origin'`. */
  credentials?: RequestCredentials;
}

type Method = 'GET' | 'POST' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

interface Call<T> {
  method: Method;
  /** Already-encoded path, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  idempotencyKey?: string;
  /** Schema of a 2xx answer; absent when the body is ignored (204). */
  schema?: ZodMiniType<T>;
  /** Errors of a payment POST that may have had effects are marked `outcomeUnknown`. */
  payment?: boolean;
}

interface Raw {
  status: number;
  headers: Headers;
  text: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_BACKOFF_BASE_MS = 300;
const DEFAULT_BACKOFF_MAX_MS = 5_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;
const MAYBE_PROCESSING =
  'The payment may still be processing: check its status before paying again.';

/** Encodes one path segment; refuses ids that would change the path (empty, `.`, `..`). */
export function pathSegment(value: string, what = 'identifier'): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || value.length > 1000) {
    throw new ValidationError(`The ${what} is not valid.`, { field: what });
  }
  return encodeURIComponent(value);
}

/** Joins the base URL, an encoded path and a query string without doubling or losing slashes. */
export function joinUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const base = baseUrl.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  }
  const qs = params.toString();
  return `${base}${rel}${qs ? `?${qs}` : ''}`;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. Undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(signal: AbortSignal | undefined, outcomeUnknown = false): BackendError {
  return new BackendError(
    'aborted',
    outcomeUnknown ? `The request was cancelled. ${MAYBE_PROCESSING}` : 'The request was cancelled.',
    { cause: signal?.reason, outcomeUnknown },
  );
}

/** A copy of `e` marked as outcome-unknown, with a message that says the payment may be processing. */
function withOutcomeUnknown(e: BackendError): BackendError {
  if (e.outcomeUnknown) return e;
  const init: BackendErrorInit = {
    status: e.status,
    code: e.code,
    field: e.field,
    retryAfterMs: e.retryAfterMs,
    cause: e.cause,
    outcomeUnknown: true,
  };
  const message = `${e.message} ${MAYBE_PROCESSING}`;
  switch (e.kind) {
    case 'network': return new NetworkError(message, init);
    case 'timeout': return new TimeoutError(message, init);
    case 'unavailable': return new UnavailableError(message, init);
    case 'malformed_response': return new MalformedResponseError(message, init);
    case 'conflict': return new ConflictError(message, init);
    case 'validation': return new ValidationError(message, init);
    case 'not_found': return new NotFoundError(message, init);
    case 'declined': return new DeclinedError(message, init);
    case 'unauthorized':
    case 'forbidden': return new UnauthorizedError(message, init);
    default: return new BackendError(e.kind, message, init);
  }
}

function isRetryable(e: BackendError): boolean {
  return (
    e.kind === 'network' ||
    e.kind === 'timeout' ||
    e.kind === 'rate_limited' ||
    (e.kind === 'unavailable' && (e.status ?? 0) >= 500)
  );
}

/** True when the failed attempt may have reached the server and created something. */
function mayHaveHadEffect(e: BackendError): boolean {
  return (
    e.kind === 'network' ||
    e.kind === 'timeout' ||
    e.kind === 'malformed_response' ||
    (e.kind === 'unavailable' && (e.status ?? 0) >= 500) ||
    (e.kind === 'conflict' && e.code === 'idempotency_in_progress')
  );
}

/** Describes the first schema issue by path and kind, without echoing any received value. */
function describeIssue(issue: { code?: string; path: PropertyKey[]; expected?: unknown }): string {
  let path = '';
  for (const seg of issue.path) {
    if (typeof seg === 'number') path += `[${seg}]`;
    else path += path ? `.${String(seg)}` : String(seg);
  }
  if (path.length > 200) path = `${path.slice(0, 200)}…`;
  const where = path ? `the field "${path}"` : 'the answer';
  switch (issue.code) {
    case 'invalid_type':
      return typeof issue.expected === 'string' && /^[a-z]{1,20}$/.test(issue.expected)
        ? `${where} is missing or not of type ${issue.expected}`
        : `${where} is missing or of the wrong type`;
    case 'invalid_value': return `${where} has a value that is not allowed`;
    case 'invalid_format': return `${where} has the wrong format`;
    case 'too_big': return `${where} is too large or too long`;
    case 'too_small': return `${where} is too small or too short`;
    case 'invalid_union': return `${where} matches none of the allowed shapes`;
    case 'not_multiple_of': return `${where} is not a whole number`;
    default: return `${where} is not valid`;
  }
}

function statusSentence(status: number): string {
  switch (status) {
    case 400:
    case 422: return 'The request was not accepted. Check the entered values and try again.';
    case 401: return 'Your session has expired. Please sign in again.';
    case 402: return 'The payment was declined.';
    case 403: return 'You are not allowed to do this, or the feature has been switched off.';
    case 404: return 'The requested item was not found.';
    case 409: return 'The data changed in the meantime. Review it and try again.';
    case 429: return 'Too many requests. Please wait a moment and try again.';
    default:
      return status >= 500
        ? 'The payment service is unavailable right now. Please try again later.'
        : `The server answered with an unexpected status (${status}).`;
  }
}

export class RestBackend implements PayInvoicesBackend {
  readonly baseUrl: string;
  private readonly headersOption: HeadersOption | undefined;
  private readonly localeOption: RestBackendOptions['locale'];
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleepImpl: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly credentials: RequestCredentials;

  constructor(options: RestBackendOptions) {
    if (typeof options?.baseUrl !== 'string') throw new TypeError('RestBackend needs a baseUrl.');
    this.baseUrl = options.baseUrl;
    this.headersOption = options.headers;
    this.localeOption = options.locale;
    // Bound so that a global fetch is not called with a wrong `this`.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.maxAttempts = Math.max(1, Math.floor(positive(options.maxAttempts, DEFAULT_MAX_ATTEMPTS)));
    this.backoffBaseMs = nonNegative(options.backoffBaseMs, DEFAULT_BACKOFF_BASE_MS);
    this.backoffMaxMs = nonNegative(options.backoffMaxMs, DEFAULT_BACKOFF_MAX_MS);
    this.maxRetryAfterMs = nonNegative(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS);
    this.sleepImpl = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.credentials = options.credentials ?? 'same-origin';
  }

  // ---------------------------------------------------------------- the interface

  async getViewer(signal?: AbortSignal): Promise<ViewerT> {
    return this.get({ method: 'GET', path: '/viewer', schema: Viewer }, signal);
  }

  async getSettings(accountId: string | null, signal?: AbortSignal): Promise<SettingsT> {
    const query = accountId === null ? undefined : { account: accountId };
    if (accountId !== null) pathSegment(accountId, 'accountId');
    return this.get({ method: 'GET', path: '/settings', query, schema: Settings }, signal);
  }

  async searchAccounts(query: string, signal?: AbortSignal): Promise<AccountT[]> {
    const list = await this.get({ method: 'GET', path: '/accounts', query: { q: query }, schema: AccountList }, signal);
    return list.items;
  }

  async getAccount(accountId: string, signal?: AbortSignal): Promise<AccountT> {
    return this.get({ method: 'GET', path: `/accounts/${pathSegment(accountId, 'accountId')}`, schema: Account }, signal);
  }

  async listInvoices(accountId: string, query: InvoiceQuery, signal?: AbortSignal): Promise<InvoicePageT> {
    return this.get(
      {
        method: 'GET',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/invoices`,
        query: {
          status: query.status,
          q: query.search,
          sort: query.sort,
          order: query.order,
          offset: query.offset,
          limit: query.limit,
        },
        schema: InvoicePage,
      },
      signal,
    );
  }

  async getInvoice(accountId: string, invoiceId: string, signal?: AbortSignal): Promise<InvoiceT> {
    return this.get(
      {
        method: 'GET',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/invoices/${pathSegment(invoiceId, 'invoiceId')}`,
        schema: Invoice,
      },
      signal,
    );
  }

  async listCredits(accountId: string, signal?: AbortSignal): Promise<CreditT[]> {
    const list = await this.get(
      { method: 'GET', path: `/accounts/${pathSegment(accountId, 'accountId')}/credits`, schema: CreditList },
      signal,
    );
    return list.items;
  }

  async listPaymentMethods(accountId: string, signal?: AbortSignal): Promise<SavedPaymentMethodT[]> {
    const list = await this.get(
      {
        method: 'GET',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/payment-methods`,
        schema: SavedPaymentMethodList,
      },
      signal,
    );
    return list.items;
  }

  async addPaymentMethod(
    accountId: string,
    request: AddPaymentMethodRequestT,
    signal?: AbortSignal,
  ): Promise<SavedPaymentMethodT> {
    checkRequest(AddPaymentMethodRequest, request);
    return this.once(
      {
        method: 'POST',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/payment-methods`,
        body: request,
        schema: SavedPaymentMethod,
      },
      signal,
    );
  }

  async removePaymentMethod(accountId: string, paymentMethodId: string, signal?: AbortSignal): Promise<void> {
    await this.once(
      {
        method: 'DELETE',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/payment-methods/${pathSegment(paymentMethodId, 'paymentMethodId')}`,
      },
      signal,
    );
  }

  async setDefaultPaymentMethod(
    accountId: string,
    paymentMethodId: string,
    signal?: AbortSignal,
  ): Promise<SavedPaymentMethodT[]> {
    const list = await this.once(
      {
        method: 'POST',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/payment-methods/${pathSegment(paymentMethodId, 'paymentMethodId')}/default`,
        schema: SavedPaymentMethodList,
      },
      signal,
    );
    return list.items;
  }

  async verifyPaymentMethod(
    accountId: string,
    paymentMethodId: string,
    code: string,
    signal?: AbortSignal,
  ): Promise<SavedPaymentMethodT> {
    return this.once(
      {
        method: 'POST',
        path: `/accounts/${pathSegment(accountId, 'accountId')}/payment-methods/${pathSegment(paymentMethodId, 'paymentMethodId')}/verify`,
        body: { code },
        schema: SavedPaymentMethod,
      },
      signal,
    );
  }

  async createPayment(request: PaymentRequestT, idempotencyKey: string, signal?: AbortSignal): Promise<PaymentT> {
    checkIdempotencyKey(idempotencyKey);
    checkRequest(PaymentRequest, request);
    const call: Call<PaymentT> = {
      method: 'POST',
      path: '/payments',
      body: request,
      idempotencyKey,
      schema: Payment,
      payment: true,
    };
    let last: BackendError | undefined;
    let unknown = false;
    /** Set right after a look-up by key, which already waited. */
    let justLookedUp = false;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (last && !justLookedUp) await this.waitBeforeRetry(last, attempt - 1, signal, unknown);
      justLookedUp = false;
      try {
        return await this.attempt(call, signal);
      } catch (e) {
        if (!(e instanceof BackendError)) throw e;
        if (e.kind === 'aborted') throw abortedError(signal, unknown || e.outcomeUnknown);
        if (mayHaveHadEffect(e)) unknown = true;
        if (e.kind === 'conflict' && e.code === 'idempotency_in_progress') {
          // Another request with this key is being processed: wait, then look it up.
          await this.waitBeforeRetry(e, attempt, signal, true);
          const found = await this.lookUpQuietly(idempotencyKey, signal);
          if (found) return found;
          justLookedUp = true;
          last = e;
          continue;
        }
        // A 2xx that does not parse: the server did answer, retrying would not change that.
        if (e.kind === 'malformed_response') {
          last = e;
          break;
        }
        if (!isRetryable(e)) {
          if (!unknown) throw e;
          // An earlier attempt may have created the payment, and this refusal may even be caused
          // by it (409 "invoice changed" because our own payment is now pending): look it up first.
          let found: PaymentT | null;
          try {
            found = await this.findPaymentByKey(idempotencyKey, signal);
          } catch (lookupError) {
            if (lookupError instanceof BackendError && lookupError.kind === 'aborted') throw abortedError(signal, true);
            throw withOutcomeUnknown(e);
          }
          if (found) return found;
          throw e; // Nothing exists under this key: the refusal is definitive.
        }
        last = e;
      }
    }
    if (!last) throw new UnavailableError(statusSentence(500)); // unreachable: maxAttempts ≥ 1
    if (!unknown) throw last;
    // The answer was lost: recover the payment by its key before saying anything.
    const found = justLookedUp ? null : await this.lookUpQuietly(idempotencyKey, signal);
    if (found) return found;
    throw withOutcomeUnknown(last);
  }

  async getPayment(paymentId: string, signal?: AbortSignal): Promise<PaymentT> {
    return this.get({ method: 'GET', path: `/payments/${pathSegment(paymentId, 'paymentId')}`, schema: Payment }, signal);
  }

  async findPaymentByKey(idempotencyKey: string, signal?: AbortSignal): Promise<PaymentT | null> {
    checkIdempotencyKey(idempotencyKey);
    const list = await this.get(
      { method: 'GET', path: '/payments', query: { idempotency_key: idempotencyKey }, schema: PaymentList },
      signal,
    );
    return list.items.find((p) => p.idempotencyKey === idempotencyKey) ?? null;
  }

  async confirmPayment(paymentId: string, outcome: { actionCompleted: boolean }, signal?: AbortSignal): Promise<PaymentT> {
    return this.once(
      {
        method: 'POST',
        path: `/payments/${pathSegment(paymentId, 'paymentId')}/confirm`,
        body: { actionCompleted: outcome.actionCompleted === true },
        schema: Payment,
      },
      signal,
    );
  }

  async listPayments(accountId: string, signal?: AbortSignal): Promise<PaymentT[]> {
    const list = await this.get(
      { method: 'GET', path: `/accounts/${pathSegment(accountId, 'accountId')}/payments`, schema: PaymentList },
      signal,
    );
    return list.items;
  }

  // ---------------------------------------------------------------- machinery

  /** A retried request (GET). */
  private async get<T>(call: Call<T>, signal?: AbortSignal): Promise<T> {
    let last: BackendError | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (last) await this.waitBeforeRetry(last, attempt - 1, signal, false);
      try {
        return await this.attempt(call, signal);
      } catch (e) {
        if (!(e instanceof BackendError) || !isRetryable(e)) throw e;
        last = e;
      }
    }
    throw last ?? new UnavailableError(statusSentence(500));
  }

  /** A request sent exactly once (POSTs other than payments, DELETE). */
  private once<T>(call: Call<T>, signal?: AbortSignal): Promise<T> {
    return this.attempt(call, signal);
  }

  /** `findPaymentByKey` for recovery: null on anything but a caller abort. */
  private async lookUpQuietly(key: string, signal: AbortSignal | undefined): Promise<PaymentT | null> {
    try {
      return await this.findPaymentByKey(key, signal);
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'aborted') throw abortedError(signal, true);
      return null;
    }
  }

  /** Waits `Retry-After` (capped) when the server said so, else exponential backoff with full jitter. */
  private async waitBeforeRetry(
    e: BackendError,
    failedAttempt: number,
    signal: AbortSignal | undefined,
    outcomeUnknown: boolean,
  ): Promise<void> {
    const ms =
      e.retryAfterMs !== undefined
        ? Math.min(e.retryAfterMs, this.maxRetryAfterMs)
        : Math.floor(
            this.random() * Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.max(0, failedAttempt - 1)),
          );
    if (signal?.aborted) throw abortedError(signal, outcomeUnknown);
    try {
      await this.sleepImpl(ms, signal);
    } catch (err) {
      if (signal?.aborted) throw abortedError(signal, outcomeUnknown);
      throw err;
    }
    if (signal?.aborted) throw abortedError(signal, outcomeUnknown);
  }

  private buildHeaders(call: Call<unknown>): Headers {
    const extra = typeof this.headersOption === 'function' ? this.headersOption() : this.headersOption;
    const headers = new Headers(extra ?? {});
    headers.set('Accept', 'application/json');
    const locale = typeof this.localeOption === 'function' ? this.localeOption() : this.localeOption;
    if (locale && !headers.has('Accept-Language')) headers.set('Accept-Language', locale);
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    if (call.idempotencyKey !== undefined) headers.set('Idempotency-Key', call.idempotencyKey);
    return headers;
  }

  /** One attempt: send, read and interpret, all under the per-attempt timeout. */
  private async attempt<T>(call: Call<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) throw abortedError(signal);
    const raw = await this.send(call, signal);
    return this.interpret(call, raw);
  }

  private async send(call: Call<unknown>, signal: AbortSignal | undefined): Promise<Raw> {
    const url = joinUrl(this.baseUrl, call.path, call.query);
    const init: RequestInit = {
      method: call.method,
      headers: this.buildHeaders(call),
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      credentials: this.credentials,
    };
    const controller = new AbortController();
    let timedOut = false;
    let rejectAbort: (reason: unknown) => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      rejectAbort = reject;
    });
    aborted.catch(() => {});
    const timer = setTimeout(() => {
      timedOut = true;
      const reason = new DOMException('The request timed out.', 'TimeoutError');
      controller.abort(reason);
      rejectAbort(reason);
    }, this.timeoutMs);
    const onCallerAbort = () => {
      controller.abort(signal?.reason);
      rejectAbort(signal?.reason);
    };
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    const fail = (cause: unknown): BackendError => {
      if (signal?.aborted) return abortedError(signal, call.payment === true);
      const init: BackendErrorInit = { cause };
      if (timedOut) {
        return new TimeoutError(`The server did not answer within ${Math.round(this.timeoutMs / 100) / 10} seconds.`, init);
      }
      return new NetworkError('The server could not be reached. Check the connection and try again.', init);
    };

    try {
      let response: Response;
      try {
        const request = this.fetchImpl(url, { ...init, signal: controller.signal });
        request.catch(() => {});
        // Raced so that a fetch that ignores its signal still times out.
        response = await Promise.race([request, aborted]);
      } catch (cause) {
        throw fail(cause);
      }
      let text: string;
      try {
        const reading = response.text();
        reading.catch(() => {});
        text = await Promise.race([reading, aborted]);
      } catch (cause) {
        throw fail(cause);
      }
      return { status: response.status, headers: response.headers, text };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private interpret<T>(call: Call<T>, raw: Raw): T {
    if (raw.status >= 200 && raw.status < 300) {
      if (!call.schema) return undefined as T;
      const json = parseJsonBody(raw);
      const result = call.schema.safeParse(json);
      if (!result.success) {
        const first = result.error.issues[0];
        const detail = first ? `: ${describeIssue(first)}` : '';
        throw new MalformedResponseError(
          `The server's answer does not match the expected format${detail}.`,
          { status: raw.status },
        );
      }
      return result.data;
    }
    throw errorFor(raw);
  }
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function checkIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ValidationError('The idempotency key is not valid.', { field: 'idempotencyKey' });
  }
}

/** Refuses an outgoing body that breaks the contract before it is sent (nothing is charged). */
function checkRequest(schema: ZodMiniType, body: unknown): void {
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const field = first ? first.path.map(String).join('.') : undefined;
    throw new ValidationError(
      `The request is not valid${first ? `: ${describeIssue(first)}` : ''}.`,
      field ? { field } : {},
    );
  }
}

function parseJsonBody(raw: Raw): unknown {
  const contentType = raw.headers.get('content-type') ?? '';
  const trimmed = raw.text.trimStart();
  if (/text\/html|application\/xhtml/i.test(contentType) || trimmed.startsWith('<')) {
    throw new MalformedResponseError('The server answered with a web page instead of data.', { status: raw.status });
  }
  if (trimmed === '') {
    throw new MalformedResponseError('The server answered with an empty body instead of data.', { status: raw.status });
  }
  try {
    return JSON.parse(raw.text);
  } catch {
    throw new MalformedResponseError('The server answered with data that is not valid JSON.', { status: raw.status });
  }
}

/** The error body, when it is a valid `ErrorBody` (never anything raw). */
function errorBodyOf(raw: Raw): ErrorBody['error'] | undefined {
  const contentType = raw.headers.get('content-type') ?? '';
  if (/text\/html/i.test(contentType)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw.text);
  } catch {
    return undefined;
  }
  const result = ErrorBody.safeParse(json);
  if (!result.success) return undefined;
  const error = result.data.error;
  // A message is shown to users: it must be a plain sentence, not markup.
  return error.message.trim() === '' || /<[a-z!/]/i.test(error.message) ? { ...error, message: '' } : error;
}

function errorFor(raw: Raw): BackendError {
  const { status } = raw;
  const body = errorBodyOf(raw);
  const message = body?.message || statusSentence(status);
  const init: BackendErrorInit = {
    status,
    code: body?.code,
    field: body?.field,
    serverMessage: Boolean(body?.message),
    messageLanguage: raw.headers.get('content-language')?.split(',')[0]?.trim() || undefined,
  };
  if (status === 400 || status === 422) return new ValidationError(message, init);
  if (status === 401 || status === 403) return new UnauthorizedError(message, init);
  if (status === 402) return new DeclinedError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, init);
  if (status === 408) return new TimeoutError(message, init);
  if (status === 429) {
    return new BackendError('rate_limited', message, {
      ...init,
      retryAfterMs: parseRetryAfter(raw.headers.get('retry-after')),
    });
  }
  if (status >= 500) {
    return new UnavailableError(message, {
      ...init,
      retryAfterMs: parseRetryAfter(raw.headers.get('retry-after')),
    });
  }
  return new UnavailableError(message, init);
}
