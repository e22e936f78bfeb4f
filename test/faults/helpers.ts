/**
 * Shared by the fault tests: the demo backend served in-process (a `fetch` that resolves requests
 * with the msw handlers directly, without the service worker), a request recorder, and helpers
 * that look at `<pay-invoices>` as a user does.
 */
import { waitUntil } from '@open-wc/testing';
import { getResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { RestBackendOptions } from '../../src/backend/rest-backend.js';
import { createHandlers } from '../../src/demo-backend/handlers.js';
import type { DemoHandlerOptions } from '../../src/demo-backend/handlers.js';
import { DemoStore } from '../../src/demo-backend/store.js';
import { control, need, root, squash, text, typeInto, waitForText, waitLoaded } from '../elements/pay-invoices-dom.js';

/** An absolute base, so nothing here can reach a real server by accident. */
export const BASE = 'https://portal.example/api/v1';
export const ACME = 'C-1001';
/** A fixed clock: 10 March 2026, noon local time. */
export const FIXED_NOW = new Date(2026, 2, 10, 12, 0, 0);

export function makeStore(): DemoStore {
  return new DemoStore({ storage: null, now: () => FIXED_NOW });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

/**
 * What a request hook decides: forward it to the handlers, answer it itself, drop the connection
 * before the server sees it, let the server handle it and then drop the answer, or let the server
 * handle it and never answer (until the caller aborts).
 */
export type HookDecision = Response | 'forward' | 'drop' | 'forward-then-drop' | 'forward-then-hang';
export type Hook = (request: Request) => Promise<HookDecision> | HookDecision;

export interface InProcessFetch {
  fetch: typeof fetch;
  /** Every request, as sent (URL, headers, body text). */
  requests: RecordedRequest[];
}

/**
 * A fetch that answers with `handlers` in this page (as the service worker would), records every
 * request, and turns msw's `HttpResponse.error()` into a network error like a real fetch.
 */
export function inProcessFetch(handlers: HttpHandler[], hook?: Hook): InProcessFetch {
  const requests: RecordedRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    requests.push({ method: request.method, url: request.url, headers: [...request.headers], body });
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const decided = hook ? await hook(request) : 'forward';
    if (decided === 'drop') throw new TypeError('Failed to fetch');
    const response = typeof decided === 'string' ? await getResponse(handlers, request) : decided;
    if (decided === 'forward-then-drop') throw new TypeError('Failed to fetch');
    if (decided === 'forward-then-hang') {
      return new Promise<Response>((_, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    if (!response) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'No route.' } }), { status: 404 });
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
  return { fetch: fn as typeof fetch, requests };
}

export interface DemoSetup {
  store: DemoStore;
  handlers: HttpHandler[];
  net: InProcessFetch;
  backend: RestBackend;
}

/** A demo store, its handlers and a RestBackend on them for `viewer`, with instant backoff waits. */
export function demoBackend(
  opts: {
    viewer?: 'worker' | 'contact';
    handlers?: Omit<DemoHandlerOptions, 'baseUrl'>;
    rest?: Partial<RestBackendOptions>;
    hook?: Hook;
  } = {},
): DemoSetup {
  const store = makeStore();
  const handlers = createHandlers(store, { baseUrl: BASE, ...opts.handlers });
  const net = inProcessFetch(handlers, opts.hook);
  const backend = new RestBackend({
    baseUrl: BASE,
    headers: { 'X-Demo-Viewer': opts.viewer ?? 'contact' },
    fetch: net.fetch,
    sleep: async () => {},
    ...opts.rest,
  });
  return { store, handlers, net, backend };
}

// ---------------------------------------------------------------------------------------------
// Looking at an element as a user does

export { root, squash, text, control, need, typeInto, waitForText, waitLoaded };

export async function waitForReceipt(el: Element, timeout = 10000): Promise<HTMLElement> {
  await waitUntil(() => root(el).querySelector('#receipt-heading'), `no receipt; shown: ${text(el).slice(0, 300)}`, {
    timeout,
  });
  return root(el).querySelector<HTMLElement>('#receipt-heading')!;
}


/** The element focused, through shadow roots (the elements' own helper). */
export { deepActiveElement as deepActive } from '../../src/dom/focus.js';

// ---------------------------------------------------------------------------------------------
// The payment method dialog of <pay-invoices>

type Modal = HTMLElement & { opened: boolean };

export function modalOf(el: Element): Modal {
  const modal = root(el).querySelector<Modal>('payment-method-modal');
  if (!modal) throw new Error('no <payment-method-modal>');
  return modal;
}

/** An input of the open dialog (its own fields or the collector's) whose label starts with `label`. */
export function dialogField(el: Element, label: string): HTMLInputElement {
  const modal = modalOf(el);
  const roots = [root(modal)];
  const fields = root(modal).querySelector('pi-sandbox-card-fields, pi-sandbox-bank-fields');
  if (fields?.shadowRoot) roots.push(fields.shadowRoot);
  for (const r of roots) {
    for (const l of r.querySelectorAll('label')) {
      if (squash(l.textContent).toLowerCase().startsWith(label.toLowerCase()) && l.control) return l.control as HTMLInputElement;
    }
  }
  throw new Error(`no field labelled ${label}`);
}

/** The text of the dialog's alert region (errors, "unavailable"). */
export function dialogAlert(el: Element): string {
  return squash(root(modalOf(el)).querySelector('[role="alert"]')?.textContent);
}

/** Dismisses the entry dialog with its Cancel (or Close) button and waits until it is closed. */
export async function closeDialog(el: Element): Promise<void> {
  need<HTMLButtonElement>(modalOf(el), /^(Cancel|Close)$/).click();
  await waitUntil(() => !modalOf(el).opened, 'dialog still open', { timeout: 5000 });
}

/** Presses Enter Card Info / Enter Bank Info and waits for the dialog (fields, or an alert). */
export async function openEntry(el: Element, type: 'card' | 'ach'): Promise<void> {
  need<HTMLButtonElement>(el, type === 'card' ? 'Enter Card Info' : 'Enter Bank Info').click();
  const modal = modalOf(el);
  await waitUntil(
    () =>
      modal.opened &&
      (root(modal).querySelector('pi-sandbox-card-fields, pi-sandbox-bank-fields')?.shadowRoot?.querySelector('input') ||
        dialogAlert(el) !== ''),
    'the entry dialog did not open',
    { timeout: 8000 },
  );
}

function fill(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function enterCard(el: Element, number: string, o: { cvc?: string; save?: boolean } = {}): Promise<void> {
  await openEntry(el, 'card');
  fill(dialogField(el, 'Card number'), number);
  fill(dialogField(el, 'Expiration'), '12 / 34');
  fill(dialogField(el, 'CVC'), o.cvc ?? '123');
  fill(dialogField(el, 'ZIP'), '94107');
  if (o.save) dialogField(el, 'Save for future payments').click();
  root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => !modalOf(el).opened, `the dialog stayed open: ${dialogAlert(el)}`, { timeout: 8000 });
}

export async function enterBank(el: Element, account: string, o: { save?: boolean } = {}): Promise<void> {
  await openEntry(el, 'ach');
  fill(dialogField(el, 'Name on account'), 'Ada Lovelace');
  fill(dialogField(el, 'Routing number'), '110000000');
  fill(dialogField(el, 'Account number'), account);
  fill(dialogField(el, 'Confirm account number'), account);
  if (o.save) dialogField(el, 'Save for future payments').click();
  dialogField(el, 'I authorize').click();
  root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => !modalOf(el).opened, `the dialog stayed open: ${dialogAlert(el)}`, { timeout: 8000 });
}

/** The form's message (role=alert): decline, refusal, conflict. */
export function formMessage(el: Element): HTMLElement | null {
  return root(el).querySelector<HTMLElement>('#form-message');
}
