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
  await waitUntil(() => !el.shadowRoot?.querySelector('.state'), 'still loading', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

/** An element's open shadow root (throws when it has none). */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Text with its whitespace runs collapsed, trimmed. */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
