import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse, delay } from 'msw';
import { RestBackend, joinUrl, parseRetryAfter } from '../../src/backend/rest-backend.js';
import type { RestBackendOptions } from '../../src/backend/rest-backend.js';
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
} from '../../src/backend/errors.js';
import type { Payment } from '../../src/core/schemas.js';
import {
  KEY,
  MARKER,
  account,
  bank,
  card,
  credit,
  errorBody,
  invoice,
  json,
  payment,
  paymentRequest,
  recordingSleep,
  scriptedFetch,
  settings,
  viewer,
} from './fixtures.js';

const API = '/api/v1';
const worker = setupWorker();

/** A backend on the msw worker with instant, recorded waits. */
function mswBackend(options: Partial<RestBackendOptions> = {}) {
  const sleep = recordingSleep();
  const backend = new RestBackend({ baseUrl: API, sleep, random: () => 0.5, timeoutMs: 2000, ...options });
  return { backend, sleep };
}

/** A backend on a scripted fetch with instant, recorded waits. */
function fakeBackend(fetch: typeof globalThis.fetch, options: Partial<RestBackendOptions> = {}) {
  const sleep = recordingSleep();
  const backend = new RestBackend({ baseUrl: API, fetch, sleep, random: () => 0.5, timeoutMs: 2000, ...options });
  return { backend, sleep };
}

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(BackendError);
    return e as BackendError;
  }
  throw new Error('expected the promise to reject');
}

