import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/pay-invoices.js'; // and the modal and walkthrough it renders
import type { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import { ACME_ID } from '../src/demo-backend/index.js';
import { setup } from './support/drive.js';
import { API_BASE, demoBackend } from './support/handlers.js';
import { selectInvoices, showWalkthroughStep } from './support/pay-invoices.js';
import { served, type CommonArgs } from './support/story.js';

interface WalkthroughArgs extends CommonArgs {
  /** The step shown (1–6). */
  step: number;
}

/**
 * `<pay-invoices>` for Acme with one invoice selected, and its walkthrough (the "i" button next to
 * "Make Online Payments") at step `args.step`.
 */
function renderWalkthrough(args: WalkthroughArgs) {
  const drive = async (el: PayInvoices) => {
    await selectInvoices(el, 'INV-10421');
    await showWalkthroughStep(el, args.step);
  };
  return html`<pay-invoices
    api-base=${API_BASE}
    account=${ACME_ID}
    locale=${args.locale}
    theme=${args.theme || nothing}
    ${setup(drive)}
  ></pay-invoices>`;
}

const meta: Meta<WalkthroughArgs> = {
  title: 'Elements/payment-walkthrough',
  component: 'payment-walkthrough',
  args: { step: 1, locale: 'en', theme: '' },
  argTypes: {
    step: { control: { type: 'range', min: 1, max: 6, step: 1 } },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'ar'] },
  },
  render: (args) => renderWalkthrough(args),
};
export default meta;

type Story = StoryObj<WalkthroughArgs>;

/** Step 1: the open invoices. */
export const Step1Invoices: Story = { ...served(demoBackend()), args: { step: 1 } };

/** Step 2: amounts, lump sum and totals. */
export const Step2Amounts: Story = { ...served(demoBackend()), args: { step: 2 } };

/** Step 3: card or bank account. */
export const Step3Method: Story = { ...served(demoBackend()), args: { step: 3 } };

/** Step 4: Enter Card Info / Enter Bank Info. */
export const Step4MethodEntry: Story = { ...served(demoBackend()), args: { step: 4 } };

/** Step 5: the memo. */
export const Step5Memo: Story = { ...served(demoBackend()), args: { step: 5 } };

/** Step 6: Make Payment. */
export const Step6Submit: Story = { ...served(demoBackend()), args: { step: 6 } };

/** Spanish, step 1. */
export const SpanishStep1: Story = { ...served(demoBackend()), args: { step: 1, locale: 'es' } };

/** Spanish, step 4 (Ingresar datos de la tarjeta). */
export const SpanishStep4: Story = { ...served(demoBackend()), args: { step: 4, locale: 'es' } };

/** French, step 2. */
export const FrenchStep2: Story = { ...served(demoBackend()), args: { step: 2, locale: 'fr' } };

/** French, step 6. */
export const FrenchStep6: Story = { ...served(demoBackend()), args: { step: 6, locale: 'fr' } };

/**
 * Right to left, step 3 (Arabic locale: `dir="rtl"`, texts in English as there is no Arabic
 * catalog): the card aligns with the right edge of its target.
 */
export const RightToLeftStep3: Story = { ...served(demoBackend()), args: { step: 3, locale: 'ar' } };

/** Right to left, step 6 (Make Payment). */
export const RightToLeftStep6: Story = { ...served(demoBackend()), args: { step: 6, locale: 'ar' } };

/** Dark theme, step 1. */
export const DarkStep1: Story = { ...served(demoBackend()), args: { step: 1, theme: 'dark' } };

/** Dark theme, step 4. */
export const DarkStep4: Story = { ...served(demoBackend()), args: { step: 4, theme: 'dark' } };
