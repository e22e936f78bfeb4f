/**
 * Loads a demo page's markup into the test page and starts it with `setupDemo`, on a fresh
 * in-memory store and without simulated latency; plus the user steps the scenarios share.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { setupDemo } from '../../demo/setup.js';
import type { DemoHandles, DemoViewer } from '../../demo/setup.js';
import { MemoryStorage } from '../../src/demo-backend/index.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { cellText, click, findButton, findByLabel, findByRole, typeInto, waitFor, waitForGone } from './dom.js';

export interface DemoPage extends DemoHandles {
  storage: Storage;
  list: InvoiceList;
}

let current: DemoPage | null = null;

// msw re-uses the service worker another test page registered and calls `registration.update()`
// without awaiting it; Chromium can reject that check ("Not found") once the earlier page is gone.
// Harmless (the worker in place keeps serving), so only that rejection is kept out of the log.
window.addEventListener(
  'unhandledrejection',
  (e) => {
    const message = e.reason instanceof Error ? e.reason.message : String(e.reason);
    if (/^Failed to update a ServiceWorker .*mockServiceWorker\.js.*Not found/.test(message)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  },
  { capture: true },
);

/** The page's `<body>` markup (scripts left out) from `/demo/<page>.html`, put into this document. */
export async function loadMarkup(page: 'index' | 'contact'): Promise<void> {
  const res = await fetch(`/demo/${page}.html`);
  expect(res.ok, `GET /demo/${page}.html`).to.equal(true);
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  for (const script of Array.from(doc.querySelectorAll('script'))) script.remove();
  document.body.replaceChildren(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
}

/**
 * Loads the page and runs `setupDemo(viewer)` on `storage` (default: a fresh MemoryStorage), in a
 * desktop browser window (1280 × 900): the scenarios read the tables as tables, which a narrower
 * window would stack into cards (test/elements/narrow-layout.test.ts covers that layout).
 */
export async function openDemo(
  page: 'index' | 'contact',
  viewer: DemoViewer,
  storage: Storage = new MemoryStorage(),
): Promise<DemoPage> {
  await setViewport({ width: 1280, height: 900 });
  await loadMarkup(page);
  const handles = await setupDemo(viewer, { storage, latencyMs: 0 });
  const list = document.querySelector('invoice-list');
  expect(list, '<invoice-list> on the page').to.be.instanceOf(HTMLElement);
  current = { ...handles, storage, list: list as InvoiceList };
  return current;
}

/** Stops the demo's msw worker and clears the page and the session's leftovers. */
export async function closeDemo(): Promise<void> {
  const open = current;
  current = null;
  await open?.stop();
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.removeItem('pay-invoices:walkthrough-complete');
}

/** Worker: types `query` into "Search accounts" and picks the matching account. */
export async function chooseAccount(query: string, option: string): Promise<void> {
  const search = await findByLabel('Search accounts');
  await typeInto(search, query);
  click(await findButton(option));
  await findByRole('heading', new RegExp(`^Invoices for ${option.replace(/[()]/g, '\\$&')}$`));
}

/** Waits until the list shows that invoice with that balance and pending amount. */
export async function waitForListRow(number: string, balance: string | null, pending?: string): Promise<void> {
  await waitFor(
    () =>
      cellText(number, 'Balance') === balance && (pending === undefined || cellText(number, 'Pending') === pending),
    `${number}: expected balance ${String(balance)}, pending ${String(pending)}; saw ${String(cellText(number, 'Balance'))}, ${String(cellText(number, 'Pending'))}`,
  );
}

/** Pay Now on the invoice, then waits for "Make Online Payments" with its invoices loaded. */
export async function payNow(number: string): Promise<void> {
  click(await findButton(`Pay Now invoice ${number}`));
  await findByRole('heading', 'Make Online Payments');
  const box = await findByRole<HTMLInputElement>('checkbox', `Select invoice ${number}`);
  expect(box.checked, `${number} is preselected`).to.equal(true);
}

/** "Enter Card Info" with a sandbox test card typed as a payer types it; then `chosen` (the new card's option) is selected. */
export async function enterNewCard(number: string, chosen: string): Promise<void> {
  click(await findButton('Enter Card Info'));
  await findByRole('dialog', 'Enter Card Info');
  await typeInto(await findByLabel('Card number'), number);
  await typeInto(await findByLabel('Expiration (MM / YY)'), '12 / 34');
  await typeInto(await findByLabel('CVC'), '123');
  await typeInto(await findByLabel('ZIP'), '94107');
  click(await findButton('Use this card'));
  await waitForGone('dialog', 'Enter Card Info');
  const card = await findByRole<HTMLInputElement>('radio', chosen);
  expect(card.checked, `${chosen} is chosen`).to.equal(true);
}

/** A POST the page sent: its path, and its body parsed when it was JSON text. */
export interface SentPost {
  path: string;
  body: unknown;
}

/** Records every POST the page sends until `stop()`. */
export function recordPosts(): { posts: SentPost[]; stop: () => void } {
  const posts: SentPost[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const request = input instanceof Request ? input : null;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    if (method === 'POST') {
      const path = new URL(request?.url ?? String(input), location.href).pathname;
      posts.push({ path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    }
    return realFetch(input, init);
  };
  return { posts, stop: () => void (globalThis.fetch = realFetch) };
}

