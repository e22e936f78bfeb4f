import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { delay, http, HttpResponse } from 'msw';
import '../src/define/pay-invoices.js'; // and the modal and walkthrough it renders
import type { PayInvoicesBackend } from '../src/backend/types.js';
import { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import { defineElement } from '../src/define/define.js';
import type { PayInvoicesSavedMethods } from '../src/elements/pay-invoices/saved-methods.js';
import type { DemoStore } from '../src/demo-backend/index.js';
import { ACME_ID, GLOBEX_ID, INITECH_ID } from '../src/demo-backend/index.js';
import { click, find, root, setup, type, waitFor } from './support/drive.js';
import {
  answerLostBackend,
  API_BASE,
  demoBackend,
  expiredSessionRestBackend,
  featureOffBackend,
  malformedBackend,
  neverAnswersBackend,
  noInvoicesBackend,
  paidMeanwhileBackend,
  patientRestBackend,
  paymentServerErrorBackend,
  payWithSavedCard,
  saveDecliningCard,
  saveTestBank,
  serverErrorBackend,
  sessionExpiresBackend,
  StoryBackend,
} from './support/handlers.js';
import {
  acceptAchAuthorization,
  applyCredit,
  busyForm,
  checkPaymentStatus,
  chooseFirstSavedMethod,
  chooseMethodType,
  enterNewCard,
  formMessageShown,
  formReady,
  makePayment,
  outcomeNotFoundShown,
  outcomeUnknownShown,
  receiptShown,
  sandboxChallengeShown,
  selectInvoices,
  setAmount,
  writeMemo,
} from './support/pay-invoices.js';
import { TEST_CARDS } from './support/payment-method-modal.js';
import { fetchFailed, inColumn, served, stillLoading, type CommonArgs } from './support/story.js';

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
  /** A subclass's tag (default `pay-invoices`). */
  tag?: string;
  /** The REST backend's base URL (default the demo's; empty: none). */
  apiBase?: string;
}

/** `<pay-invoices>` against the demo backend at `/api/v1`. */
function renderPay(args: PayArgs, options: RenderOptions = {}) {
  const tag = unsafeStatic(options.tag ?? 'pay-invoices');
  return staticHtml`<${tag}
    api-base=${options.apiBase ?? API_BASE}
    account=${args.account}
    locale=${args.locale}
    theme=${args.theme || nothing}
    ?show-back=${args.showBack}
    .backend=${options.backend?.()}
    ${options.drive ? setup(options.drive) : nothing}
  ></${tag}>`;
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

/**
 * On a phone or in a side panel (a 360 px column here): each invoice is a card, the amount field
 * under the selected ones. Below about 760 px of width the form stacks its invoice rows.
 */
export const Narrow: Story = {
  ...served(demoBackend()),
  decorators: [inColumn(360)],
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

/** Initech's 10,000 open invoices: above 150 the table scrolls in a box of its own and renders only the rows in view. */
export const ManyInvoices: Story = {
  ...served(demoBackend()),
  args: { account: INITECH_ID },
  render: (args) => renderPay(args, { drive: formReady }),
};

/** A worker with no account chosen: the form says which account is missing. */
export const NoAccount: Story = {
  ...served(demoBackend()),
  args: { account: '' },
  render: (args) => renderPay(args, { drive: (el) => find(el, 'p.alert').then(() => undefined) }),
};

/** No backend configured (neither `api-base`, a `backend` property nor a provider). */
export const NoBackend: Story = {
  render: (args) => renderPay(args, { apiBase: '', drive: (el) => find(el, 'p.alert.warning').then(() => undefined) }),
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

// ---------------------------------------------------------------------------------------------
// Submitting goes wrong (fault cases F02–F08) and 3-D Secure

/** F08 on load: the session has expired (the demo answers 401): what to do, with Try again. */
export const SessionExpiredOnLoad: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderPay(args, {
      backend: expiredSessionRestBackend,
      drive: async (el) => void (await find(el, '.alert.error')),
    }),
};

/**
 * F08 on Make Payment: the session expired while the payer filled in the form (401). The form
 * says to sign in again; the selection, credit and memo are kept (`auth-required` tells the host).
 */
export const SessionExpired: Story = {
  ...served(sessionExpiresBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        let told = '';
        el.addEventListener('auth-required', (e) => (told = e.detail.reason), { once: true });
        await busyForm(el);
        await writeMemo(el, 'Spring restock and power tools');
        await makePayment(el);
        await formMessageShown(el);
        if (told !== 'unauthorized') throw new Error(`auth-required was not fired with "unauthorized" (got "${told}")`);
        if (root(el).querySelector<HTMLTextAreaElement>('#memo')?.value !== 'Spring restock and power tools') {
          throw new Error('The memo was not kept after the 401.');
        }
      },
    }),
};

