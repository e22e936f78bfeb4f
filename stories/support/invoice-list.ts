/** Driving `<invoice-list>` as a user would, for stories that show a state reached by using it. */
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { click, find, root, type, waitFor } from './drive.js';

/** Waits for the invoices table. */
export async function tableShown(el: InvoiceList): Promise<void> {
  await find(el, '[part="table"]');
}

/** Types into the worker's account search and waits for the results. */
export async function searchAccounts(el: InvoiceList, query: string): Promise<void> {
  const input = await find<HTMLInputElement>(el, '#account-search');
  await type(el, input, query);
  await find(el, '.account-results button');
}

/** Opens the details dialog of an invoice and waits for its lines. */
export async function openDetails(el: InvoiceList, invoiceNumber: string): Promise<void> {
  await tableShown(el);
  const button = await waitFor(
    () =>
      [...root(el).querySelectorAll<HTMLButtonElement>('[part="details-button"]')].find((b) =>
        (b.getAttribute('aria-label') ?? '').includes(invoiceNumber),
      ),
    `the Details button of ${invoiceNumber}`,
  );
  await click(el, button);
  await find(el, 'dialog[open] table');
}

/** Shows the payment history and waits for it to load. */
export async function showHistory(el: InvoiceList): Promise<void> {
  await tableShown(el);
  await click(el, await find<HTMLButtonElement>(el, '.history-button:not(:disabled)'));
  const history = await find(el, 'invoice-list-history');
  await waitFor(() => history.shadowRoot?.querySelector('[aria-busy="false"]'), 'the payment history');
}
