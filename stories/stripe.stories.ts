import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/pay-invoices.js'; // and the modal it renders
import '../src/define/payment-method-modal.js';
import type { MethodType } from '../src/core/schemas.js';
import type { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import type { PaymentMethodModal } from '../src/elements/payment-method-modal/payment-method-modal.js';
import { ACME_ID, createSeed, MERCHANT_NAME } from '../src/demo-backend/index.js';
import { setup } from './support/drive.js';
import { API_BASE, demoBackend } from './support/handlers.js';
import {
  cardEntryInHostApp,
  declinedCard,
  openDarkStripeEntry,
  openStripeEntry,
  openWithoutStripe,
  servedForPayment,
  StripeStory,
  threeDSecureChallenge,
  threeDSecureCompleted,
  threeDSecureFailed,
  type StoryHostApp,
  type StripeStoryOptions,
} from './support/stripe.js';
import type { CommonArgs } from './support/story.js';

/** The demo's site settings (ACH authorization text) and Acme's past-due invoice as the amount. */
const settings = createSeed().siteSettings;
const amount = { amount: 73490, currency: 'USD' };

function openFromButton(e: Event): void {
  const button = e.currentTarget as HTMLButtonElement;
  const modal = button.nextElementSibling as PaymentMethodModal | null;
  void modal?.open(button);
}

/**
 * An opener button and `<payment-method-modal>` with a `StripeCollector` on the fake Stripe.js
 * (`new StripeCollector({publishableKey: 'pk_test_fake', loadStripe: fake.loadStripe})`), opened
 * by the story's setup (the button opens it again).
 */
function renderModal(
  args: CommonArgs,
  type: MethodType,
  drive: (story: StripeStory) => (el: PaymentMethodModal) => Promise<void>,
  options: StripeStoryOptions = {},
) {
  const story = new StripeStory(options);
  return html`<div>
    <button type="button" @click=${openFromButton}>${type === 'ach' ? 'Enter Bank Info' : 'Enter Card Info'}</button>
    <payment-method-modal
      type=${type}
      company=${MERCHANT_NAME}
      locale=${args.locale}
      theme=${ifDefined(args.theme || undefined)}
      .settings=${settings}
      .amount=${amount}
      .collector=${story.collector}
      ${setup(drive(story))}
    ></payment-method-modal>
  </div>`;
}

/** `<pay-invoices>` for Acme against the demo backend, paying through Stripe (the fake), and the 3-D Secure stand-in. */
function renderPay(args: CommonArgs, drive: (story: StripeStory) => (el: PayInvoices) => Promise<void>) {
  const story = new StripeStory();
  return html`<div>
    <pay-invoices
      api-base=${API_BASE}
      account=${ACME_ID}
      locale=${args.locale}
      theme=${ifDefined(args.theme || undefined)}
      .collector=${story.collector}
      ${setup(drive(story))}
    ></pay-invoices>
    ${story.challenge}
  </div>`;
}

const meta: Meta<CommonArgs> = {
  title: 'Collectors/Stripe',
  component: 'payment-method-modal',
  args: { locale: 'en', theme: '' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'ar'] },
  },
  parameters: { msw: [], storyTest: {} },
  render: (args) => renderModal(args, 'card', openStripeEntry),
};
export default meta;

type Story = StoryObj<CommonArgs>;

/**
 * Enter Card Info with Stripe: the Payment Element (the fake's, in a closed shadow root like
 * Stripe's iframe) is mounted in a light-DOM node slotted into the dialog. Type a Stripe test card.
 */
export const CardEntry: Story = {};

/** Enter Bank Info with Stripe (`us_bank_account`): name on account, Stripe's bank field, the ACH authorization. */
export const BankEntry: Story = {
  render: (args) => renderModal(args, 'ach', openStripeEntry),
};

/**
 * The widget inside a host app's own shadow root (`<story-host-app>` → `<pay-invoices>` → the
 * dialog): Stripe's mount node is a light-DOM child of the host app, carried down by slots.
 */
export const InHostShadowRoot: Story = {
  ...servedForPayment(demoBackend()),
  render: (args) => {
    const story = new StripeStory();
    return html`<story-host-app
      api-base=${API_BASE}
      account=${ACME_ID}
      locale=${args.locale}
      theme=${ifDefined(args.theme || undefined)}
      .collector=${story.collector}
      ${setup<StoryHostApp>(cardEntryInHostApp(story))}
    ></story-host-app>`;
  },
};

/** Stripe.js cannot load (blocked or offline): card entry says it is unavailable, and why. */
export const StripeUnavailableCard: Story = {
  render: (args) => renderModal(args, 'card', openWithoutStripe, { load: 'reject' }),
};

/** Stripe.js cannot load, and the collector has a fallback for bank accounts (here the TEST MODE sandbox). */
export const StripeUnavailableBankFallback: Story = {
  render: (args) => renderModal(args, 'ach', openWithoutStripe, { load: 'reject', bankFallback: true }),
};

/** A declined test card (4000 0000 0000 0002): Stripe's message in the dialog, which stays open. */
export const DeclinedCard: Story = {
  render: (args) => renderModal(args, 'card', declinedCard),
};

/**
 * Paying with the 3-D Secure test card (4000 0025 0000 3155): the server answers
 * `requires_action`, the collector runs `stripe.handleNextAction` and the card issuer's challenge
 * (a stand-in for Stripe's test page) waits for the payer.
 */
export const ThreeDSecureChallenge: Story = {
  ...servedForPayment(demoBackend(), { busy: true }),
  render: (args) => renderPay(args, threeDSecureChallenge),
};

/** The payer completes the 3-D Secure challenge: the payment succeeds. */
export const ThreeDSecureCompleted: Story = {
  ...servedForPayment(demoBackend()),
  render: (args) => renderPay(args, threeDSecureCompleted),
};

/** The payer fails the 3-D Secure challenge: the form says so and nothing is charged. */
export const ThreeDSecureFailed: Story = {
  ...servedForPayment(demoBackend()),
  render: (args) => renderPay(args, threeDSecureFailed),
};

/** Dark theme: Stripe's appearance (colors, font, radius) is read from the theme tokens. */
export const DarkCardEntry: Story = {
  args: { theme: 'dark' },
  render: (args) => renderModal(args, 'card', openDarkStripeEntry),
};
