/**
 * Driving `<pay-invoices>` as a payer would, for stories that show a state reached by using it.
 * Everything goes through the rendered controls (checkboxes, fields, buttons) in its shadow root.
 */
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { SandboxChallenge } from '../../src/collectors/sandbox/challenge.js';
import type { PaymentMethodModal } from '../../src/elements/payment-method-modal/payment-method-modal.js';
import type { PaymentWalkthrough } from '../../src/elements/payment-walkthrough/payment-walkthrough.js';
import { click, find, root, type, waitFor } from './drive.js';
import { useSandboxCard } from './payment-method-modal.js';

/** Waits for the form (its Make Payment button). */
export async function formReady(el: PayInvoices): Promise<void> {
  await find(el, '[part="submit-button"]');
}

/** Checks the invoices' rows. */
export async function selectInvoices(el: PayInvoices, ...ids: string[]): Promise<void> {
  await formReady(el);
  for (const id of ids) {
    const box = await find<HTMLInputElement>(el, `[part="invoice-row"] input[type="checkbox"][data-id="${id}"]`);
    if (!box.checked) await click(el, box);
  }
}

/** Types an amount into a selected invoice's amount field. */
export async function setAmount(el: PayInvoices, id: string, text: string): Promise<void> {
  const input = await find<HTMLInputElement>(el, `input[part="amount-input"][data-id="${id}"]`);
  await type(el, input, text);
}

/** Checks "Apply" for a credit (its full usable amount is filled in). */
export async function applyCredit(el: PayInvoices, creditId: string): Promise<void> {
  const box = await find<HTMLInputElement>(el, `[part="credits"] input[type="checkbox"][data-id="${creditId}"]`);
  if (!box.checked) await click(el, box);
}

/** Picks "Bank Account" or "Credit or Debit Card". */
export async function chooseMethodType(el: PayInvoices, method: 'card' | 'ach'): Promise<void> {
  const radio = await find<HTMLInputElement>(el, `input[name="method-type"][value="${method}"]`);
  if (!radio.checked) await click(el, radio);
}

/** Picks the first usable saved method of the type shown. */
export async function chooseFirstSavedMethod(el: PayInvoices, method: 'card' | 'ach'): Promise<void> {
  const radio = await find<HTMLInputElement>(el, `input[name="saved-${method}"]:not(:disabled)`);
  if (!radio.checked) await click(el, radio);
}

/** Accepts the ACH debit authorization shown under a saved bank account. */
export async function acceptAchAuthorization(el: PayInvoices): Promise<void> {
  const box = await find<HTMLInputElement>(el, '.ach-auth input[type="checkbox"]');
  if (!box.checked) await click(el, box);
}

/** Types a memo. */
export async function writeMemo(el: PayInvoices, text: string): Promise<void> {
  await type(el, await find<HTMLTextAreaElement>(el, '#memo'), text);
}

/** Presses Make Payment (waits until it is enabled). */
export async function makePayment(el: PayInvoices): Promise<void> {
  const button = await waitFor(
    () => root(el).querySelector<HTMLButtonElement>('[part="submit-button"]:not(:disabled)'),
    'an enabled Make Payment button',
  );
  await click(el, button);
}

/** Waits for the receipt. */
export async function receiptShown(el: PayInvoices): Promise<void> {
  await find(el, '[part="receipt"]');
}

/** Waits for the form's error or status message (e.g. a decline). */
export async function formMessageShown(el: PayInvoices): Promise<void> {
  await find(el, '#form-message');
}

/**
 * Presses Enter Card Info and enters `number` (a Stripe test card) in the dialog's TEST MODE
 * sandbox fields; the new card is then the chosen method.
 */
export async function enterNewCard(el: PayInvoices, number: string): Promise<void> {
  await chooseMethodType(el, 'card');
  await click(el, await find<HTMLButtonElement>(el, '[part="method-entry-button"]:not(:disabled)'));
  const modal = await find<PaymentMethodModal>(el, 'payment-method-modal');
  await waitFor(() => modal.opened, 'the card dialog to open');
  await useSandboxCard(modal, number);
  await waitFor(() => root(el).querySelector<HTMLInputElement>('input[name="saved-card"][value="new"]')?.checked, 'the new card to be chosen');
}

/** Waits for "We are confirming your payment…": the outcome of a payment is not known (F02–F05). */
export async function outcomeUnknownShown(el: PayInvoices): Promise<void> {
  await find(el, '#outcome:not(.warning)');
}

/** Waits for "Your payment was not completed": a status check found no payment under the key. */
export async function outcomeNotFoundShown(el: PayInvoices): Promise<void> {
  await find(el, '#outcome.warning');
}

/** Presses "Check payment status" in the outcome panel and waits until the check is done. */
export async function checkPaymentStatus(el: PayInvoices): Promise<void> {
  await click(el, await find<HTMLButtonElement>(el, '#outcome button.primary:not(:disabled)'));
  await waitFor(() => !root(el).querySelector('#outcome[aria-busy="true"]'), 'the status check to finish');
}

/** Waits for the sandbox's 3-D Secure challenge (`<pi-sandbox-challenge>`) to be open; returns it. */
export async function sandboxChallengeShown(el: PayInvoices): Promise<SandboxChallenge> {
  const challenge = await find<SandboxChallenge>(el, 'pi-sandbox-challenge');
  await waitFor(() => challenge.shadowRoot?.querySelector('dialog[open]'), 'the 3-D Secure challenge to open');
  return challenge;
}

/** Presses the "i" button and shows walkthrough step `step` (1-based). */
export async function showWalkthroughStep(el: PayInvoices, step: number): Promise<void> {
  await formReady(el);
  const info = await find<HTMLButtonElement>(el, '[part="walkthrough-button"]');
  await click(el, info);
  const guide = await find<PaymentWalkthrough>(el, 'payment-walkthrough');
  await waitFor(() => guide.open, 'the walkthrough to open');
  guide.step = step - 1;
  await guide.updateComplete;
  await waitFor(() => guide.open && guide.step === step - 1, `walkthrough step ${step}`);
}

// ---------------------------------------------------------------------------------------------
// Ready-made setups

/** Two invoices selected, one of them in part, and the credit memo applied: most of the form in use. */
export async function busyForm(el: PayInvoices): Promise<void> {
  await selectInvoices(el, 'INV-10421', 'INV-10455');
  await applyCredit(el, 'CM-2001');
}
