import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../src/define/invoice-list.js'; // <pay-invoices> is fetched and registered on the first Pay Now
import type { PayInvoicesBackend } from '../src/backend/types.js';
import { InvoiceList, type InvoiceListMode } from '../src/elements/invoice-list/invoice-list.js';
import { defineElement } from '../src/define/define.js';
import type { PayInvoices } from '../src/elements/pay-invoices/pay-invoices.js';
import { ACME_ID, INITECH_ID } from '../src/demo-backend/index.js';
import { click, find, root, setup, waitFor } from './support/drive.js';
import {
  API_BASE,
  contactRestBackend,
  demoBackend,
  featureOffBackend,
  malformedBackend,
  neverAnswersBackend,
  noInvoicesBackend,
  patientRestBackend,
  payByBank,
  payWithSavedCard,
  serverErrorBackend,
} from './support/handlers.js';
import { openDetails, searchAccounts, showHistory, tableShown } from './support/invoice-list.js';
import { formReady } from './support/pay-invoices.js';
import { fetchFailed, inColumn, served, stillLoading, type CommonArgs } from './support/story.js';

interface ListArgs extends CommonArgs {
  /** The account shown (worker: preselected; contact: fixed). */
  account: string;
  /** `worker`, `contact`, or empty (from the backend's viewer). */
  mode: InvoiceListMode;
  /** Invoices per page. */
  pageSize: number;
}

interface RenderOptions {
  drive?: (el: InvoiceList) => Promise<void>;
  backend?: () => PayInvoicesBackend;
  /** A subclass's tag (default `invoice-list`). */
  tag?: string;
}

/**
 * `<invoice-list>` against the demo backend at `/api/v1` (as the worker Dana unless a backend says
 * otherwise); `tag` renders a subclass registered under another name instead.
 */
function renderList(args: ListArgs, options: RenderOptions = {}) {
  const tag = unsafeStatic(options.tag ?? 'invoice-list');
  return staticHtml`<${tag}
    api-base=${API_BASE}
    account=${args.account}
    mode=${args.mode}
    page-size=${args.pageSize}
    locale=${args.locale}
    theme=${args.theme || nothing}
    .backend=${options.backend?.()}
    ${options.drive ? setup(options.drive) : nothing}
  ></${tag}>`;
}

