/**
 * Mounting `<pay-invoices>` in a test and reading its shadow DOM: shared by the element, state,
 * saved-methods and on-demand tests (the data fakes are in pay-invoices-fixtures.ts).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { PayInvoicesBackend } from '../../src/backend/types.js';
import type { PaymentCollector } from '../../src/collectors/types.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { ACME } from './pay-invoices-fixtures.js';

export interface MountOptions {
  selected?: string[];
  collector?: PaymentCollector;
  showBack?: boolean;
  account?: string;
  /** How long loading may take (ms; default 10,000). */
  loadTimeout?: number;
}

/** Renders `<pay-invoices>` on `backend` and waits until it has left its loading state. */
export async function mountPayInvoices(backend: PayInvoicesBackend, opts: MountOptions = {}): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(html`<pay-invoices
    account=${opts.account ?? ACME.id}
    ?show-back=${opts.showBack ?? false}
    .backend=${backend}
    .collector=${opts.collector}
    .selectedInvoiceIds=${opts.selected ?? []}
  ></pay-invoices>`);
  await waitLoaded(el, opts.loadTimeout);
  return el;
}

// ---------------------------------------------------------------------------------------------
// Looking at an element as a user does (shared with the fault tests: test/faults/helpers.ts)

/** An element's open shadow root (throws when it has none). */
export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Text with its whitespace runs collapsed, trimmed. */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The text of `el`'s shadow root, squashed. */
export function text(el: Element): string {
  return squash(root(el).textContent);
}

/** A control in `el`'s shadow root by its accessible name (aria-label, label text or button text), or null. */
export function control<T extends HTMLElement = HTMLInputElement>(el: Element, name: string | RegExp): T | null {
  const matches = (s: string): boolean => (typeof name === 'string' ? squash(s) === name : name.test(squash(s)));
  for (const node of root(el).querySelectorAll<HTMLElement>('input, textarea, select, button')) {
    const aria = node.getAttribute('aria-label');
    if (aria !== null) {
      if (matches(aria)) return node as T;
      continue;
    }
    const labels = (node as HTMLInputElement).labels;
    if (labels) for (const l of labels) if (matches(l.textContent ?? '')) return node as T;
    if (node.tagName === 'BUTTON' && matches(node.textContent ?? '')) return node as T;
  }
  return null;
}

/** `control`, throwing when there is none. */
export function need<T extends HTMLElement = HTMLInputElement>(el: Element, name: string | RegExp): T {
  const found = control<T>(el, name);
  if (!found) throw new Error(`no control named ${String(name)} in <${el.localName}>`);
  return found;
}

/** Types into a field as a user would (value, input, change). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits until `el` shows text matching `re`, and for the render after it. */
export async function waitForText(el: Element, re: RegExp, timeout = 10000): Promise<void> {
  await waitUntil(() => re.test(text(el)), `text ${String(re)} not shown; shown: ${text(el).slice(0, 300)}`, { timeout });
  await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
}

/** The totals box of `<pay-invoices>`: each line's label → its amount. */
export function totals(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of root(el).querySelectorAll('dl.totals dt')) out[squash(dt.textContent)] = squash(dt.nextElementSibling?.textContent);
  return out;
}

/** Waits until `<pay-invoices>` has loaded (no loading state). */
export async function waitLoaded(el: Element, timeout = 10000): Promise<void> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('.state'), 'still loading', { timeout });
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}
