/**
 * The embedded backend for /script-tag.html, served as /demo-backend.js. The page itself loads only
 * the built dist/pay-invoices.js — no build step — and this script, standing in for a host's server.
 */
import { startDemoBackend } from '../src/demo-backend/index.js';

const viewer = new URLSearchParams(location.search).get('viewer') === 'contact' ? 'contact' : 'worker';
const pageFetch = globalThis.fetch.bind(globalThis);
const ready = startDemoBackend({ latencyMs: 250 }).catch((e: unknown) => {
  console.error('The demo backend did not start.', e);
});

// Hold every fetch until msw is ready, so the widget's first requests reach the demo backend, and
// say who is signed in (a real host does this with its session cookie).
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  await ready;
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin === location.origin && url.pathname.startsWith('/api/') && !request.headers.has('X-Demo-Viewer')) {
    const headers = new Headers(request.headers);
    headers.set('X-Demo-Viewer', viewer);
    return pageFetch(new Request(request, { headers }));
  }
  return pageFetch(request);
};