/**
 * F07: $200.00 of INV-10421 was paid by phone just before this payment arrived (409
 * `invoice_changed`). The new balances are loaded and shown, nothing was charged, and the payer
 * reviews and confirms again.
 */
export const InvoiceChanged: Story = {
  ...served(paidMeanwhileBackend('INV-10421', 20000)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421');
        await makePayment(el);
        await find(el, '#form-message.warning');
      },
    }),
};

/** Pays INV-10421 and stops when the form says the payment may still be processing (F02/F05). */
async function payUntilOutcomeUnknown(el: PayInvoices): Promise<void> {
  await selectInvoices(el, 'INV-10421');
  await makePayment(el);
  await outcomeUnknownShown(el);
}

/**
 * F02: the connection dropped after the payment left, and stayed down while the client looked the
 * payment up and while the payer pressed Check payment status: still "confirming", never
 * "failed", with a note that the payer will not be charged twice. (Pressed again once the
 * connection is back, the check finds the payment and shows its receipt.)
 */
export const ConfirmingAnswerLost: Story = {
  ...served(answerLostBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await payUntilOutcomeUnknown(el);
        await checkPaymentStatus(el);
        await waitFor(() => /We still could not confirm your payment/.test(root(el).querySelector('#outcome')?.textContent ?? ''), 'the "still unknown" note');
      },
    }),
};

/**
 * F05: the payment service answered 503 to every retry (same idempotency key): the payment may
 * still be processing. Check payment status finds none; Try again sends it with the same key.
 */
export const ConfirmingServerError: Story = {
  ...served(paymentServerErrorBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await payUntilOutcomeUnknown(el);
      },
    }),
};

/**
 * F05, then Check payment status: no payment exists under the key, so none was made. Try again
 * (with the same key, so still at most one charge) or discard it and go back to the form.
 */
export const ConfirmingNotFound: Story = {
  ...served(paymentServerErrorBackend()),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await payUntilOutcomeUnknown(el);
        await checkPaymentStatus(el);
        await outcomeNotFoundShown(el);
      },
    }),
};

/**
 * 3-D Secure in TEST MODE: paying with a new card 4000 0025 0000 3155 entered in the sandbox
 * fields, the server answers `requires_action` and the sandbox's challenge
 * (`<pi-sandbox-challenge>`) waits for the payer: Complete or Fail authentication.
 */
export const ThreeDSecureChallenge: Story = {
  ...served(demoBackend(), { busy: true }),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        await selectInvoices(el, 'INV-10421');
        await enterNewCard(el, TEST_CARDS.threeDSecure);
        await makePayment(el);
        await sandboxChallengeShown(el);
      },
    }),
};

// ---------------------------------------------------------------------------------------------
// Manage saved methods (<pay-invoices-saved-methods> inside the form)

/** Acme's saved methods plus the test bank account (verified) and one awaiting micro-deposits. */
function saveBankAccounts(store: DemoStore): void {
  saveTestBank(store);
  store.addPaymentMethod(ACME_ID, {
    token: 'pm_usBankAccount_microdeposits',
    summary: { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '4321', accountType: 'checking' },
    makeDefault: false,
  });
}

/** Presses "Manage saved methods" and returns the panel. */
async function openManager(el: PayInvoices): Promise<PayInvoicesSavedMethods> {
  await selectInvoices(el, 'INV-10467');
  const toggle = await find<HTMLButtonElement>(el, '[part="manage-methods-button"]');
  if (toggle.getAttribute('aria-expanded') !== 'true') await click(el, toggle);
  const panel = await find<PayInvoicesSavedMethods>(el, 'pay-invoices-saved-methods');
  await panel.updateComplete;
  return panel;
}

/** Presses a method's button (by part and the start of its accessible name) in the panel. */
async function pressInPanel(panel: PayInvoicesSavedMethods, part: string, name: string): Promise<void> {
  const button = await waitFor(
    () =>
      [...root(panel).querySelectorAll<HTMLButtonElement>(`[part="${part}"]`)].find((b) =>
        (b.getAttribute('aria-label') ?? '').startsWith(name),
      ),
    `${part} "${name}"`,
  );
  await click(panel, button);
}

