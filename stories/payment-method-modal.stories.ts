import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/payment-method-modal.js';
import type { PaymentCollector } from '../src/collectors/types.js';
import { deferCollector } from '../src/collectors/lazy.js';
import type { MethodType } from '../src/core/schemas.js';
import type { PaymentMethodModal } from '../src/elements/payment-method-modal/payment-method-modal.js';
import { createSeed, MERCHANT_NAME } from '../src/demo-backend/index.js';
import { setup } from './support/drive.js';
import { bankWithErrors, cardWithErrors, openModal, UnavailableCollector } from './support/payment-method-modal.js';
import { fetchFailed, type CommonArgs } from './support/story.js';

interface ModalArgs extends CommonArgs {
  /** `card` or `ach`. */
  type: MethodType;
}

interface RenderOptions {
  /** Drives the dialog once rendered (default: opens it). */
  drive?: (el: PaymentMethodModal) => Promise<void>;
  collector?: () => PaymentCollector;
}

/** The demo's site settings (ACH authorization text) and Acme's past-due invoice as the amount. */
const settings = createSeed().siteSettings;
const amount = { amount: 73490, currency: 'USD' };

function openFromButton(e: Event): void {
  const button = e.currentTarget as HTMLButtonElement;
  const modal = button.nextElementSibling as PaymentMethodModal | null;
  void modal?.open(button);
}

/** An opener button and the dialog (opened by the story's setup; the button opens it again). */
function renderModal(args: ModalArgs, options: RenderOptions = {}) {
  return html`<div>
    <button type="button" @click=${openFromButton}>${args.type === 'ach' ? 'Enter Bank Info' : 'Enter Card Info'}</button>
    <payment-method-modal
      type=${args.type}
      company=${MERCHANT_NAME}
      locale=${args.locale}
      theme=${args.theme || nothing}
      .settings=${settings}
      .amount=${amount}
      .collector=${options.collector?.()}
      ${setup(options.drive ?? openModal)}
    ></payment-method-modal>
  </div>`;
}

const meta: Meta<ModalArgs> = {
  title: 'Elements/payment-method-modal',
  component: 'payment-method-modal',
  args: { type: 'card', locale: 'en', theme: '' },
  argTypes: {
    type: { control: 'inline-radio', options: ['card', 'ach'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'ar'] },
  },
  parameters: { msw: [], storyTest: {} },
  render: (args) => renderModal(args),
};
export default meta;

type Story = StoryObj<ModalArgs>;

/** Enter Card Info (sandbox collector: TEST MODE, Stripe test numbers). */
export const Card: Story = {};

/** Enter Bank Info: name, routing and account numbers, account type and the ACH authorization. */
export const Bank: Story = { args: { type: 'ach' } };

/** Card details with mistakes: every error shown at once and announced. */
export const CardWithErrors: Story = {
  render: (args) => renderModal(args, { drive: cardWithErrors }),
};

/** Bank details with mistakes, and the authorization not accepted. */
export const BankWithErrors: Story = {
  args: { type: 'ach' },
  render: (args) => renderModal(args, { drive: bankWithErrors }),
};

/** The processor cannot be reached: entry is unavailable, with the reason. */
export const Unavailable: Story = {
  render: (args) => renderModal(args, { collector: () => new UnavailableCollector() }),
};

/**
 * The entry code itself could not be fetched (offline, blocked chunk): the dialog says so and how
 * to recover; opening entry again tries again.
 */
export const EntryCodeNotLoaded: Story = {
  render: (args) =>
    renderModal(args, {
      collector: () => deferCollector('sandbox', true, fetchFailed),
    }),
};

/** Dark theme, bank account entry. */
export const DarkBank: Story = { args: { type: 'ach', theme: 'dark' } };

/** Spanish, card entry (the sandbox's fields and messages in Spanish too). */
export const SpanishCard: Story = { args: { locale: 'es' } };

/** Spanish, bank account entry with the ACH authorization. */
export const SpanishBank: Story = { args: { type: 'ach', locale: 'es' } };

/** Spanish, card details with mistakes: the errors in Spanish. */
export const SpanishCardWithErrors: Story = {
  args: { locale: 'es' },
  render: (args) => renderModal(args, { drive: cardWithErrors }),
};

/** French, card entry. */
export const FrenchCard: Story = { args: { locale: 'fr' } };

/** French, bank account entry with the ACH authorization. */
export const FrenchBank: Story = { args: { type: 'ach', locale: 'fr' } };

/**
 * Right to left, card entry (Arabic locale: the element sets `dir="rtl"`; there is no Arabic
 * catalog, so the texts stay English while the layout, numbers and amount follow the locale).
 */
export const RightToLeftCard: Story = { args: { locale: 'ar' } };

/** Right to left, bank account entry with the ACH authorization. */
export const RightToLeftBank: Story = { args: { type: 'ach', locale: 'ar' } };

/** Right to left, bank details with mistakes: errors and the summary laid out right to left. */
export const RightToLeftBankWithErrors: Story = {
  args: { type: 'ach', locale: 'ar' },
  render: (args) => renderModal(args, { drive: bankWithErrors }),
};
