import type { Settings } from '../../src/core/schemas.js';
import { settings as baseSettings } from './invoice-list-fixtures.js';
import { waitUntil } from '@open-wc/testing';
import type { PaymentMethodModal } from '../../src/elements/payment-method-modal/payment-method-modal.js';

/** The shadow roots a payer's fields live in: the modal's and the collector fields'. */
export function roots(modal: PaymentMethodModal): ShadowRoot[] {
  const list = [modal.shadowRoot!];
  const fields = modal.shadowRoot!.querySelector('pi-sandbox-card-fields, pi-sandbox-bank-fields');
  if (fields?.shadowRoot) list.push(fields.shadowRoot);
  return list;
}

/** The input whose label text contains `text` (case-insensitive), found as a user would. */
export function field(modal: PaymentMethodModal, text: string): HTMLInputElement {
  const needle = text.toLowerCase();
  const labels = roots(modal).flatMap((root) => [...root.querySelectorAll('label')]);
  const textOf = (label: HTMLLabelElement) => (label.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const found = labels.find((l) => textOf(l) === needle) ?? labels.find((l) => textOf(l).includes(needle));
  if (found?.control) return found.control as HTMLInputElement;
  throw new Error(`No field labelled "${text}"`);
}

/** The text of the elements that describe an input (its inline error). */
export function describedText(input: HTMLElement): string {
  const root = input.getRootNode() as ShadowRoot;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** The element focused, through shadow roots (the elements' own helper). */
export { deepActiveElement as deepActive } from '../../src/dom/focus.js';

export function fill(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function button(modal: PaymentMethodModal, name: string | RegExp): HTMLButtonElement {
  const match = (s: string) => (typeof name === 'string' ? s.trim() === name : name.test(s.trim()));
  const b = [...modal.shadowRoot!.querySelectorAll('button')].find((x) => match(x.textContent ?? ''));
  if (!b) throw new Error(`No button ${String(name)}`);
  return b;
}

/** The text of the modal's live (role=alert) region. */
export function alertText(modal: PaymentMethodModal): string {
  return modal.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export async function opened(modal: PaymentMethodModal, opener?: HTMLElement): Promise<void> {
  await modal.open(opener);
  await waitUntil(() => modal.shadowRoot!.querySelector('button[type="submit"]'), 'fields ready', { timeout: 5000 });
}

export async function fillCard(
  modal: PaymentMethodModal,
  card: { number?: string; expiry?: string; cvc?: string; zip?: string } = {},
): Promise<void> {
  fill(field(modal, 'Card number'), card.number ?? '4242 4242 4242 4242');
  fill(field(modal, 'Expiration'), card.expiry ?? '12 / 39');
  fill(field(modal, 'CVC'), card.cvc ?? '123');
  fill(field(modal, 'ZIP'), card.zip ?? '94107');
}

export async function fillBank(
  modal: PaymentMethodModal,
  bank: { name?: string; routing?: string; account?: string; confirm?: string; accept?: boolean } = {},
): Promise<void> {
  fill(field(modal, 'Name on account'), bank.name ?? 'Ada Lovelace');
  fill(field(modal, 'Routing number'), bank.routing ?? '110000000');
  fill(field(modal, 'Account number'), bank.account ?? '000123456789');
  fill(field(modal, 'Confirm account number'), bank.confirm ?? bank.account ?? '000123456789');
  const accept = field(modal, 'authorize');
  if ((bank.accept ?? true) !== accept.checked) accept.click();
}

export function submit(modal: PaymentMethodModal): void {
  modal.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/** Settings for modal tests: card and ACH, a mandate text with every placeholder. */
export const settings: Settings = baseSettings({
  achMandateText: 'I authorize {company} to debit {amount} from my account {account} on {date}.',
});
