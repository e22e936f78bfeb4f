import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/pay-invoices.js'; // and the modal and walkthrough it renders
import type { PayInvoicesBackend } from '../src/backend/types.js';
import type { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import { ACME_ID, GLOBEX_ID } from '../src/demo-backend/index.js';
import { find, setup } from './support/drive.js';
import {
  API_BASE,
  demoBackend,
  featureOffBackend,
  malformedBackend,
  neverAnswersBackend,
  noInvoicesBackend,
  patientRestBackend,
  payWithSavedCard,
  saveDecliningCard,
  saveTestBank,
  serverErrorBackend,
} from './support/handlers.js';
import {
  acceptAchAuthorization,
  applyCredit,
  busyForm,
  chooseFirstSavedMethod,
  chooseMethodType,
  formMessageShown,
  formReady,
  makePayment,
  receiptShown,
  selectInvoices,
  setAmount,
  writeMemo,
} from './support/pay-invoices.js';
import { served, type CommonArgs } from './support/story.js';

interface PayArgs extends CommonArgs {
  /** The account paid (Acme C-1001 by default). */
  account: string;
  /** Shows "Back to invoices". */
  showBack: boolean;
}

interface RenderOptions {
  /** Drives the element into the story's state once rendered. */
  drive?: (el: PayInvoices) => Promise<void>;
  /** A backend object instead of `api-base`. */
  backend?: () => PayInvoicesBackend;
}

/** `<pay-invoices>` against the demo backend at `/api/v1`. */
function renderPay(args: PayArgs, options: RenderOptions = {}) {
  return html`<pay-invoices
    api-base=${API_BASE}
    account=${args.account}
    locale=${args.locale}
    theme=${args.theme || nothing}
    ?show-back=${args.showBack}
    .backend=${options.backend?.()}
    ${options.drive ? setup(options.drive) : nothing}
  ></pay-invoices>`;
}

const meta: Meta<PayArgs> = {
  title: 'Elements/pay-invoices',
  component: 'pay-invoices',
  args: { account: ACME_ID, locale: 'en', theme: '', showBack: false },
  argTypes: {
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'ar'] },
  },
  render: (args) => renderPay(args),
};
export default meta;

type Story = StoryObj<PayArgs>;

/** Acme Hardware's open invoices, the credit memo, the saved Visa (default) and expired Mastercard. */
export const Default: Story = {
  ...served(demoBackend()),
  render: (args) => renderPay(args, { drive: formReady }),
};

/** The data is on its way (the demo never answers here). */
export const Loading: Story = {
  ...served(neverAnswersBackend(), { busy: true }),
  render: (args) => renderPay(args, { backend: patientRestBackend }),
};

/** The server fails (503 after the client's retries): an error with Try again. */
export const LoadError: Story = {
  ...served(serverErrorBackend()),
};

/** The server answers with data that does not match the contract. */
export const MalformedResponse: Story = {
  ...served(malformedBackend(`${API_BASE}/accounts/:accountId/invoices`)),
};

/** Nothing is open: nothing to pay. */
export const NoOpenInvoices: Story = {
  ...served(noInvoicesBackend()),
};

/** Online payments are switched off for the site. */
export const FeatureOff: Story = {
  ...served(featureOffBackend()),
};

/** Globex Retail (C-1002) may pay by card only: no Bank Account choice, no saved methods. */
export const AchOff: Story = {
  ...served(demoBackend()),
  args: { account: GLOBEX_ID },
  render: (args) => renderPay(args, { drive: (el) => selectInvoices(el, 'GX-5001') }),
};

/** Two invoices, one paid in part ($100.00 of INV-10455). */
export const PartialAmounts: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421', 'INV-10455');
        await setAmount(el, 'INV-10455', '100.00');
      },
    }),
};

/** Amounts the payer has to fix: more than the balance, and not a number. */
export const AmountErrors: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421', 'INV-10455');
        await setAmount(el, 'INV-10421', '99999');
        await setAmount(el, 'INV-10455', '12,3.4.5');
      },
    }),
};

/** The credit memo CM-2001 ($150.00) applied against two invoices. */
export const CreditsApplied: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421', 'INV-10455');
        await applyCredit(el, 'CM-2001');
      },
    }),
};

/** Paying by card adds the 3 % card processing fee to the total. */
export const Surcharge: Story = {
  ...served(demoBackend()),
  render: (args) => renderPay(args, { drive: (el) => selectInvoices(el, 'INV-10421') }),
};

/** Saved methods: the default Visa, an expired Mastercard (not selectable) and a saved bank account. */
export const SavedMethods: Story = {
  ...served(demoBackend(saveTestBank)),
  render: (args) => renderPay(args, { drive: (el) => selectInvoices(el, 'INV-10467') }),
};

/** A saved bank account chosen: the ACH debit authorization to accept. */
export const AchAuthorization: Story = {
  ...served(demoBackend(saveTestBank)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10467');
        await chooseMethodType(el, 'ach');
        await chooseFirstSavedMethod(el, 'ach');
      },
    }),
};

/** INV-10421 already has a payment pending: Make Payment asks before paying it again. */
export const PendingPaymentConfirm: Story = {
  ...served(demoBackend((store) => payWithSavedCard(store, 'INV-10421', 20000))),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421');
        await makePayment(el);
        await find(el, '#pending-confirm');
      },
    }),
};

/** The card is declined by the processor: the form says why and keeps everything. */
export const Declined: Story = {
  ...served(demoBackend(saveDecliningCard)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10455');
        await makePayment(el);
        await formMessageShown(el);
      },
    }),
};

/** Paid by card: the receipt (succeeded) with the cash receipt number, fee and memo. */
export const ReceiptSucceeded: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await busyForm(el);
        await writeMemo(el, 'Spring restock and power tools');
        await makePayment(el);
        await receiptShown(el);
      },
    }),
};

/** Paid by bank (ACH): the receipt says processing (it settles in a few business days). */
export const ReceiptProcessing: Story = {
  ...served(demoBackend(saveTestBank)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10467');
        await chooseMethodType(el, 'ach');
        await chooseFirstSavedMethod(el, 'ach');
        await acceptAchAuthorization(el);
        await makePayment(el);
        await receiptShown(el);
      },
    }),
};

/** Dark theme, with invoices selected and a credit applied. */
export const Dark: Story = {
  ...served(demoBackend()),
  args: { theme: 'dark' },
  render: (args) => renderPay(args, { drive: busyForm }),
};

/** Spanish. */
export const Spanish: Story = {
  ...served(demoBackend()),
  args: { locale: 'es' },
  render: (args) => renderPay(args, { drive: busyForm }),
};

/** French. */
export const French: Story = {
  ...served(demoBackend()),
  args: { locale: 'fr' },
  render: (args) => renderPay(args, { drive: busyForm }),
};

/** Right to left (Arabic locale: the element sets `dir="rtl"`). */
export const RightToLeft: Story = {
  ...served(demoBackend()),
  args: { locale: 'ar' },
  render: (args) => renderPay(args, { drive: busyForm }),
};

/** With "Back to invoices" (as `<invoice-list>` shows it after Pay Now). */
export const WithBackButton: Story = {
  ...served(demoBackend()),
  args: { showBack: true },
  render: (args) => renderPay(args, { drive: formReady }),
};
