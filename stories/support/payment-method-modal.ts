/** Driving `<payment-method-modal>` (and the sandbox collector's fields) for stories. */
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import type { Availability } from '../../src/collectors/types.js';
import type { MethodType } from '../../src/core/schemas.js';
import type { PaymentMethodModal } from '../../src/elements/payment-method-modal/payment-method-modal.js';
import { click, find, root, type, waitFor } from './drive.js';

/** Stripe's test cards the stories use (the sandbox collector and the fake Stripe.js both know them). */
export const TEST_CARDS = {
  visa: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  threeDSecure: '4000 0025 0000 3155',
} as const;

/** A sandbox collector whose processor script "failed to load": entry is unavailable. */
export class UnavailableCollector extends SandboxCollector {
  override async availability(_type: MethodType): Promise<Availability> {
    return { available: false, reason: 'The payment processor could not be reached. Try again in a few minutes.' };
  }
}

/** Opens the dialog (as its opener button would) and waits until its fields, or its error, show. */
export async function openModal(modal: PaymentMethodModal): Promise<void> {
  const opener = modal.previousElementSibling instanceof HTMLElement ? modal.previousElementSibling : undefined;
  await modal.open(opener);
  await waitFor(
    () => root(modal).querySelector('button[type="submit"], [part="form-error"]'),
    'the entry form (or its error)',
  );
}

/** A collector field by its id (`number`, `expiry`, `cvc`, `zip`, `routing`, `account`, `confirm`). */
async function collectorField(modal: PaymentMethodModal, id: string): Promise<HTMLInputElement> {
  const fields = await find(modal, 'pi-sandbox-card-fields, pi-sandbox-bank-fields');
  return waitFor(() => fields.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`), `the ${id} field`);
}

async function fill(modal: PaymentMethodModal, id: string, value: string): Promise<void> {
  await type(modal, await collectorField(modal, id), value);
}

/** Presses the dialog's submit button and waits for the errors to be announced. */
async function submitWithErrors(modal: PaymentMethodModal): Promise<void> {
  (await find<HTMLButtonElement>(modal, 'button[type="submit"]')).click();
  await waitFor(() => root(modal).querySelector('.announce')?.textContent?.trim(), 'the error summary');
}

/** Card details that fail the checks: a mistyped number, an expired date, a short CVC, no ZIP. */
export async function cardWithErrors(modal: PaymentMethodModal): Promise<void> {
  await openModal(modal);
  await fill(modal, 'number', '4242 4242 4242 4241');
  await fill(modal, 'expiry', '01 / 20');
  await fill(modal, 'cvc', '12');
  await submitWithErrors(modal);
}

/** Bank details that fail the checks: no name, a bad routing number, mismatched account numbers, no authorization. */
export async function bankWithErrors(modal: PaymentMethodModal): Promise<void> {
  await openModal(modal);
  await fill(modal, 'routing', '123456789');
  await fill(modal, 'account', '000123456789');
  await fill(modal, 'confirm', '000123456780');
  await submitWithErrors(modal);
}

/**
 * Types a valid sandbox card (`number`, a future expiry, a CVC, a ZIP) into the open dialog and
 * presses "Use this card"; resolves once the dialog has closed with it.
 */
export async function useSandboxCard(modal: PaymentMethodModal, number: string): Promise<void> {
  await fill(modal, 'number', number);
  await fill(modal, 'expiry', '12 / 34');
  await fill(modal, 'cvc', '123');
  await fill(modal, 'zip', '10001');
  await click(modal, await find<HTMLButtonElement>(modal, 'button[type="submit"]:not(:disabled)'));
  await waitFor(() => !modal.opened, 'the card dialog to close');
}
