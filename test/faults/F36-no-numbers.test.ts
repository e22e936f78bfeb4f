/**
 * F36: after a full card payment and a full bank payment through `<pay-invoices>` (numbers typed
 * with the keyboard into the TEST MODE entry dialog, payments made on the demo backend over
 * `RestBackend`), the card number, the CVC and the full bank account number appear nowhere the
 * widget reaches: the DOM (shadow roots included, attributes, input values), dispatched events,
 * console output, local and session storage (every write, not just what is left), and every
 * request to the host backend (URL, headers, body) — nor any other request the page made.
 *
 * While a number is being typed it lives in the collector's own field (with Stripe: Stripe's
 * iframe; here the sandbox's input, whose TEST MODE hint also names the test numbers). That
 * subtree is therefore exempt while the dialog is open — and must be empty and gone afterwards.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import '../../src/define/pay-invoices.js';
import { ACME, control, demoBackend, dialogField, modalOf, need, root, squash, text, waitForReceipt, waitLoaded } from './helpers.js';

const CARD = '4242424242424242';
const CVC = '987';
const ROUTING = '110000000';
const ACCOUNT = '000123456789';

// ---------------------------------------------------------------------------------------------
// What is looked at

/** Every element, through open shadow roots, in document order. */
function allElements(start: Node = document): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof Element) {
        out.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        if (child instanceof HTMLTemplateElement) walk(child.content);
      }
      walk(child);
    }
  };
  walk(start);
  return out;
}

/**
 * The DOM as text: each element's tag and every attribute, its form value (inputs, textareas,
 * selects — the live property, not the attribute), and every text node; shadow roots included.
 * `skip` leaves out a subtree (the collector's own fields while they are open).
 */
function serializeDom(skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.COMMENT_NODE) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
        continue;
      }
      if (!(child instanceof Element)) continue;
      if (skip?.(child)) continue;
      parts.push(`<${child.localName}`);
      for (const a of Array.from(child.attributes)) parts.push(` ${a.name}="${a.value}"`);
      if (child instanceof HTMLInputElement || child instanceof HTMLTextAreaElement || child instanceof HTMLSelectElement) {
        parts.push(` .value="${child.value}"`);
      }
      parts.push('>');
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(document);
  return parts.join('');
}

function storageText(s: Storage): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i) ?? '';
    out.push(`${key}=${s.getItem(key) ?? ''}`);
  }
  return out.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Node ? `[${v.nodeName}]` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Records everything that leaves the widget while the test runs; `restore()` undoes the hooks. */
function startRecording() {
  const events: string[] = [];
  const consoleLines: string[] = [];
  const storageWrites: string[] = [];
  const otherRequests: string[] = [];
  const undo: (() => void)[] = [];

  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
    const detail = event instanceof CustomEvent ? safeJson(event.detail) : '';
    events.push(`${event.type} ${detail}`);
    return dispatch.call(this, event);
  };
  undo.push(() => (EventTarget.prototype.dispatchEvent = dispatch));

  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      consoleLines.push(`${level}: ${args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ')}`);
      original.apply(console, args);
    };
    undo.push(() => (console[level] = original));
  }

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string): void {
    storageWrites.push(`${this === localStorage ? 'local' : 'session'} ${key}=${value}`);
    setItem.call(this, key, value);
  };
  undo.push(() => (Storage.prototype.setItem = setItem));

  // Any request besides the host backend's (there should be none).
  const fetchOriginal = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    otherRequests.push(`fetch ${String(input instanceof Request ? input.url : input)} ${safeJson(init?.body ?? '')}`);
    return fetchOriginal(input, init);
  };
  undo.push(() => (globalThis.fetch = fetchOriginal));
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    otherRequests.push(`xhr ${safeJson(body ?? '')}`);
    xhrSend.call(this, body);
  };
  undo.push(() => (XMLHttpRequest.prototype.send = xhrSend));
  const beacon = navigator.sendBeacon;
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    otherRequests.push(`beacon ${String(url)} ${safeJson(data ?? '')}`);
    return beacon.call(navigator, url, data);
  };
  undo.push(() => (navigator.sendBeacon = beacon));

  return { events, consoleLines, storageWrites, otherRequests, restore: () => undo.reverse().forEach((f) => f()) };
}

// ---------------------------------------------------------------------------------------------
// Looking for the numbers

/** Idempotency keys (UUIDs) and ISO instants carry random digits: they are taken out first. */
function withoutNoise(s: string): string {
  return s
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g, '<instant>');
}

const NEEDLES: { name: string; re: RegExp }[] = [
  // The card number, also grouped as typed ("4242 4242 4242 4242") or with dashes.
  { name: 'card number', re: /4242[\s-]*4242[\s-]*4242[\s-]*4242/ },
  // The CVC as a number of its own (not inside an amount such as $1,987.00 or a longer number).
  { name: 'CVC', re: new RegExp(`(?<![\\d.,])${CVC}(?![\\d.,])`) },
  { name: 'bank account number', re: new RegExp(ACCOUNT) },
];

function findNumbers(haystack: string): string[] {
  const clean = withoutNoise(haystack);
  return NEEDLES.filter((n) => n.re.test(clean)).map((n) => {
    const m = n.re.exec(clean)!;
    return `${n.name} in …${clean.slice(Math.max(0, m.index - 60), m.index + 40)}…`;
  });
}

function expectClean(where: string, haystack: string): void {
  expect(findNumbers(haystack), where).to.deep.equal([]);
}

