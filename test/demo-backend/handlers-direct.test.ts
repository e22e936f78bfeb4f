import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { createHandlers } from '../../src/demo-backend/handlers.js';
import { cardRequest, makeStore, newKey } from './helpers.js';

const BASE = 'https://portal.example/api/v1';

function post(path: string, body: unknown, key?: string): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return new Request(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('demo handlers (resolved directly, without the service worker)', () => {
  it('serve an absolute base URL', async () => {
    const store = makeStore();
    const handlers = createHandlers(store, { baseUrl: `${BASE}/` });
    const res = await getResponse(handlers, new Request(`${BASE}/accounts/C-1001/invoices?limit=2`));
    expect(res?.status).to.equal(200);
    const page = (await res!.json()) as { items: unknown[]; total: number };
    expect(page.items).to.have.length(2);
    expect(await getResponse(handlers, new Request('https://portal.example/other'))).to.equal(undefined);
  });

  it('a concurrent POST with the same key gets 409 idempotency_in_progress, then the stored payment', async () => {
    const store = makeStore();
    const handlers = createHandlers(store, { baseUrl: BASE, latencyMs: 40 });
    const key = newKey();
    const body = cardRequest();
    const [a, b] = await Promise.all([
      getResponse(handlers, post('/payments', body, key)),
      new Promise((r) => setTimeout(r, 10)).then(() => getResponse(handlers, post('/payments', body, key))),
    ]);
    expect([a?.status, b?.status]).to.deep.equal([201, 409]);
    expect(((await b!.json()) as { error: { code: string } }).error.code).to.equal('idempotency_in_progress');
    const c = await getResponse(handlers, post('/payments', body, key));
    expect(c?.status).to.equal(200);
    expect(store.listPayments('C-1001')).to.have.length(1);
  });

  it('the timeout fault records the payment and answers late', async () => {
    const store = makeStore();
    const handlers = createHandlers(store, { baseUrl: BASE, faults: { next: ['timeout'] }, timeoutMs: 60 });
    const key = newKey();
    const started = performance.now();
    const res = getResponse(handlers, post('/payments', cardRequest(), key));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.findByKey(key)?.status).to.equal('succeeded');
    expect((await res)?.status).to.equal(201);
    expect(performance.now() - started).to.be.greaterThanOrEqual(55);
    expect(store.faults.next).to.deep.equal([]); // the option's faults were used, not the store's
  });

  it('internal failures are 500 with the error body', async () => {
    const store = makeStore();
    const handlers = createHandlers(store, { baseUrl: BASE });
    store.listBatches = () => {
      throw new Error('boom');
    };
    const original = console.error;
    console.error = () => {};
    try {
      const res = await getResponse(handlers, new Request(`${BASE}/demo/erp/batches`));
      expect(res?.status).to.equal(500);
      expect(((await res!.json()) as { error: { code: string } }).error.code).to.equal('internal_error');
    } finally {
      console.error = original;
    }
  });
});