describe('RestBackend', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'error' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('URLs, headers and options', () => {
    it('joins a relative base with a trailing slash and encodes path segments', async () => {
      const fetch = scriptedFetch(json(invoice('INV#2')));
      const { backend } = fakeBackend(fetch, { baseUrl: '/api/v1/' });
      await backend.getInvoice('A 1/x', 'INV#2');
      expect(fetch.calls[0]?.url).to.equal('/api/v1/accounts/A%201%2Fx/invoices/INV%232');
    });

    it('joins an absolute base and sends every invoice query parameter, encoded', async () => {
      const fetch = scriptedFetch(json({ items: [], total: 0, offset: 40, limit: 20 }));
      const { backend } = fakeBackend(fetch, { baseUrl: 'https://portal.example.com/api/pay-invoices/v1' });
      await backend.listInvoices('A1', {
        status: 'open', search: 'PO 7&8', sort: 'dueDate', order: 'desc', offset: 40, limit: 20,
      });
      const url = new URL(fetch.calls[0]?.url ?? '');
      expect(url.origin + url.pathname).to.equal('https://portal.example.com/api/pay-invoices/v1/accounts/A1/invoices');
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        status: 'open', q: 'PO 7&8', sort: 'dueDate', order: 'desc', offset: '40', limit: '20',
      });
      expect(fetch.calls[0]?.url).to.include('q=PO+7%268');
    });

    it('leaves out query parameters that are not set', async () => {
      expect(joinUrl('/api/', '/accounts/A1/invoices', { status: undefined, q: '', offset: 0 }))
        .to.equal('/api/accounts/A1/invoices?offset=0');
      expect(joinUrl('', '/viewer')).to.equal('/viewer');
    });

    it('refuses ids that would change the path, without sending anything', async () => {
      const fetch = scriptedFetch(json(account));
      const { backend } = fakeBackend(fetch);
      for (const id of ['', '.', '..']) {
        const e = await rejection(backend.getAccount(id));
        expect(e).to.be.instanceOf(ValidationError);
      }
      expect(fetch.calls).to.have.length(0);
    });

    it('sends Accept, Content-Type, the host headers (re-read per attempt) and credentials', async () => {
      const fetch = scriptedFetch(errorBody(503, 'down', 'Down'), json(payment(KEY), 201));
      let token = 0;
      const { backend } = fakeBackend(fetch, {
        headers: () => ({ Authorization: `Bearer t${++token}`, 'X-Portal': 'acme' }),
      });
      await backend.createPayment(paymentRequest, KEY);
      expect(fetch.calls).to.have.length(2);
      const [first, second] = fetch.calls;
      expect(first?.headers.get('Accept')).to.equal('application/json');
      expect(first?.headers.get('Content-Type')).to.equal('application/json');
      expect(first?.headers.get('X-Portal')).to.equal('acme');
      expect(first?.headers.get('Authorization')).to.equal('Bearer t1');
      expect(second?.headers.get('Authorization')).to.equal('Bearer t2');
      expect(first?.credentials).to.equal('same-origin');
      expect(JSON.parse(first?.body ?? '')).to.deep.equal(paymentRequest);

      const include = scriptedFetch(json(viewer));
      await fakeBackend(include, { credentials: 'include', headers: { Authorization: 'Bearer x' } }).backend.getViewer();
      expect(include.calls[0]?.credentials).to.equal('include');
      expect(include.calls[0]?.headers.get('Authorization')).to.equal('Bearer x');
      expect(include.calls[0]?.headers.has('Content-Type')).to.equal(false);
    });

    it('sends the payer\'s language as Accept-Language (re-read per attempt); a host header wins; unset sends none', async () => {
      let lang = 'es-MX';
      const fetch = scriptedFetch(errorBody(503, 'down', 'Down'), json(viewer));
      await fakeBackend(fetch, { locale: () => lang, headers: () => ({}) }).backend.getViewer().then(() => undefined);
      expect(fetch.calls.map((c) => c.headers.get('Accept-Language'))).to.deep.equal(['es-MX', 'es-MX']);
      lang = 'fr';
      const again = scriptedFetch(json(viewer));
      const { backend } = fakeBackend(again, { locale: () => lang });
      await backend.getViewer();
      expect(again.calls[0]?.headers.get('Accept-Language')).to.equal('fr');
      const host = scriptedFetch(json(viewer));
      await fakeBackend(host, { locale: 'fr', headers: { 'Accept-Language': 'de' } }).backend.getViewer();
      expect(host.calls[0]?.headers.get('Accept-Language')).to.equal('de');
      const none = scriptedFetch(json(viewer));
      await fakeBackend(none).backend.getViewer();
      expect(none.calls[0]?.headers.has('Accept-Language')).to.equal(false);
    });

    it('parses Retry-After as seconds or as an HTTP date', () => {
      const now = Date.parse('2024-03-01T10:00:00Z');
      expect(parseRetryAfter('7', now)).to.equal(7000);
      expect(parseRetryAfter('Fri, 01 Mar 2024 10:00:05 GMT', now)).to.equal(5000);
      expect(parseRetryAfter('Fri, 01 Mar 2024 09:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });
  });

  describe('happy paths over HTTP (msw)', () => {
    it('getViewer', async () => {
      worker.use(http.get(`${API}/viewer`, () => HttpResponse.json(viewer)));
      expect(await mswBackend().backend.getViewer()).to.deep.equal(viewer);
    });

    it('getSettings with and without an account', async () => {
      const seen: (string | null)[] = [];
      worker.use(
        http.get(`${API}/settings`, ({ request }) => {
          seen.push(new URL(request.url).searchParams.get('account'));
          return HttpResponse.json(settings);
        }),
      );
      const { backend } = mswBackend();
      expect(await backend.getSettings('A 1')).to.deep.equal(settings);
      expect(await backend.getSettings(null)).to.deep.equal(settings);
      expect(seen).to.deep.equal(['A 1', null]);
    });

    it('searchAccounts returns the items', async () => {
      worker.use(
        http.get(`${API}/accounts`, ({ request }) => {
          expect(new URL(request.url).searchParams.get('q')).to.equal('acme');
          return HttpResponse.json({ items: [account] });
        }),
      );
      expect(await mswBackend().backend.searchAccounts('acme')).to.deep.equal([account]);
    });

    it('getAccount', async () => {
      worker.use(http.get(`${API}/accounts/:id`, ({ params }) => HttpResponse.json({ ...account, id: String(params.id) })));
      expect(await mswBackend().backend.getAccount('A1')).to.deep.equal(account);
    });

    it('listInvoices sends the query and returns the page', async () => {
      let query: Record<string, string> = {};
      const page = { items: [invoice('I1'), invoice('I2', { pending: 100 })], total: 2, offset: 0, limit: 50 };
      worker.use(
        http.get(`${API}/accounts/A1/invoices`, ({ request }) => {
          query = Object.fromEntries(new URL(request.url).searchParams);
          return HttpResponse.json(page);
        }),
      );
      const result = await mswBackend().backend.listInvoices('A1', { status: 'open', sort: 'number', order: 'asc', offset: 0, limit: 50 });
      expect(result).to.deep.equal(page);
      expect(query).to.deep.equal({ status: 'open', sort: 'number', order: 'asc', offset: '0', limit: '50' });
    });

    it('getInvoice with lines', async () => {
      const inv = invoice('I1', { lines: [{ description: 'Widget', quantity: 2, unitPrice: 500, amount: 1000 }] });
      worker.use(http.get(`${API}/accounts/A1/invoices/I1`, () => HttpResponse.json(inv)));
      expect(await mswBackend().backend.getInvoice('A1', 'I1')).to.deep.equal(inv);
    });

    it('listCredits and listPaymentMethods return the items', async () => {
      worker.use(
        http.get(`${API}/accounts/A1/credits`, () => HttpResponse.json({ items: [credit] })),
        http.get(`${API}/accounts/A1/payment-methods`, () => HttpResponse.json({ items: [card, bank] })),
      );
      const { backend } = mswBackend();
      expect(await backend.listCredits('A1')).to.deep.equal([credit]);
      expect(await backend.listPaymentMethods('A1')).to.deep.equal([card, bank]);
    });

    it('addPaymentMethod posts the token and summary, answers 201', async () => {
      let body: unknown;
      worker.use(
        http.post(`${API}/accounts/A1/payment-methods`, async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(card, { status: 201 });
        }),
      );
      const request = { token: 'tok_visa', summary: card.summary, makeDefault: true };
      expect(await mswBackend().backend.addPaymentMethod('A1', request)).to.deep.equal(card);
      expect(body).to.deep.equal(request);
    });

    it('removePaymentMethod accepts 204', async () => {
      let method = '';
      worker.use(
        http.delete(`${API}/accounts/A1/payment-methods/pm_1`, ({ request }) => {
          method = request.method;
          return new HttpResponse(null, { status: 204 });
        }),
      );
      expect(await mswBackend().backend.removePaymentMethod('A1', 'pm_1')).to.equal(undefined);
      expect(method).to.equal('DELETE');
    });

    it('setDefaultPaymentMethod returns the new list; verifyPaymentMethod sends the code', async () => {
      let code: unknown;
      worker.use(
        http.post(`${API}/accounts/A1/payment-methods/pm_2/default`, () =>
          HttpResponse.json({ items: [{ ...card, isDefault: false }, { ...bank, isDefault: true }] })),
        http.post(`${API}/accounts/A1/payment-methods/pm_2/verify`, async ({ request }) => {
          code = await request.json();
          return HttpResponse.json({ ...bank, verification: 'verified' });
        }),
      );
      const { backend } = mswBackend();
      const list = await backend.setDefaultPaymentMethod('A1', 'pm_2');
      expect(list.map((m) => m.isDefault)).to.deep.equal([false, true]);
      const verified = await backend.verifyPaymentMethod('A1', 'pm_2', 'SM11AA');
      expect(verified.verification).to.equal('verified');
      expect(code).to.deep.equal({ code: 'SM11AA' });
    });

    it('createPayment sends the Idempotency-Key and returns the 201 payment', async () => {
      let key: string | null = null;
      let body: unknown;
      worker.use(
        http.post(`${API}/payments`, async ({ request }) => {
          key = request.headers.get('Idempotency-Key');
          body = await request.json();
          return HttpResponse.json(payment(KEY), { status: 201 });
        }),
      );
      expect(await mswBackend().backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(key).to.equal(KEY);
      expect(body).to.deep.equal(paymentRequest);
    });

    it('createPayment refuses a request that breaks the contract without sending it', async () => {
      const fetch = scriptedFetch(json(payment(KEY), 201));
      const { backend } = fakeBackend(fetch);
      const e = await rejection(backend.createPayment({ ...paymentRequest, allocations: [] }, KEY));
      expect(e).to.be.instanceOf(ValidationError);
      expect(e.field).to.equal('allocations');
      const e2 = await rejection(backend.createPayment(paymentRequest, ''));
      expect(e2).to.be.instanceOf(ValidationError);
      expect(fetch.calls).to.have.length(0);
    });

    it('getPayment, confirmPayment and listPayments', async () => {
      let confirmBody: unknown;
      worker.use(
        http.get(`${API}/payments/pay_1`, () => HttpResponse.json(payment(KEY))),
        http.post(`${API}/payments/pay_1/confirm`, async ({ request }) => {
          confirmBody = await request.json();
          return HttpResponse.json(payment(KEY, { status: 'succeeded' }));
        }),
        http.get(`${API}/accounts/A1/payments`, () => HttpResponse.json({ items: [payment(KEY), payment('k2', { id: 'pay_0' })] })),
      );
      const { backend } = mswBackend();
      expect((await backend.getPayment('pay_1')).id).to.equal('pay_1');
      expect((await backend.confirmPayment('pay_1', { actionCompleted: true })).status).to.equal('succeeded');
      expect(confirmBody).to.deep.equal({ actionCompleted: true });
      expect((await backend.listPayments('A1')).map((p) => p.id)).to.deep.equal(['pay_1', 'pay_0']);
    });

    it('findPaymentByKey returns the payment, or null on empty items', async () => {
      const store = new Map<string, Payment>([[KEY, payment(KEY)]]);
      worker.use(
        http.get(`${API}/payments`, ({ request }) => {
          const key = new URL(request.url).searchParams.get('idempotency_key') ?? '';
          const found = store.get(key);
          return HttpResponse.json({ items: found ? [found] : [] });
        }),
      );
      const { backend } = mswBackend();
      expect(await backend.findPaymentByKey(KEY)).to.deep.equal(payment(KEY));
      expect(await backend.findPaymentByKey('other-key')).to.equal(null);
    });
  });

  describe('F27 bad data from the backend', () => {
    it('F27 malformed JSON becomes MalformedResponseError without the raw body', async () => {
      worker.use(http.get(`${API}/viewer`, () => new HttpResponse(`{"kind": "worker", ${MARKER}`, { headers: { 'Content-Type': 'application/json' } })));
      const e = await rejection(mswBackend().backend.getViewer());
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.kind).to.equal('malformed_response');
      expect(e.message).to.match(/not valid JSON/);
      expect(e.message).not.to.include(MARKER);
    });

    it('F27 an HTML page with 200 becomes MalformedResponseError, not retried', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/settings`, () => {
        calls++;
        return HttpResponse.html(`<!doctype html><title>Login</title><p>${MARKER}</p>`);
      }));
      const e = await rejection(mswBackend().backend.getSettings('A1'));
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.message).to.match(/web page/);
      expect(e.message).not.to.include(MARKER);
      expect(calls).to.equal(1);
    });

    it('F27 an HTML body labelled as JSON is still recognised', async () => {
      const fetch = scriptedFetch(new Response(`  <html>${MARKER}</html>`, { headers: { 'Content-Type': 'application/json' } }));
      const e = await rejection(fakeBackend(fetch).backend.getViewer());
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.message).not.to.include(MARKER);
    });

    it('F27 an HTML error page with 500 becomes UnavailableError with a generic message', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/accounts/A1/credits`, () => {
        calls++;
        return HttpResponse.html(`<html><body>Internal error ${MARKER}</body></html>`, { status: 500 });
      }));
      const { backend, sleep } = mswBackend();
      const e = await rejection(backend.listCredits('A1'));
      expect(e).to.be.instanceOf(UnavailableError);
      expect(e.status).to.equal(500);
      expect(e.message).to.match(/unavailable/i);
      expect(e.message).not.to.include(MARKER);
      expect(calls).to.equal(3);
      expect(sleep.waits).to.have.length(2);
    });

    it('F27 a missing field names the field path', async () => {
      const { total: _total, ...withoutTotal } = invoice('I2');
      worker.use(http.get(`${API}/accounts/A1/invoices`, () =>
        HttpResponse.json({ items: [invoice('I1'), withoutTotal], total: 2, offset: 0, limit: 50 })));
      const e = await rejection(mswBackend().backend.listInvoices('A1', {}));
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.message).to.include('items[1].total');
      expect(e.message).to.match(/missing/);
    });

    it('F27 a wrong type names the field path and never echoes the value', async () => {
      worker.use(http.get(`${API}/accounts/A1`, () => HttpResponse.json({ ...account, name: 42, number: 7 })));
      const e = await rejection(mswBackend().backend.getAccount('A1'));
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.message).to.match(/"(number|name)"/);
      expect(e.message).not.to.include('42');

      worker.use(http.get(`${API}/payments/pay_1`, () => HttpResponse.json({ ...payment(KEY), status: MARKER })));
      const e2 = await rejection(mswBackend().backend.getPayment('pay_1'));
      expect(e2).to.be.instanceOf(MalformedResponseError);
      expect(e2.message).to.include('"status"');
      expect(e2.message).not.to.include(MARKER);
    });

    it('F27 money that is not an integer of minor units is refused', async () => {
      worker.use(http.get(`${API}/accounts/A1/invoices/I1`, () => HttpResponse.json(invoice('I1', { balance: 123.45 }))));
      const e = await rejection(mswBackend().backend.getInvoice('A1', 'I1'));
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.message).to.include('"balance"');
    });

    it('F27 an empty 200 body is malformed', async () => {
      const fetch = scriptedFetch(new Response('', { status: 200 }));
      const e = await rejection(fakeBackend(fetch).backend.getViewer());
      expect(e).to.be.instanceOf(MalformedResponseError);
    });

    it('F27 an error body that is not an ErrorBody gives a generic sentence, never its text', async () => {
      worker.use(http.post(`${API}/accounts/A1/payment-methods/pm_1/default`, () =>
        HttpResponse.json({ message: MARKER, detail: MARKER }, { status: 422 })));
      const e = await rejection(mswBackend().backend.setDefaultPaymentMethod('A1', 'pm_1'));
      expect(e).to.be.instanceOf(ValidationError);
      expect(e.message).not.to.include(MARKER);
      expect(e.message).to.match(/not accepted/);
      expect(e.code).to.equal(undefined);

      worker.use(http.post(`${API}/accounts/A1/payment-methods/pm_1/default`, () =>
        new HttpResponse(`Bad Gateway ${MARKER}`, { status: 404, headers: { 'Content-Type': 'text/plain' } })));
      const e2 = await rejection(mswBackend().backend.setDefaultPaymentMethod('A1', 'pm_1'));
      expect(e2).to.be.instanceOf(NotFoundError);
      expect(e2.message).not.to.include(MARKER);
    });

    it('F27 an ErrorBody message that carries markup is replaced by the generic sentence', async () => {
      const fetch = scriptedFetch(errorBody(422, 'bad', `<img src=x onerror=alert(1)>${MARKER}`, 'memo'));
      const e = await rejection(fakeBackend(fetch).backend.verifyPaymentMethod('A1', 'pm_2', 'SM11AA'));
      expect(e).to.be.instanceOf(ValidationError);
      expect(e.field).to.equal('memo');
      expect(e.message).not.to.include(MARKER);
      expect(e.message).not.to.include('<');
    });

    it('F27 a payment answer that fails the schema is looked up by key, else reported as may be processing', async () => {
      let posts = 0;
      let lookups = 0;
      worker.use(
        http.post(`${API}/payments`, () => {
          posts++;
          return HttpResponse.json({ id: 'pay_1', note: MARKER }, { status: 201 });
        }),
        http.get(`${API}/payments`, () => {
          lookups++;
          return HttpResponse.json({ items: [payment(KEY)] });
        }),
      );
      expect(await mswBackend().backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(posts).to.equal(1);
      expect(lookups).to.equal(1);

      worker.use(http.get(`${API}/payments`, () => HttpResponse.json({ items: [] })));
      const e = await rejection(mswBackend().backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(MalformedResponseError);
      expect(e.outcomeUnknown).to.equal(true);
      expect(e.message).to.match(/may still be processing/);
      expect(e.message).not.to.include(MARKER);
    });
  });

  describe('status mapping', () => {
    it('400 and 422 become ValidationError with the field, code and the body message', async () => {
      worker.use(http.post(`${API}/accounts/A1/payment-methods/pm_2/verify`, () =>
        HttpResponse.json({ error: { code: 'wrong_code', message: 'That code does not match.', field: 'code' } }, { status: 422 })));
      const e = await rejection(mswBackend().backend.verifyPaymentMethod('A1', 'pm_2', 'XX00'));
      expect(e).to.be.instanceOf(ValidationError);
      expect(e.kind).to.equal('validation');
      expect(e.status).to.equal(422);
      expect(e.field).to.equal('code');
      expect(e.code).to.equal('wrong_code');
      expect(e.message).to.equal('That code does not match.');

      const fetch = scriptedFetch(errorBody(400, 'bad_request', 'Memo too long.', 'memo'));
      const e2 = await rejection(fakeBackend(fetch).backend.createPayment(paymentRequest, KEY));
      expect(e2).to.be.instanceOf(ValidationError);
      expect(e2.field).to.equal('memo');
      expect(e2.outcomeUnknown).to.equal(false);
      expect(fetch.calls).to.have.length(1);
    });

    it('marks whether the message is the server\'s own sentence or the client\'s English fallback', async () => {
      const said = scriptedFetch(errorBody(409, 'invoice_changed', 'La factura cambió.'));
      const fromServer = await rejection(fakeBackend(said).backend.getViewer());
      expect([fromServer.kind, fromServer.message, fromServer.serverMessage]).to.deep.equal(['conflict', 'La factura cambió.', true]);
      expect(fromServer.messageLanguage, 'no Content-Language').to.equal(undefined);
      const labelled = scriptedFetch(
        new Response(JSON.stringify({ error: { code: 'invoice_changed', message: 'La factura cambió.' } }), {
          status: 409,
          headers: { 'Content-Type': 'application/json', 'Content-Language': 'es-MX' },
        }),
      );
      expect((await rejection(fakeBackend(labelled).backend.getViewer())).messageLanguage).to.equal('es-MX');
      const silent = scriptedFetch(new Response('', { status: 409 }));
      const fallback = await rejection(fakeBackend(silent).backend.getViewer());
      expect(fallback.kind).to.equal('conflict');
      expect(fallback.serverMessage).to.equal(false);
      expect(fallback.message).to.match(/changed/);
    });

    it('F08 401 becomes UnauthorizedError and 403 the forbidden kind, not retried', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/viewer`, () => {
        calls++;
        return HttpResponse.json({ error: { code: 'session_expired', message: 'Please sign in again.' } }, { status: 401 });
      }));
      const e = await rejection(mswBackend().backend.getViewer());
      expect(e).to.be.instanceOf(UnauthorizedError);
      expect(e.kind).to.equal('unauthorized');
      expect(e.status).to.equal(401);
      expect(e.code).to.equal('session_expired');
      expect(calls).to.equal(1);

      worker.use(http.post(`${API}/payments`, () =>
        HttpResponse.json({ error: { code: 'online_payments_disabled', message: 'Online payments are switched off.' } }, { status: 403 })));
      const e2 = await rejection(mswBackend().backend.createPayment(paymentRequest, KEY));
      expect(e2).to.be.instanceOf(UnauthorizedError);
      expect(e2.kind).to.equal('forbidden');
      expect(e2.status).to.equal(403);
      expect(e2.outcomeUnknown).to.equal(false);
      expect(e2.message).to.equal('Online payments are switched off.');
    });

    it('402 becomes DeclinedError with the decline code, definitive', async () => {
      const fetch = scriptedFetch(errorBody(402, 'insufficient_funds', 'Your card has insufficient funds.'));
      const e = await rejection(fakeBackend(fetch).backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(DeclinedError);
      expect(e.code).to.equal('insufficient_funds');
      expect(e.outcomeUnknown).to.equal(false);
      expect(fetch.calls).to.have.length(1);
    });

    it('404 becomes NotFoundError, not retried', async () => {
      const fetch = scriptedFetch(errorBody(404, 'not_found', 'No such payment.'));
      const e = await rejection(fakeBackend(fetch).backend.getPayment('pay_x'));
      expect(e).to.be.instanceOf(NotFoundError);
      expect(e.status).to.equal(404);
      expect(fetch.calls).to.have.length(1);
    });

    it('F07 409 surfaces as ConflictError with code invoice_changed, sent once, nothing unknown', async () => {
      let posts = 0;
      worker.use(http.post(`${API}/payments`, () => {
        posts++;
        return HttpResponse.json({ error: { code: 'invoice_changed', message: 'Invoice INV-I1 was paid meanwhile.' } }, { status: 409 });
      }));
      const { backend, sleep } = mswBackend();
      const e = await rejection(backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(ConflictError);
      expect(e.kind).to.equal('conflict');
      expect(e.code).to.equal('invoice_changed');
      expect(e.outcomeUnknown).to.equal(false);
      expect(posts).to.equal(1);
      expect(sleep.waits).to.deep.equal([]);
    });

    it('429 exhausted becomes rate_limited with retryAfterMs', async () => {
      const fetch = scriptedFetch(errorBody(429, 'rate_limited', 'Slow down.', undefined, { 'Retry-After': '2' }));
      const { backend, sleep } = fakeBackend(fetch);
      const e = await rejection(backend.listPaymentMethods('A1'));
      expect(e.kind).to.equal('rate_limited');
      expect(e.status).to.equal(429);
      expect(e.retryAfterMs).to.equal(2000);
      expect(fetch.calls).to.have.length(3);
      expect(sleep.waits).to.deep.equal([2000, 2000]);
    });
  });

  describe('retries and timeouts', () => {
    it('retries a GET after 5xx with exponential backoff and full jitter, then succeeds', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/accounts/A1/payment-methods`, () => {
        calls++;
        return calls < 3
          ? HttpResponse.json({ error: { code: 'unavailable', message: 'Try later.' } }, { status: 503 })
          : HttpResponse.json({ items: [card] });
      }));
      const { backend, sleep } = mswBackend({ backoffBaseMs: 300, random: () => 0.999 });
      expect(await backend.listPaymentMethods('A1')).to.deep.equal([card]);
      expect(calls).to.equal(3);
      // Full jitter: random × base × 2^(n−1).
      expect(sleep.waits).to.deep.equal([299, 599]);
    });

    it('jitter spreads waits between 0 and the step', async () => {
      const fetch = scriptedFetch('drop', 'drop', json(viewer));
      const { backend, sleep } = fakeBackend(fetch, { random: () => 0 });
      await backend.getViewer();
      expect(sleep.waits).to.deep.equal([0, 0]);
    });

    it('gives up after maxAttempts with UnavailableError', async () => {
      const fetch = scriptedFetch(errorBody(502, 'bad_gateway', 'Bad gateway.'));
      const { backend } = fakeBackend(fetch, { maxAttempts: 4 });
      const e = await rejection(backend.getSettings(null));
      expect(e).to.be.instanceOf(UnavailableError);
      expect(e.status).to.equal(502);
      expect(fetch.calls).to.have.length(4);
    });

    it('retries a GET after a network error', async () => {
      worker.use(
        http.get(`${API}/viewer`, () => HttpResponse.error(), { once: true }),
        http.get(`${API}/viewer`, () => HttpResponse.json(viewer)),
      );
      const { backend, sleep } = mswBackend();
      expect(await backend.getViewer()).to.deep.equal(viewer);
      expect(sleep.waits).to.have.length(1);
    });

    it('a GET network error on every attempt becomes NetworkError', async () => {
      const fetch = scriptedFetch('drop');
      const e = await rejection(fakeBackend(fetch).backend.listCredits('A1'));
      expect(e).to.be.instanceOf(NetworkError);
      expect(e.kind).to.equal('network');
      expect(fetch.calls).to.have.length(3);
    });

    it('times out a slow answer (msw delay) and retries; every attempt slow gives TimeoutError', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/accounts/A1`, async () => {
        calls++;
        await delay(1000);
        return HttpResponse.json(account);
      }));
      const { backend } = mswBackend({ timeoutMs: 60 });
      // Each answer would come (after 1 s): a TimeoutError after three calls means each timed out.
      const e = await rejection(backend.getAccount('A1'));
      expect(e).to.be.instanceOf(TimeoutError);
      expect(e.kind).to.equal('timeout');
      expect(calls).to.equal(3);
    });

    it('a timeout then an answer succeeds', async () => {
      const fetch = scriptedFetch('hang', json(account));
      const { backend } = fakeBackend(fetch, { timeoutMs: 30 });
      expect(await backend.getAccount('A1')).to.deep.equal(account);
      expect(fetch.calls).to.have.length(2);
      expect(fetch.calls[0]?.signal?.aborted).to.equal(true);
    });

    it('times out even when the fetch ignores its signal', async () => {
      const neverFetch = (() => new Promise<Response>(() => {})) as typeof fetch;
      const { backend } = fakeBackend(neverFetch, { timeoutMs: 20, maxAttempts: 1 });
      const e = await rejection(backend.getViewer());
      expect(e).to.be.instanceOf(TimeoutError);
    });

    it('F05 retries 5xx with backoff and the same key, then succeeds', async () => {
      const keys: (string | null)[] = [];
      worker.use(http.post(`${API}/payments`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return keys.length < 3
          ? HttpResponse.json({ error: { code: 'unavailable', message: 'Try later.' } }, { status: 500 })
          : HttpResponse.json(payment(KEY), { status: 201 });
      }));
      const { backend, sleep } = mswBackend();
      expect(await backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(keys).to.deep.equal([KEY, KEY, KEY]);
      expect(sleep.waits).to.deep.equal([150, 300]);
    });

    it('F05 retries 5xx with backoff and the same key, then says the payment may be processing', async () => {
      const keys: (string | null)[] = [];
      let lookups = 0;
      worker.use(
        http.post(`${API}/payments`, ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          return HttpResponse.json({ error: { code: 'unavailable', message: 'Try later.' } }, { status: 503 });
        }),
        http.get(`${API}/payments`, ({ request }) => {
          lookups++;
          expect(new URL(request.url).searchParams.get('idempotency_key')).to.equal(KEY);
          return HttpResponse.json({ items: [] });
        }),
      );
      const { backend, sleep } = mswBackend();
      const e = await rejection(backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(UnavailableError);
      expect(e.outcomeUnknown).to.equal(true);
      expect(e.status).to.equal(503);
      expect(e.message).to.match(/may still be processing/);
      expect(keys).to.deep.equal([KEY, KEY, KEY]);
      expect(lookups).to.equal(1);
      expect(sleep.waits).to.have.length(2);
    });

    it('F06 waits as Retry-After says (seconds) and retries with the same key', async () => {
      const fetch = scriptedFetch(
        errorBody(429, 'rate_limited', 'Slow down.', undefined, { 'Retry-After': '3' }),
        json(payment(KEY), 201),
      );
      const { backend, sleep } = fakeBackend(fetch);
      expect(await backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(sleep.waits).to.deep.equal([3000]);
      expect(fetch.calls.map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal([KEY, KEY]);
    });

    it('F06 honours an HTTP-date Retry-After (msw) and caps a huge one', async () => {
      let calls = 0;
      worker.use(http.get(`${API}/viewer`, () => {
        calls++;
        if (calls === 1) {
          const at = new Date(Date.now() + 10_000).toUTCString();
          return HttpResponse.json({ error: { code: 'rate_limited', message: 'Slow down.' } }, { status: 429, headers: { 'Retry-After': at } });
        }
        if (calls === 2) {
          return HttpResponse.json({ error: { code: 'rate_limited', message: 'Slow down.' } }, { status: 429, headers: { 'Retry-After': '3600' } });
        }
        return HttpResponse.json(viewer);
      }));
      const { backend, sleep } = mswBackend();
      expect(await backend.getViewer()).to.deep.equal(viewer);
      expect(sleep.waits).to.have.length(2);
      expect(sleep.waits[0]).to.be.within(8000, 10_000);
      expect(sleep.waits[1]).to.equal(30_000);
    });

    it('F06 429 without Retry-After falls back to backoff; all 429s on a payment are definitive', async () => {
      const fetch = scriptedFetch(errorBody(429, 'rate_limited', 'Slow down.'));
      const { backend, sleep } = fakeBackend(fetch);
      const e = await rejection(backend.createPayment(paymentRequest, KEY));
      expect(e.kind).to.equal('rate_limited');
      expect(e.outcomeUnknown).to.equal(false);
      expect(sleep.waits).to.deep.equal([150, 300]);
      // No look-up: the server refused every attempt, nothing can have been created.
      expect(fetch.calls.every((c) => c.method === 'POST')).to.equal(true);
    });

    it('409 idempotency_in_progress waits, then finds the payment by key', async () => {
      const fetch = scriptedFetch((call) => {
        if (call.method === 'POST') return errorBody(409, 'idempotency_in_progress', 'Already processing.');
        return json({ items: [payment(KEY)] });
      });
      const { backend, sleep } = fakeBackend(fetch);
      expect(await backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(fetch.calls.map((c) => c.method)).to.deep.equal(['POST', 'GET']);
      expect(fetch.calls[1]?.url).to.equal(`${API}/payments?idempotency_key=${KEY}`);
      expect(sleep.waits).to.have.length(1);
    });

    it('409 idempotency_in_progress with nothing found yet posts again with the same key', async () => {
      let posts = 0;
      const fetch = scriptedFetch((call) => {
        if (call.method === 'POST') {
          posts++;
          return posts === 1 ? errorBody(409, 'idempotency_in_progress', 'Already processing.') : json(payment(KEY));
        }
        return json({ items: [] });
      });
      const { backend } = fakeBackend(fetch);
      expect(await backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
      expect(fetch.calls.map((c) => c.method)).to.deep.equal(['POST', 'GET', 'POST']);
      expect(fetch.calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal([KEY, KEY]);
    });

    it('other POSTs and DELETEs are sent once, whatever happens', async () => {
      let adds = 0;
      let deletes = 0;
      worker.use(
        http.post(`${API}/accounts/A1/payment-methods`, () => {
          adds++;
          return HttpResponse.json({ error: { code: 'unavailable', message: 'Try later.' } }, { status: 503 });
        }),
        http.delete(`${API}/accounts/A1/payment-methods/pm_1`, () => {
          deletes++;
          return HttpResponse.error();
        }),
      );
      const { backend, sleep } = mswBackend();
      const e = await rejection(backend.addPaymentMethod('A1', { token: 'tok', summary: card.summary, makeDefault: false }));
      expect(e).to.be.instanceOf(UnavailableError);
      expect(adds).to.equal(1);
      const e2 = await rejection(backend.removePaymentMethod('A1', 'pm_1'));
      expect(e2).to.be.instanceOf(NetworkError);
      expect(deletes).to.equal(1);

      const fetch = scriptedFetch('hang');
      const e3 = await rejection(fakeBackend(fetch, { timeoutMs: 20 }).backend.confirmPayment('pay_1', { actionCompleted: false }));
      expect(e3).to.be.instanceOf(TimeoutError);
      expect(fetch.calls).to.have.length(1);
      expect(sleep.waits).to.deep.equal([]);
    });
  });

  describe('caller abort', () => {
    it('an already aborted signal sends nothing', async () => {
      const fetch = scriptedFetch(json(viewer));
      const controller = new AbortController();
      controller.abort();
      const e = await rejection(fakeBackend(fetch).backend.getViewer(controller.signal));
      expect(e.kind).to.equal('aborted');
      expect(fetch.calls).to.have.length(0);
    });

    it('aborting an in-flight request rejects with aborted, not timeout, and stops', async () => {
      const fetch = scriptedFetch('hang');
      const controller = new AbortController();
      const { backend } = fakeBackend(fetch, { timeoutMs: 5000 });
      const pending = backend.listInvoices('A1', {}, controller.signal);
      setTimeout(() => controller.abort(), 10);
      const e = await rejection(pending);
      expect(e.kind).to.equal('aborted');
      expect(fetch.calls).to.have.length(1);
    });

    it('aborting during the backoff stops the retries', async () => {
      const fetch = scriptedFetch(errorBody(503, 'unavailable', 'Try later.'));
      const controller = new AbortController();
      const waits: number[] = [];
      const backend = new RestBackend({
        baseUrl: API,
        fetch,
        sleep: async (ms, signal) => {
          waits.push(ms);
          controller.abort();
          expect(signal?.aborted).to.equal(true);
        },
      });
      const e = await rejection(backend.getViewer(controller.signal));
      expect(e.kind).to.equal('aborted');
      expect(fetch.calls).to.have.length(1);
      expect(waits).to.have.length(1);
    });

    it('the default sleep is cut short by an abort', async () => {
      const fetch = scriptedFetch(errorBody(503, 'unavailable', 'Try later.'));
      const controller = new AbortController();
      const backend = new RestBackend({ baseUrl: API, fetch, backoffBaseMs: 60_000, random: () => 1 });
      // The backoff would sleep a minute: settling at all (within the test's timeout) means the
      // abort cut it short.
      const pending = backend.getViewer(controller.signal);
      setTimeout(() => controller.abort(), 30);
      const e = await rejection(pending);
      expect(e.kind).to.equal('aborted');
      expect(fetch.calls).to.have.length(1);
    });

    it('aborting a payment in flight says the outcome is unknown and looks nothing up', async () => {
      const fetch = scriptedFetch('hang');
      const controller = new AbortController();
      const { backend } = fakeBackend(fetch);
      const pending = backend.createPayment(paymentRequest, KEY, controller.signal);
      setTimeout(() => controller.abort(), 10);
      const e = await rejection(pending);
      expect(e.kind).to.equal('aborted');
      expect(e.outcomeUnknown).to.equal(true);
      expect(fetch.calls).to.have.length(1);
    });
  });

  describe('payment recovery', () => {
    /** A tiny idempotent payments server: records each key once, can lose answers. */
    function paymentsServer(loseAnswer: (attempt: number) => 'drop' | 'slow' | false) {
      const store = new Map<string, Payment>();
      const keys: string[] = [];
      let posts = 0;
      worker.use(
        http.post(`${API}/payments`, async ({ request }) => {
          posts++;
          const key = request.headers.get('Idempotency-Key') ?? '';
          keys.push(key);
          const existing = store.get(key);
          const created = existing ?? payment(key, { id: `pay_${store.size + 1}` });
          store.set(key, created);
          const lose = loseAnswer(posts);
          if (lose === 'drop') return HttpResponse.error();
          if (lose === 'slow') await delay(1000);
          return HttpResponse.json(created, { status: existing ? 200 : 201 });
        }),
        http.get(`${API}/payments`, ({ request }) => {
          const key = new URL(request.url).searchParams.get('idempotency_key') ?? '';
          const found = store.get(key);
          return HttpResponse.json({ items: found ? [found] : [] });
        }),
      );
      return { store, keys, posts: () => posts };
    }

    it('F02 network drop after the server recorded the payment: the retry returns the same payment', async () => {
      const server = paymentsServer((n) => (n === 1 ? 'drop' : false));
      const { backend } = mswBackend();
      const result = await backend.createPayment(paymentRequest, KEY);
      expect(result.id).to.equal('pay_1');
      expect(result.idempotencyKey).to.equal(KEY);
      expect(server.store.size).to.equal(1);
      expect(server.keys).to.deep.equal([KEY, KEY]);
    });

    it('F02 every answer lost: the payment is recovered by key, never reported failed', async () => {
      const server = paymentsServer(() => 'drop');
      const { backend } = mswBackend();
      const result = await backend.createPayment(paymentRequest, KEY);
      expect(result).to.deep.equal(server.store.get(KEY));
      expect(server.store.size).to.equal(1);
      expect(server.keys).to.deep.equal([KEY, KEY, KEY]);
    });

    it('F02 nothing reachable: NetworkError with outcomeUnknown, so the UI says it may still be processing', async () => {
      const fetch = scriptedFetch('drop');
      const { backend } = fakeBackend(fetch);
      const e = await rejection(backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(NetworkError);
      expect(e.outcomeUnknown).to.equal(true);
      expect(e.message).to.match(/may still be processing/);
      // Three POSTs with one key, then a look-up (three attempts of its own).
      expect(fetch.calls.map((c) => c.method)).to.deep.equal(['POST', 'POST', 'POST', 'GET', 'GET', 'GET']);
      expect(new Set(fetch.calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key')))).to.deep.equal(new Set([KEY]));
    });

    it('F03 the request times out after the server recorded the payment: recovered with the same payment', async () => {
      const server = paymentsServer(() => 'slow');
      const { backend } = mswBackend({ timeoutMs: 80 });
      const result = await backend.createPayment(paymentRequest, KEY);
      expect(result.id).to.equal('pay_1');
      expect(server.store.size).to.equal(1);
      expect(server.keys.every((k) => k === KEY)).to.equal(true);
    });

    it('F03 timeouts and no payment found: TimeoutError with outcomeUnknown', async () => {
      const fetch = scriptedFetch((call) => (call.method === 'POST' ? 'hang' : json({ items: [] })));
      // Long enough that the immediate look-up never times out on a loaded machine.
      const { backend } = fakeBackend(fetch, { timeoutMs: 250 });
      const e = await rejection(backend.createPayment(paymentRequest, KEY));
      expect(e).to.be.instanceOf(TimeoutError);
      expect(e.outcomeUnknown).to.equal(true);
      expect(e.message).to.match(/may still be processing/);
      expect(fetch.calls.map((c) => c.method)).to.deep.equal(['POST', 'POST', 'POST', 'GET']);
    });

    it('F05 5xx exhausted but the payment exists: returned from the look-up', async () => {
      const fetch = scriptedFetch((call) =>
        call.method === 'POST' ? errorBody(500, 'internal', 'Oops.') : json({ items: [payment(KEY)] }));
      const { backend } = fakeBackend(fetch);
      expect(await backend.createPayment(paymentRequest, KEY)).to.deep.equal(payment(KEY));
    });

    it('a look-up returning a payment of another key is not taken for ours', async () => {
      const fetch = scriptedFetch(json({ items: [payment('someone-else')] }));
      expect(await fakeBackend(fetch).backend.findPaymentByKey(KEY)).to.equal(null);
    });
  });
});