// ---------------------------------------------------------------------------------------------
// The payer

async function typeIn(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  await sendKeys({ type: value });
}

const isCollectorFields = (e: Element): boolean => e.localName === 'pi-sandbox-card-fields' || e.localName === 'pi-sandbox-bank-fields';

describe('F36 no card or bank numbers anywhere', () => {
  afterEach(() => sessionStorage.clear());

  it('F36 card and bank payments leave no card number, CVC or account number in DOM, events, console, storage or requests', async function () {
    this.timeout(60000);
    const rec = startRecording();
    try {
      const { store, net, backend } = demoBackend({ viewer: 'contact' });
      const el = await fixture<PayInvoices>(html`<pay-invoices account=${ACME} .backend=${backend}></pay-invoices>`);
      await waitLoaded(el);

      // ---- Card: INV-10421 with a new card typed into the dialog, saved for later.
      need(el, 'Select invoice INV-10421').click();
      await el.updateComplete;
      need<HTMLButtonElement>(el, 'Enter Card Info').click();
      await waitUntil(() => modalOf(el).opened && root(modalOf(el)).querySelector('pi-sandbox-card-fields'), 'no card dialog', {
        timeout: 8000,
      });
      await waitUntil(() => dialogField(el, 'Card number'), 'no card fields', { timeout: 8000 });
      await typeIn(dialogField(el, 'Card number'), CARD);
      await typeIn(dialogField(el, 'Expiration'), '12/34');
      await typeIn(dialogField(el, 'CVC'), CVC);
      await typeIn(dialogField(el, 'ZIP'), '94107');
      dialogField(el, 'Save for future payments').click();
      // The scanner sees through shadow roots into input values: the typed numbers are found there…
      const typed = serializeDom();
      expect(typed).to.include(`.value="${CARD}"`);
      expect(typed).to.include(`.value="${CVC}"`);
      expect(findNumbers(typed)).to.have.length.greaterThan(0);
      // …and only there: no attribute, no text of the widget outside the collector's fields.
      expectClean('DOM while the card is typed (outside the collector fields)', serializeDom(isCollectorFields));
      root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => control(el, 'Visa ending 4242 (new)'), 'new card not offered', { timeout: 8000 });
      need<HTMLButtonElement>(el, 'Make Payment').click();
      expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment received');
      expectClean('DOM after the card payment', serializeDom());

      // ---- Bank: INV-10455 with a new bank account typed into the dialog.
      need<HTMLButtonElement>(el, 'Make another payment').click();
      await waitUntil(() => control(el, 'Select invoice INV-10455'), 'form not back', { timeout: 8000 });
      need(el, 'Select invoice INV-10455').click();
      need(el, 'Bank Account').click();
      await el.updateComplete;
      need<HTMLButtonElement>(el, 'Enter Bank Info').click();
      await waitUntil(() => modalOf(el).opened && root(modalOf(el)).querySelector('pi-sandbox-bank-fields'), 'no bank dialog', {
        timeout: 8000,
      });
      await waitUntil(() => dialogField(el, 'Routing number'), 'no bank fields', { timeout: 8000 });
      await typeIn(dialogField(el, 'Name on account'), 'Ada Lovelace');
      await typeIn(dialogField(el, 'Routing number'), ROUTING);
      await typeIn(dialogField(el, 'Account number'), ACCOUNT);
      await typeIn(dialogField(el, 'Confirm account number'), ACCOUNT);
      dialogField(el, 'I authorize').click();
      expect(serializeDom()).to.include(`.value="${ACCOUNT}"`);
      expectClean('DOM while the account is typed (outside the collector fields)', serializeDom(isCollectorFields));
      root(modalOf(el)).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => control(el, /ending 6789 \(new\)/), 'new bank account not offered', { timeout: 8000 });
      need<HTMLButtonElement>(el, 'Make Payment').click();
      expect(squash((await waitForReceipt(el)).textContent)).to.equal('Payment processing');
      expect(text(el)).to.include('ending 6789');

      // ---- Both payments exist on the backend, with their receipts.
      const payments = store.listPayments(ACME);
      expect(payments.map((p) => [p.methodType, p.status, Boolean(p.cashReceipt)])).to.deep.equal([
        ['ach', 'processing', true],
        ['card', 'succeeded', true],
      ]);

      // ---- The scan.
      expect(allElements().some(isCollectorFields), 'collector fields left in the DOM').to.equal(false);
      expectClean('DOM (shadow roots, attributes, input values)', serializeDom());
      expectClean('dispatched events', rec.events.join('\n'));
      expectClean('console output', rec.consoleLines.join('\n'));
      expectClean('localStorage', storageText(localStorage));
      expectClean('sessionStorage', storageText(sessionStorage));
      expectClean('storage writes', rec.storageWrites.join('\n'));
      const requests = net.requests.map((r) => `${r.method} ${r.url}\n${r.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${r.body}`);
      expectClean('requests to the host backend', requests.join('\n\n'));
      expect(rec.otherRequests, 'requests besides the host backend').to.deep.equal([]);
      // The scan had something to look at.
      expect(net.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/payments'))).to.have.length(2);
      expect(rec.events.some((e) => e.startsWith('method-collected'))).to.equal(true);
      expect(rec.events.some((e) => e.startsWith('payment-complete'))).to.equal(true);
      expect(rec.storageWrites.some((w) => w.includes('pay-invoices:pending:'))).to.equal(true);
    } finally {
      rec.restore();
    }
  });
});