/** Opens the deposit-code form of the account awaiting micro-deposits. */
async function openVerify(el: PayInvoices): Promise<PayInvoicesSavedMethods> {
  const panel = await openManager(el);
  await pressInPanel(panel, 'verify-button', 'Verify STRIPE TEST BANK checking ending 4321');
  await find(panel, '[part="code-input"]');
  return panel;
}

/** Types `code` into "Deposit code" and presses Verify. */
async function submitCode(panel: PayInvoicesSavedMethods, code: string): Promise<void> {
  await type(panel, await find<HTMLInputElement>(panel, '[part="code-input"]'), code);
  await click(panel, await find<HTMLButtonElement>(panel, 'form.verify button[type="submit"]'));
}

/**
 * The form on a page where "Manage saved methods" is not registered yet: its code is fetched when
 * the panel first opens. These subclasses stand for a fetch still under way and one that failed,
 * whatever this page registered already.
 */
class ManageLoadingForm extends PayInvoices {
  protected override get savedMethodsDefined(): boolean {
    return false;
  }
  protected override loadSavedMethods(): Promise<void> {
    return stillLoading();
  }
}
class ManageUnavailableForm extends PayInvoices {
  protected override get savedMethodsDefined(): boolean {
    return false;
  }
  protected override loadSavedMethods(): Promise<void> {
    return fetchFailed();
  }
}
defineElement('story-pay-invoices-manage-loading', ManageLoadingForm);
defineElement('story-pay-invoices-manage-unavailable', ManageUnavailableForm);

/** Presses "Manage saved methods" and waits for the panel's progress line (`busy`) or its alert. */
function openManagerUntil(state: 'busy' | 'alert') {
  return async (el: PayInvoices): Promise<void> => {
    await selectInvoices(el, 'INV-10467');
    await click(el, await find<HTMLButtonElement>(el, '[part="manage-methods-button"]'));
    await find(el, state === 'busy' ? '#manage-methods[aria-busy="true"]' : '#manage-methods [role="alert"]');
  };
}

/** "Manage saved methods" pressed while the panel's code is still being fetched: a progress line, announced. */
export const ManageLoading: Story = {
  ...served(demoBackend(saveBankAccounts), { busy: true }),
  render: (args) => renderPay(args, { tag: 'story-pay-invoices-manage-loading', drive: openManagerUntil('busy') }),
};

/** "Manage saved methods" when the panel's code cannot be fetched: an alert with Try again. */
export const ManageUnavailable: Story = {
  ...served(demoBackend(saveBankAccounts)),
  render: (args) => renderPay(args, { tag: 'story-pay-invoices-manage-unavailable', drive: openManagerUntil('alert') }),
};

/** "Manage saved methods" open: Default, Expired and Awaiting verification badges, and each method's actions. */
export const ManageSavedMethods: Story = {
  ...served(demoBackend(saveBankAccounts)),
  render: (args) => renderPay(args, { drive: async (el) => void (await openManager(el)) }),
};

/** Remove asks first, inline, with focus on its Remove button. */
export const ManageConfirmRemove: Story = {
  ...served(demoBackend(saveBankAccounts)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        const panel = await openManager(el);
        await pressInPanel(panel, 'remove-button', 'Remove Visa ending 4242');
        await find(panel, '[role="alertdialog"]');
      },
    }),
};

/** A bank account awaiting micro-deposits: the deposit-code form (the demo's code is SM11AA). */
export const ManageVerifyForm: Story = {
  ...served(demoBackend(saveBankAccounts)),
  render: (args) => renderPay(args, { drive: async (el) => void (await openVerify(el)) }),
};

/** A wrong deposit code: the error is shown by the field and announced. */
export const ManageVerifyError: Story = {
  ...served(demoBackend(saveBankAccounts)),
  render: (args) =>
    renderPay(args, {
      drive: async (el) => {
        const panel = await openVerify(el);
        await submitCode(panel, 'SM00XX');
        await find(panel, '[role="alert"]');
      },
    }),
};

/** Verifying: the request is on its way (here it never answers), the list is aria-busy. */
export const ManageBusy: Story = {
  ...served(
    new StoryBackend(saveBankAccounts, [
      http.post(`${API_BASE}/accounts/:accountId/payment-methods/:pmId/verify`, async () => {
        await delay('infinite');
        return new HttpResponse(null, { status: 204 });
      }),
    ]),
    { busy: true },
  ),
  render: (args) =>
    renderPay(args, {
      backend: patientRestBackend,
      drive: async (el) => {
        const panel = await openVerify(el);
        await submitCode(panel, 'SM11AA');
        await find(panel, 'ul[aria-busy="true"]');
      },
    }),
};