const meta: Meta<ListArgs> = {
  title: 'Elements/invoice-list',
  component: 'invoice-list',
  args: { account: ACME_ID, mode: 'worker', pageSize: 50, locale: 'en', theme: '' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['', 'worker', 'contact'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    locale: { control: 'select', options: ['en', 'es', 'fr', 'ar'] },
  },
  render: (args) => renderList(args, { drive: tableShown }),
};
export default meta;

type Story = StoryObj<ListArgs>;

/** A worker (Dana) with Acme Hardware's open invoices: Pay Now on each, past-due marked. */
export const WorkerAccount: Story = {
  ...served(demoBackend()),
};

/** A worker with no account chosen yet: the account search, with results for "C-100". */
export const WorkerSearch: Story = {
  ...served(demoBackend()),
  args: { account: '' },
  render: (args) => renderList(args, { drive: (el) => searchAccounts(el, 'C-100') }),
};

/** A customer contact (Pat Buyer): their own account only, no account search. */
export const ContactList: Story = {
  ...served(demoBackend()),
  args: { account: '', mode: 'contact' },
  render: (args) => renderList(args, { backend: contactRestBackend, drive: tableShown }),
};

/**
 * On a phone or in a side panel (a 360 px column here): each invoice is a card with Pay Now in
 * view; the header keeps its sort buttons. Below about 880 px of width the list stacks its rows.
 */
export const Narrow: Story = {
  ...served(demoBackend()),
  args: { account: '', mode: 'contact' },
  decorators: [inColumn(360)],
  render: (args) => renderList(args, { backend: contactRestBackend, drive: tableShown }),
};

/** The invoices are on their way (the demo never answers here). */
export const Loading: Story = {
  ...served(neverAnswersBackend(), { busy: true }),
  render: (args) => renderList(args, { backend: patientRestBackend }),
};

/** No invoices match the filter. */
export const Empty: Story = {
  ...served(noInvoicesBackend()),
  render: (args) => renderList(args),
};

/** The server fails (503 after the client's retries): an error with Try again. */
export const LoadError: Story = {
  ...served(serverErrorBackend(`${API_BASE}/accounts/*`)),
  render: (args) => renderList(args, { drive: (el) => find(el, '.alert.error').then(() => undefined) }),
};

/** The server answers with data that does not match the contract. */
export const MalformedResponse: Story = {
  ...served(malformedBackend(`${API_BASE}/accounts/:accountId/invoices`)),
  render: (args) => renderList(args, { drive: (el) => find(el, '.alert.error').then(() => undefined) }),
};

/** Online payments are switched off: the invoices are listed, without Pay Now, and a notice says so. */
export const FeatureOff: Story = {
  ...served(featureOffBackend()),
};

/** Initech Supply (C-1003) has 10,000 open invoices: paged on the server. */
export const TenThousandInvoices: Story = {
  ...served(demoBackend()),
  args: { account: INITECH_ID },
};

/** The details dialog of INV-10455: lines and its PDF link. */
export const DetailsDialog: Story = {
  ...served(demoBackend()),
  render: (args) => renderList(args, { drive: (el) => openDetails(el, 'INV-10455') }),
};

/** The account's payment history: a card payment and a bank payment still processing. */
export const PaymentHistory: Story = {
  ...served(
    demoBackend((store) => {
      payWithSavedCard(store, 'INV-10421', 73490, 'Past-due invoice');
      payByBank(store, 'INV-10467', 10000);
    }),
  ),
  render: (args) => renderList(args, { drive: showHistory }),
};

/** The payment history in a 360 px column: each payment is a card, its status in view. */
export const NarrowPaymentHistory: Story = {
  ...PaymentHistory,
  decorators: [inColumn(360)],
};

/**
 * An invoice's details on a phone: the list is narrow, so the dialog's lines are cards too (the
 * line, then quantity, unit price and amount with their names).
 */
export const NarrowDetailsDialog: Story = {
  ...DetailsDialog,
  decorators: [inColumn(360)],
};

/** Invoices with payments pending (paid online, not yet posted by the ERP). */
export const PendingPayments: Story = {
  ...served(
    demoBackend((store) => {
      payWithSavedCard(store, 'INV-10421', 20000);
      payByBank(store, 'INV-10467', 10000);
    }),
  ),
};

/** Pay Now continues in place into `<pay-invoices>` for that invoice. */
export const PayNowInPlace: Story = {
  ...served(demoBackend()),
  render: (args) =>
    renderList(args, {
      drive: async (el) => {
        await tableShown(el);
        const payNow = await waitFor(
          () => root(el).querySelector<HTMLButtonElement>('[part="pay-now-button"]'),
          'a Pay Now button',
        );
        await click(el, payNow);
        await formReady(await find<PayInvoices>(el, 'pay-invoices'));
      },
    }),
};

/**
 * `<invoice-list>` on a page where `<pay-invoices>` is not registered yet: the pay view's code is
 * fetched on the first Pay Now (see elements/element-loader.ts). These two subclasses stand for a
 * fetch that is still under way and one that failed, whatever this page registered already.
 */
class PayViewLoadingList extends InvoiceList {
  protected override get payViewDefined(): boolean {
    return false;
  }
  protected override loadPayView(): Promise<void> {
    return stillLoading();
  }
}
class PayViewUnavailableList extends InvoiceList {
  protected override get payViewDefined(): boolean {
    return false;
  }
  protected override loadPayView(): Promise<void> {
    return fetchFailed();
  }
}
defineElement('story-invoice-list-pay-loading', PayViewLoadingList);
defineElement('story-invoice-list-pay-unavailable', PayViewUnavailableList);

/** Presses the first Pay Now and waits for the pay view's progress line or alert (`role`). */
function payNowUntil(role: 'status' | 'alert') {
  return async (el: InvoiceList): Promise<void> => {
    await tableShown(el);
    const payNow = await waitFor(() => root(el).querySelector<HTMLButtonElement>('[part="pay-now-button"]'), 'a Pay Now button');
    await click(el, payNow);
    await find(el, `.pay-load[role="${role}"]`);
  };
}

/** Pay Now while the pay view's code is still being fetched: a focused progress line, and Back. */
export const PayViewLoading: Story = {
  ...served(demoBackend(), { busy: true }),
  render: (args) => renderList(args, { tag: 'story-invoice-list-pay-loading', drive: payNowUntil('status') }),
};

/** Pay Now when the pay view's code cannot be fetched (offline, a blocked file): an alert with Try again and Back. */
export const PayViewUnavailable: Story = {
  ...served(demoBackend()),
  render: (args) => renderList(args, { tag: 'story-invoice-list-pay-unavailable', drive: payNowUntil('alert') }),
};

/** Dark theme. */
export const Dark: Story = {
  ...served(demoBackend()),
  args: { theme: 'dark' },
};

/** Spanish. */
export const Spanish: Story = {
  ...served(demoBackend()),
  args: { locale: 'es' },
};

/** French. */
export const French: Story = {
  ...served(demoBackend()),
  args: { locale: 'fr' },
};

/** Right to left (Arabic locale: the element sets `dir="rtl"`). */
export const RightToLeft: Story = {
  ...served(demoBackend()),
  args: { locale: 'ar' },
};
