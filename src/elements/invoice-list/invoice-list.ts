import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PayInvoicesBase } from '../base.js';
import { MalformedResponseError } from '../../backend/errors.js';
import type { InvoiceQuery, PayInvoicesBackend } from '../../backend/types.js';
import {
  Account,
  AccountList,
  Invoice,
  InvoicePage,
  Settings,
  Viewer,
  type InvoiceFilter,
  type InvoiceSort,
} from '../../core/schemas.js';
import { isSafeHttpsUrl } from '../../core/text.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { invoiceList as messages } from '../../i18n/en/invoice-list.js';
import {
  formatDate,
  formatQuantity,
  invoiceFlags,
  isPastDue,
  moneyText,
  todayIso,
  type InvoiceFlag,
} from './format.js';
import { invoiceListStyles } from './invoice-list.styles.js';
// The payment history this element renders (registered by the define file), and how it fetches
// and registers <pay-invoices> on the first Pay Now.
import './invoice-list-history.js';
import { loadElement } from '../element-loader.js';
import { NarrowController } from '../narrow.js';

registerDefaultMessages('en', messages);

/** The most invoices rendered at once. */
const MAX_PAGE_SIZE = 50;
/** `worker` searches accounts; `contact` shows one fixed account; empty asks the backend's viewer. */
export type InvoiceListMode = '' | 'worker' | 'contact';

/** Detail of the cancelable `pay-now` event. */
export interface PayNowDetail {
  accountId: string;
  invoiceId: string;
  invoiceNumber: string;
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
type View = 'list' | 'history' | 'pay';
/** Column names the stacked layout shows beside a row's values (data-label). */
interface CellLabels {
  issued: string;
  due: string;
  total: string;
  balance: string;
  pending: string;
}
type Order = 'asc' | 'desc';

interface DetailsState {
  /** The row's invoice (shown at once); `full` arrives from getInvoice. */
  invoice: Invoice;
  full: Invoice | null;
  state: LoadState;
  error: unknown;
}

const SEARCH_DELAY_MS = 300;

/**
 * An account's invoices — status, number, invoice and due dates, total, balance and pending amount —
 * with an **Actions** column whose **Pay Now** appears only on open invoices with something owed
 * (and only when online payments are enabled). Filters by status, sorts by column, searches by
 * number / PO / description, and pages on the server, so accounts with tens of thousands of invoices
 * stay light. In worker mode it starts with an account search; in contact mode the account is fixed.
 *
 * Pay Now fires a cancelable `pay-now`. A host that routes the payment itself cancels it; otherwise
 * the element continues in place into `<pay-invoices>` for that invoice, and comes back to the
 * (reloaded) list on that element's `pay-back`.
 *
 * Narrower than 880 px (a phone, a side panel), each invoice is a card instead of a table row, with
 * Pay Now in view; the payment history does the same under 700 px.
 *
 * @tagname invoice-list
 * @summary Invoices of an account, with Pay Now, details and payment history.
 *
 * @fires {CustomEvent<PayNowDetail>} pay-now - Pay Now was pressed. Cancelable; when not canceled the element shows `<pay-invoices>` in place. Detail: `{accountId, invoiceId, invoiceNumber}`.
 *
 * @csspart toolbar - The bar with the status filter, the invoice search and the payment-history button.
 * @csspart table - The invoices table.
 * @csspart pager - The paging controls.
 * @csspart pay-now-button - Each Pay Now button.
 * @csspart details-button - Each Details button.
 * @csspart account-search - The worker's account search.
 * @csspart dialog - The invoice details dialog.
 *
 * @cssprop [--pi-color-accent=#1d4ed8] - Accent: primary buttons, links, selected rows, focus ring (dark theme: #7aa7ff).
 * @cssprop [--pi-color-accent-contrast=#ffffff] - Text on the accent (dark theme: #0b1220).
 * @cssprop [--pi-color-bg=#ffffff] - Background of the element, fields and dialogs (dark theme: #15181d).
 * @cssprop [--pi-color-surface=#f6f7f9] - Table headers, secondary buttons, alerts (dark theme: #1f242b).
 * @cssprop [--pi-color-text=#1f2328] - Text (dark theme: #e6e9ee).
 * @cssprop [--pi-color-muted=#57606a] - Hints and secondary text (dark theme: #a4adb9).
 * @cssprop [--pi-color-border=#c9ced6] - Borders and rules (dark theme: #3a424d).
 * @cssprop [--pi-color-danger=#b42318] - Errors and past-due marks (dark theme: #ff8c80).
 * @cssprop [--pi-color-success=#1a7f37] - Success messages (dark theme: #6fd08c).
 * @cssprop [--pi-color-warning=#8a5a00] - Pending amounts and warnings (dark theme: #f2c14e).
 * @cssprop --pi-color-scheme - `color-scheme` for native controls; default `light dark`, or the forced theme's.
 * @cssprop --pi-font-family - Font; default the system UI font.
 * @cssprop [--pi-font-size=0.9375rem] - Base font size.
 * @cssprop [--pi-radius=6px] - Corner radius of buttons, fields and boxes.
 * @cssprop [--pi-space=0.5rem] - Base spacing unit.
 * @cssprop [--pi-density=1] - Multiplier of spacing, row and control heights (0.8 compact, 1.2 roomy).
 * @cssprop [--pi-row-height=2.75rem] - Minimum table row height (times the density).
 * @cssprop [--pi-control-height=2.25rem] - Minimum height of buttons and fields (times the density).
 * @cssprop --pi-focus-ring - Focus indicator, a `box-shadow` value; default a 3px accent halo.
 *
 */
export class InvoiceList extends PayInvoicesBase {
  static override styles = invoiceListStyles;

  private _viewerBackend?: PayInvoicesBackend;
  private _viewerAbort?: AbortController;
  private _listAbort?: AbortController;
  private _listKey = '';
  private _listBackend?: PayInvoicesBackend;
  /** Account + settings are loaded with a list load when this key changes. */
  private _accountKey = '';
  private _accountSearchAbort?: AbortController;
  private _accountSearchTimer?: ReturnType<typeof setTimeout>;
  private _invoiceSearchTimer?: ReturnType<typeof setTimeout>;
  private _detailsAbort?: AbortController;
  private _detailsOpener: HTMLElement | null = null;
  private _reloadToken = 0;
  /** Below 880 px the table stacks each invoice into a card (Pay Now stays in view). */
  private readonly _narrow = new NarrowController(this, 880);
  /** Invoice numbers seen on any page, by id (payment history names the invoices it paid). */
  private readonly _invoiceNumbers = new Map<string, string>();
  private _focusAfterRender: (() => HTMLElement | null | undefined) | null = null;
  private readonly _tr = (key: string, params?: Readonly<Record<string, string | number>>): string =>
    this.t(key, params);

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('.list-heading') private _heading?: HTMLElement;

  @state() private _viewer: Viewer | null = null;
  @state() private _viewerState: LoadState = 'idle';
  @state() private _viewerError: unknown = null;

  @state() private _accountInfo: Account | null = null;
  @state() private _settings: Settings | null = null;

  @state() private _listState: LoadState = 'idle';
  @state() private _listError: unknown = null;
  @state() private _page: InvoicePage | null = null;

  @state() private _status: InvoiceFilter = 'open';
  @state() private _sort: InvoiceSort = 'dueDate';
  @state() private _order: Order = 'asc';
  @state() private _search = '';
  @state() private _searchInput = '';
  @state() private _offset = 0;

  @state() private _view: View = 'list';
  @state() private _paySelection: string[] = [];
  /** Fetching `<pay-invoices>` for the pay view failed (while it loads, `payViewDefined` is false). */
  @state() private _payLoadFailed = false;

  @state() private _accountQuery = '';
  @state() private _accountResults: Account[] = [];
  @state() private _accountSearchState: LoadState = 'idle';
  @state() private _accountSearchError: unknown = null;

  @state() private _details: DetailsState | null = null;

  /** The account whose invoices are shown. In contact mode it is fixed (defaults to the contact viewer's account); in worker mode it is preselected and changes when the worker picks an account. */
  @property() account = '';

  /** `worker` (account search) or `contact` (fixed account). Empty: taken from the backend's viewer. */
  @property() mode: InvoiceListMode = '';

  /** Invoices per page (1–50; larger values are capped so the list stays under 2,000 DOM nodes). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  // ------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // After a disconnect every load was aborted and forgotten: start again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._viewerAbort?.abort();
    this._listAbort?.abort();
    this._accountSearchAbort?.abort();
    this._detailsAbort?.abort();
    clearTimeout(this._accountSearchTimer);
    clearTimeout(this._invoiceSearchTimer);
    this._viewerBackend = undefined;
    this._listBackend = undefined;
    this._listKey = '';
    this._accountKey = '';
    if (this._viewerState === 'loading') this._viewerState = 'idle';
    if (this._listState === 'loading') this._listState = 'idle';
    if (this._accountSearchState === 'loading') this._accountSearchState = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('account') && changed.get('account') !== undefined) this._resetForAccount();
    if (changed.has('mode') && changed.get('mode') !== undefined) this._resetForAccount();
    if (!this.isConnected) return;
    const backend = this.resolvedBackend;
    if (!backend) return;

    if (this._needsViewer() && this._viewerBackend !== backend) {
      this._viewerBackend = backend;
      void this._loadViewer(backend);
    }

    const accountId = this._accountId();
    if (!accountId || this._view === 'pay') return;
    const size = this._limit();
    const key = [accountId, this._status, this._search, this._sort, this._order, this._offset, size, this._reloadToken].join('\u0000');
    if (key !== this._listKey || backend !== this._listBackend) {
      this._listKey = key;
      const accountKey = `${accountId}\u0000${this._reloadToken}`;
      const withAccount = accountKey !== this._accountKey || backend !== this._listBackend;
      this._accountKey = accountKey;
      this._listBackend = backend;
      void this._loadList(backend, accountId, withAccount);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this._focusAfterRender) {
      const target = this._focusAfterRender();
      this._focusAfterRender = null;
      target?.focus();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Derived values

  private _resolvedMode(): InvoiceListMode {
    if (this.mode === 'worker' || this.mode === 'contact') return this.mode;
    return this._viewer?.kind ?? '';
  }

  private _needsViewer(): boolean {
    const explicit = this.mode === 'worker' || this.mode === 'contact';
    if (!explicit) return true;
    return this.mode === 'contact' && !this.account;
  }

  /** The account in view, or '' when none is chosen (yet). */
  private _accountId(): string {
    const mode = this._resolvedMode();
    if (mode === 'contact') return this.account || this._viewer?.accountId || '';
    if (mode === 'worker') return this.account;
    return '';
  }

  private _limit(): number {
    const n = Math.floor(Number(this.pageSize));
    // About 30 nodes a row: 50 rows keep the whole view under 2,000 nodes at any account size.
    return Number.isFinite(n) ? Math.min(MAX_PAGE_SIZE, Math.max(1, n)) : MAX_PAGE_SIZE;
  }

  private _resetForAccount(): void {
    this._offset = 0;
    this._search = '';
    this._searchInput = '';
    this._page = null;
    this._settings = null;
    this._accountInfo = null;
    this._listState = 'idle';
    this._listError = null;
    if (this._view === 'history') this._view = 'list';
  }

  // ------------------------------------------------------------------------------------------
  // Loading

  private async _loadViewer(backend: PayInvoicesBackend): Promise<void> {
    this._viewerAbort?.abort();
    const ctrl = new AbortController();
    this._viewerAbort = ctrl;
    this._viewerState = 'loading';
    this._viewerError = null;
    try {
      const raw = await backend.getViewer(ctrl.signal);
      if (ctrl.signal.aborted) return;
      const parsed = Viewer.safeParse(raw);
      if (!parsed.success) throw new MalformedResponseError('The viewer did not match the contract.');
      this._viewer = parsed.data;
      this._viewerState = 'ready';
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this._viewerError = e;
      this._viewerState = 'error';
    }
  }

  private async _loadList(backend: PayInvoicesBackend, accountId: string, withAccount: boolean): Promise<void> {
    this._listAbort?.abort();
    const ctrl = new AbortController();
    this._listAbort = ctrl;
    const { signal } = ctrl;
    this._listState = 'loading';
    this._listError = null;
    const query: InvoiceQuery = {
      status: this._status,
      sort: this._sort,
      order: this._order,
      offset: this._offset,
      limit: this._limit(),
    };
    if (this._search) query.search = this._search;
    try {
      const [rawPage, rawSettings, rawAccount] = await Promise.all([
        backend.listInvoices(accountId, query, signal),
        withAccount ? backend.getSettings(accountId, signal) : Promise.resolve(null),
        withAccount ? backend.getAccount(accountId, signal) : Promise.resolve(null),
      ]);
      if (signal.aborted) return;
      const page = InvoicePage.safeParse(rawPage);
      if (!page.success) throw new MalformedResponseError('The invoice list did not match the contract.');
      if (withAccount) {
        const settings = Settings.safeParse(rawSettings);
        const account = Account.safeParse(rawAccount);
        if (!settings.success || !account.success) throw new MalformedResponseError('The account did not match the contract.');
        this._settings = settings.data;
        this.settingsStripeKey = settings.data.stripePublishableKey ?? '';
        this._accountInfo = account.data;
      }
      for (const inv of page.data.items) this._invoiceNumbers.set(inv.id, inv.number);
      this._page = page.data;
      const limit = this._limit();
      if (page.data.items.length === 0 && page.data.total > 0 && this._offset > 0) {
        // The page ran past the end (invoices were paid meanwhile): go to the last page.
        this._offset = Math.max(0, (Math.ceil(page.data.total / limit) - 1) * limit);
        return;
      }
      this._listState = 'ready';
    } catch (e) {
      if (signal.aborted) return;
      if (withAccount) this._accountKey = '';
      this._listError = e;
      this._listState = 'error';
    }
  }

  private _scheduleAccountSearch(value: string): void {
    this._accountQuery = value;
    clearTimeout(this._accountSearchTimer);
    const q = value.trim();
    if (!q) {
      this._accountSearchAbort?.abort();
      this._accountResults = [];
      this._accountSearchState = 'idle';
      return;
    }
    this._accountSearchTimer = setTimeout(() => void this._searchAccounts(q), SEARCH_DELAY_MS);
  }

  private async _searchAccounts(q: string): Promise<void> {
    const backend = this.resolvedBackend;
    if (!backend) return;
    this._accountSearchAbort?.abort();
    const ctrl = new AbortController();
    this._accountSearchAbort = ctrl;
    this._accountSearchState = 'loading';
    this._accountSearchError = null;
    try {
      const raw = await backend.searchAccounts(q, ctrl.signal);
      if (ctrl.signal.aborted) return;
      const parsed = AccountList.safeParse({ items: raw });
      if (!parsed.success) throw new MalformedResponseError('The account list did not match the contract.');
      this._accountResults = parsed.data.items;
      this._accountSearchState = 'ready';
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this._accountSearchError = e;
      this._accountSearchState = 'error';
    }
  }

  private async _loadDetails(invoice: Invoice): Promise<void> {
    const backend = this.resolvedBackend;
    const accountId = this._accountId();
    if (!backend || !accountId) return;
    this._detailsAbort?.abort();
    const ctrl = new AbortController();
    this._detailsAbort = ctrl;
    this._details = { invoice, full: null, state: 'loading', error: null };
    try {
      const raw = await backend.getInvoice(accountId, invoice.id, ctrl.signal);
      if (ctrl.signal.aborted) return;
      const parsed = Invoice.safeParse(raw);
      if (!parsed.success) throw new MalformedResponseError('The invoice did not match the contract.');
      this._details = { invoice, full: parsed.data, state: 'ready', error: null };
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this._details = { invoice, full: null, state: 'error', error: e };
    }
  }

  // ------------------------------------------------------------------------------------------
  // Event handlers

  private _onAccountInput(e: Event): void {
    this._scheduleAccountSearch((e.target as HTMLInputElement).value);
  }

  private _chooseAccount(account: Account): void {
    clearTimeout(this._accountSearchTimer);
    this._accountSearchAbort?.abort();
    this._accountQuery = '';
    this._accountResults = [];
    this._accountSearchState = 'idle';
    if (this.account !== account.id) this.account = account.id;
    this._view = 'list';
    this._focusAfterRender = () => this._heading;
  }

  private _onStatusChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (value === 'open' || value === 'paid' || value === 'all') {
      this._status = value;
      this._offset = 0;
    }
  }

  private _onInvoiceSearchInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    this._searchInput = value;
    clearTimeout(this._invoiceSearchTimer);
    this._invoiceSearchTimer = setTimeout(() => this._applyInvoiceSearch(), SEARCH_DELAY_MS);
  }

  private _onInvoiceSearchKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(this._invoiceSearchTimer);
      this._applyInvoiceSearch();
    }
  }

  private _applyInvoiceSearch(): void {
    const value = this._searchInput.trim();
    if (value !== this._search) {
      this._search = value;
      this._offset = 0;
    }
  }

  private _sortBy(key: InvoiceSort): void {
    if (this._sort === key) {
      this._order = this._order === 'asc' ? 'desc' : 'asc';
    } else {
      this._sort = key;
      this._order = 'asc';
    }
    this._offset = 0;
  }

  private _goTo(offset: number, e: Event): void {
    const button = e.currentTarget as HTMLButtonElement;
    this._offset = offset;
    // Keep focus in the pager when the pressed button becomes disabled (first or last page).
    this._focusAfterRender = () => {
      if (!button.disabled) return null;
      const pager = this.renderRoot.querySelector('[part="pager"]');
      return pager?.querySelector<HTMLButtonElement>('button:not(:disabled)') ?? this._heading;
    };
  }

  private _payNow(invoice: Invoice): void {
    const accountId = this._accountId();
    const detail: PayNowDetail = { accountId, invoiceId: invoice.id, invoiceNumber: invoice.number };
    const event = new CustomEvent<PayNowDetail>('pay-now', { bubbles: true, composed: true, cancelable: true, detail });
    if (!this.dispatchEvent(event)) return;
    this._listAbort?.abort();
    this._listKey = '';
    this._paySelection = [invoice.id];
    this._view = 'pay';
    this._loadPayView();
  }

  /**
   * Shows the pay view, fetching `<pay-invoices>` first when it is not registered yet. The pressed
   * button is gone: focus moves to the pay view (or to the progress line, then the pay view, or to
   * the error) so keyboard and screen-reader users continue there, not at the top of the page.
   */
  private _loadPayView(): void {
    this._focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('pay-invoices, .pay-load');
    if (this.payViewDefined) return;
    this._payLoadFailed = false;
    this.loadPayView().then(
      () => {
        // Registered now: render the pay view (payViewDefined is not reactive state).
        this.requestUpdate();
        if (this._view === 'pay') this._focusAfterRender = () => this.renderRoot.querySelector('pay-invoices');
      },
      () => {
        this._payLoadFailed = true;
        if (this._view === 'pay') this._focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.pay-load');
      },
    );
  }

  /** A pointer over, or focus on, a Pay Now button starts fetching the pay view, so the click finds it there. */
  private _prefetchPayView(e: Event): void {
    if (this.payViewDefined) return;
    if (!(e.target instanceof Element) || !e.target.closest('[part~="pay-now-button"]')) return;
    this.loadPayView().catch(() => {}); // a failure is shown if the payer clicks
  }

  /** Whether `<pay-invoices>`, which the pay view renders, is registered. */
  protected get payViewDefined(): boolean {
    return customElements.get('pay-invoices') !== undefined;
  }

  /** Fetches and registers `<pay-invoices>` (elements/element-loader.ts); rejects when its code cannot be fetched. */
  protected loadPayView(): Promise<void> {
    return loadElement('pay-invoices');
  }

  private _onPayBack(): void {
    this._view = 'list';
    this._listKey = '';
    this._reloadToken++;
    this._focusAfterRender = () => this._heading;
  }

  private _showHistory(): void {
    this._view = 'history';
    this._focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.history-heading');
  }

  private _hideHistory(): void {
    this._view = 'list';
    this._focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.history-button') ?? this._heading;
  }

  private async _openDetails(invoice: Invoice, e: Event): Promise<void> {
    this._detailsOpener = e.currentTarget as HTMLElement;
    void this._loadDetails(invoice);
    await this.updateComplete;
    const dialog = this._dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  private _closeDetails(): void {
    this._dialog?.close();
  }

  private _onDialogClose(): void {
    this._detailsAbort?.abort();
    this._details = null;
    const opener = this._detailsOpener;
    this._detailsOpener = null;
    if (opener?.isConnected) opener.focus();
    else this._heading?.focus();
  }

  private _onDialogClick(e: MouseEvent): void {
    // A click on the backdrop (the dialog element itself, outside its content box) closes it.
    const dialog = this._dialog;
    if (dialog && e.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside) this._closeDetails();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Public methods

  /** Loads the account, settings and the current page of invoices again (and the payment history when shown). */
  reload(): void {
    this._reloadToken++;
    if (this._viewerState === 'error') this._viewerBackend = undefined;
    if (this._view === 'history') this.renderRoot.querySelector('invoice-list-history')?.reload();
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private _renderAccountSearch(): TemplateResult {
    const state = this._accountSearchState;
    const count = this._accountResults.length;
    let status: string | TemplateResult = '';
    if (state === 'loading') {
      status = html`<span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.search.accounts.searching')}`;
    } else if (state === 'ready') {
      status =
        count === 0
          ? this.t('invoiceList.search.accounts.none', { query: this._accountQuery.trim() })
          : count === 1
            ? this.t('invoiceList.search.accounts.countOne')
            : this.t('invoiceList.search.accounts.count', { count });
    }
    return html`<div class="account-search" part="account-search" role="search" aria-busy=${state === 'loading' ? 'true' : 'false'}>
      <div class="field">
        <label for="account-search">${this.t('invoiceList.search.accounts.label')}</label>
        <input
          id="account-search"
          type="search"
          autocomplete="off"
          aria-describedby="account-search-hint"
          .value=${this._accountQuery}
          @input=${this._onAccountInput}
        />
        <span id="account-search-hint" class="muted">${this.t('invoiceList.search.accounts.hint')}</span>
      </div>
      <p class="state" role="status">${status}</p>
      ${state === 'error'
        ? html`<div class="alert error" role="alert">
            <p>${this.errorMessage(this._accountSearchError)}</p>
            <button type="button" @click=${() => void this._searchAccounts(this._accountQuery.trim())}>
              ${this.t('common.retry')}
            </button>
          </div>`
        : nothing}
      ${state === 'ready' && count > 0
        ? html`<ul class="account-results" aria-label=${this.t('invoiceList.search.accounts.results')}>
            ${this._accountResults.map(
              (a) =>
                html`<li>
                  <button type="button" @click=${() => this._chooseAccount(a)}>
                    ${this.t('invoiceList.search.accounts.option', { name: a.name, number: a.number })}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private _renderSortHeader(key: InvoiceSort, labelKey: string, numeric = false): TemplateResult {
    const active = this._sort === key;
    const sort = active ? (this._order === 'asc' ? 'ascending' : 'descending') : 'none';
    const icon = active ? (this._order === 'asc' ? '▲' : '▼') : '↕';
    return html`<th role="columnheader" scope="col" class=${numeric ? 'num' : ''} aria-sort=${sort}>
      <button type="button" class="sort" @click=${() => this._sortBy(key)}>
        ${this.t(labelKey)}<span class="sort-icon" aria-hidden="true">${icon}</span>
      </button>
    </th>`;
  }

  private _renderRow(
    inv: Invoice,
    flags: InvoiceFlag[] | undefined,
    paymentsOn: boolean,
    today: string,
    labels: CellLabels,
  ): TemplateResult {
    const payable = paymentsOn && !flags && inv.status === 'open' && inv.balance > 0;
    const pastDue = isPastDue(inv, today);
    const lang = this.lang_;
    const sub = [inv.poNumber ? this.t('invoiceList.po', { po: inv.poNumber }) : '', inv.description ?? '']
      .filter(Boolean)
      .join(' · ');
    const flagText = flags
      ? `${this.t('invoiceList.flag.prefix')}: ${flags
          .map((f) => this.t(`invoiceList.flag.${f}`, { currency: inv.currency }))
          .join(', ')}`
      : '';
    const status = this.t(`common.status.${inv.status}`);
    // F30: every node counts on a 50-row page, so rows have no whitespace between cells and plain
    // text cells use a `.textContent` property binding (still text, never HTML; no marker comment).
    // The buttons' accessible names add the invoice number to the visible text ("Pay Now invoice
    // INV-1001") through aria-label, which costs no nodes either.
    // The row's cells carry their roles and column names for the stacked (narrow) layout, where
    // CSS lays each row out as a card: browsers may drop a table's semantics once its rows are not
    // laid out as table rows, and the card shows the column names the hidden header row would.
    return html`<tr role="row"
      ><td role="cell" class="status"
        >${status} <span
          class="badge"
          ?hidden=${!pastDue}
          .textContent=${pastDue ? this.t('invoiceList.pastDue') : ''}
        ></span></td
      ><th role="rowheader" scope="row">${inv.number}<span class="sub" ?hidden=${!sub} .textContent=${sub}></span></th
      ><td role="cell" class="issued" data-label=${labels.issued} .textContent=${formatDate(inv.invoiceDate, lang)}></td
      ><td role="cell" class="due" data-label=${labels.due} .textContent=${formatDate(inv.dueDate, lang)}></td
      ><td role="cell" class="num total" data-label=${labels.total} .textContent=${moneyText(inv.total, inv.currency, lang, this._tr)}></td
      ><td role="cell" class="num balance" data-label=${labels.balance} .textContent=${moneyText(inv.balance, inv.currency, lang, this._tr)}></td
      ><td
        role="cell"
        class="num pending ${inv.pending > 0 ? '' : 'none'}"
        data-label=${labels.pending}
        .textContent=${inv.pending > 0
          ? moneyText(inv.pending, inv.currency, lang, this._tr)
          : this.t('invoiceList.noPending')}
      ></td
      ><td role="cell" class="actions">${payable
          ? html`<button
              type="button"
              class="primary"
              part="pay-now-button"
              aria-label=${this.t('invoiceList.payNow.label', { number: inv.number })}
              .textContent=${this.t('invoiceList.payNow')}
              @click=${() => this._payNow(inv)}
            ></button>`
          : nothing}<button
          type="button"
          part="details-button"
          aria-label=${this.t('invoiceList.details.label', { number: inv.number })}
          .textContent=${this.t('invoiceList.details')}
          @click=${(e: Event) => void this._openDetails(inv, e)}
        ></button
        >${flags ? html`<span class="flag">${flagText}</span>` : nothing}</td
      ></tr
    >`;
  }

  private _emptyMessage(): string {
    const filter = this._status === 'open' ? 'Open' : this._status === 'paid' ? 'Paid' : 'All';
    if (this._search) return this.t(`invoiceList.empty.search${filter}`, { search: this._search });
    return this.t(`invoiceList.empty.${this._status}`);
  }

  private _renderList(accountId: string): TemplateResult {
    const page = this._page;
    const loading = this._listState === 'loading' || this._listState === 'idle';
    const limit = this._limit();
    const total = page?.total ?? 0;
    const pages = Math.max(1, Math.ceil(total / limit));
    const current = Math.min(pages, Math.floor(this._offset / limit) + 1);
    const items = page?.items ?? [];
    const settingsOff = this._settings !== null && !this._settings.onlinePaymentsEnabled;
    const paymentsOn = this._settings?.onlinePaymentsEnabled === true;
    const lastOffset = (pages - 1) * limit;

    let status: string | TemplateResult = '';
    if (loading) {
      status = html`<span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.loading')}`;
    } else if (this._listState === 'ready') {
      status =
        items.length === 0
          ? this._emptyMessage()
          : this.t('invoiceList.summary', {
              count:
                total === 1
                  ? this.t('invoiceList.countOne')
                  : this.t('invoiceList.count', { count: formatQuantity(total, this.lang_) }),
              page: formatQuantity(current, this.lang_),
              pages: formatQuantity(pages, this.lang_),
            });
    }

    const flags = invoiceFlags(items);
    const today = todayIso();
    // Stacked into cards, the header row keeps only its sort buttons on screen.
    const hideInCards = this._narrow.narrow ? 'visually-hidden' : '';
    const labels: CellLabels = {
      issued: this.t('invoiceList.col.invoiceDate'),
      due: this.t('invoiceList.col.dueDate'),
      total: this.t('invoiceList.col.total'),
      balance: this.t('invoiceList.col.balance'),
      pending: this.t('invoiceList.col.pending'),
    };
    const showTable = items.length > 0 && this._listState !== 'error';

    return html`
      ${settingsOff ? html`<p class="alert warning">${this.t('invoiceList.paymentsUnavailable')}</p>` : nothing}
      <div class="bar" part="toolbar" role="group" aria-label=${this.t('invoiceList.toolbar.label')}>
        <div class="field">
          <label for="status-filter">${this.t('invoiceList.filter.label')}</label>
          <select id="status-filter" @change=${this._onStatusChange}>
            <option value="open" ?selected=${this._status === 'open'}>${this.t('invoiceList.filter.open')}</option>
            <option value="paid" ?selected=${this._status === 'paid'}>${this.t('invoiceList.filter.paid')}</option>
            <option value="all" ?selected=${this._status === 'all'}>${this.t('invoiceList.filter.all')}</option>
          </select>
        </div>
        <div class="field grow">
          <label for="invoice-search">${this.t('invoiceList.search.invoices.label')}</label>
          <input
            id="invoice-search"
            type="search"
            autocomplete="off"
            placeholder=${this.t('invoiceList.search.invoices.placeholder')}
            .value=${this._searchInput}
            @input=${this._onInvoiceSearchInput}
            @keydown=${this._onInvoiceSearchKey}
          />
        </div>
        <button type="button" class="history-button" @click=${this._showHistory} ?disabled=${!accountId}>
          ${this.t('invoiceList.history.open')}
        </button>
      </div>
      <p class="state" role="status">${status}</p>
      ${this._listState === 'error'
        ? html`<div class="alert error" role="alert">
            <p>${this.errorMessage(this._listError)}</p>
            <button type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
          </div>`
        : nothing}
      ${showTable
        ? html`<div
              class="table-wrap ${loading ? 'busy' : ''} ${this._narrow.narrow ? 'stacked' : ''}"
              aria-busy=${loading ? 'true' : 'false'}
            >
              <table role="table" part="table" @pointerover=${this._prefetchPayView} @focusin=${this._prefetchPayView}>
                <caption class="visually-hidden">${this.t('invoiceList.table.caption', {
                  page: formatQuantity(current, this.lang_),
                  pages: formatQuantity(pages, this.lang_),
                })}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col" class=${hideInCards}>${this.t('invoiceList.col.status')}</th>
                    ${this._renderSortHeader('number', 'invoiceList.col.number')}
                    ${this._renderSortHeader('invoiceDate', 'invoiceList.col.invoiceDate')}
                    ${this._renderSortHeader('dueDate', 'invoiceList.col.dueDate')}
                    ${this._renderSortHeader('total', 'invoiceList.col.total', true)}
                    ${this._renderSortHeader('balance', 'invoiceList.col.balance', true)}
                    <th role="columnheader" scope="col" class="num ${hideInCards}">${this.t('invoiceList.col.pending')}</th>
                    <th role="columnheader" scope="col" class=${hideInCards}>${this.t('invoiceList.col.actions')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${items.map((inv, i) => this._renderRow(inv, flags.get(i), paymentsOn, today, labels))}
                </tbody>
              </table>
            </div>
            <nav class="pager" part="pager" aria-label=${this.t('invoiceList.pager.label')}>
              <button type="button" ?disabled=${current <= 1} @click=${(e: Event) => this._goTo(0, e)}>
                ${this.t('invoiceList.pager.first')}
              </button>
              <button type="button" ?disabled=${current <= 1} @click=${(e: Event) => this._goTo(Math.max(0, this._offset - limit), e)}>
                ${this.t('invoiceList.pager.previous')}
              </button>
              <span class="page">${this.t('invoiceList.pager.page', {
                page: formatQuantity(current, this.lang_),
                pages: formatQuantity(pages, this.lang_),
              })}</span>
              <button type="button" ?disabled=${current >= pages} @click=${(e: Event) => this._goTo(Math.min(lastOffset, this._offset + limit), e)}>
                ${this.t('invoiceList.pager.next')}
              </button>
              <button type="button" ?disabled=${current >= pages} @click=${(e: Event) => this._goTo(lastOffset, e)}>
                ${this.t('invoiceList.pager.last')}
              </button>
            </nav>`
        : nothing}
    `;
  }

  private _renderHistory(accountId: string): TemplateResult {
    return html`<section aria-labelledby="history-heading">
      <div class="history-head">
        <h2 id="history-heading" class="history-heading" tabindex="-1">${this.t('invoiceList.history.heading')}</h2>
        <button type="button" @click=${this._hideHistory}>${this.t('invoiceList.history.back')}</button>
      </div>
      <invoice-list-history
        account=${accountId}
        .invoiceNumbers=${this._invoiceNumbers}
        .backend=${this.resolvedBackend}
        locale=${this.locale}
        theme=${this.theme}
      ></invoice-list-history>
    </section>`;
  }

  private _renderDetailsBody(d: DetailsState): TemplateResult {
    const inv = d.full ?? d.invoice;
    const lang = this.lang_;
    const money = (amount: number) => moneyText(amount, inv.currency, lang, this._tr);
    const pdf = d.full?.pdfUrl;
    // On a narrow list (a phone), the lines stack into cards like the invoices.
    const stacked = this._narrow.narrow;
    const qty = this.t('invoiceList.details.line.quantity');
    const unitPrice = this.t('invoiceList.details.line.unitPrice');
    const amount = this.t('invoiceList.details.line.amount');
    return html`
      <dl>
        <dt>${this.t('invoiceList.details.status')}</dt>
        <dd>${this.t(`common.status.${inv.status}`)}${isPastDue(inv, todayIso()) ? ` · ${this.t('invoiceList.pastDue')}` : ''}</dd>
        <dt>${this.t('invoiceList.details.invoiceDate')}</dt>
        <dd>${formatDate(inv.invoiceDate, lang)}</dd>
        <dt>${this.t('invoiceList.details.dueDate')}</dt>
        <dd>${formatDate(inv.dueDate, lang)}</dd>
        ${inv.poNumber
          ? html`<dt>${this.t('invoiceList.details.po')}</dt>
              <dd>${inv.poNumber}</dd>`
          : nothing}
        ${inv.description
          ? html`<dt>${this.t('invoiceList.details.description')}</dt>
              <dd>${inv.description}</dd>`
          : nothing}
        <dt>${this.t('invoiceList.details.total')}</dt>
        <dd>${money(inv.total)}</dd>
        <dt>${this.t('invoiceList.details.balance')}</dt>
        <dd>${money(inv.balance)}</dd>
        <dt>${this.t('invoiceList.details.pending')}</dt>
        <dd>${inv.pending > 0 ? money(inv.pending) : this.t('invoiceList.noPending')}</dd>
      </dl>
      <p class="state" role="status">
        ${d.state === 'loading'
          ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.details.loading')}`
          : nothing}
      </p>
      ${d.state === 'error'
        ? html`<div class="alert error" role="alert">
            <p>${this.errorMessage(d.error)}</p>
            <button type="button" @click=${() => void this._loadDetails(d.invoice)}>${this.t('common.retry')}</button>
          </div>`
        : nothing}
      ${d.full
        ? html`<h3>${this.t('invoiceList.details.lines')}</h3>
            ${d.full.lines && d.full.lines.length > 0
              ? html`<div class="table-wrap lines ${stacked ? 'stacked' : ''}">
                  <table role="table">
                    <thead role="rowgroup">
                      <tr role="row" class=${stacked ? 'visually-hidden' : ''}>
                        <th role="columnheader" scope="col">${this.t('invoiceList.details.line.description')}</th>
                        <th role="columnheader" scope="col" class="num">${qty}</th>
                        <th role="columnheader" scope="col" class="num">${unitPrice}</th>
                        <th role="columnheader" scope="col" class="num">${amount}</th>
                      </tr>
                    </thead>
                    <tbody role="rowgroup">
                      ${d.full.lines.map(
                        (l) => html`<tr role="row">
                          <td role="cell" class="line">${l.sku ? `${l.sku} · ` : ''}${l.description}</td>
                          <td role="cell" class="num qty" data-label=${qty}>${formatQuantity(l.quantity, lang)}</td>
                          <td role="cell" class="num unit" data-label=${unitPrice}>${money(l.unitPrice)}</td>
                          <td role="cell" class="num amount" data-label=${amount}>${money(l.amount)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
              : html`<p class="muted">${this.t('invoiceList.details.noLines')}</p>`}
            ${pdf && isSafeHttpsUrl(pdf)
              ? html`<p><a href=${new URL(pdf).href} target="_blank" rel="noopener noreferrer">${this.t('invoiceList.details.pdf')}</a></p>`
              : pdf
                ? html`<p class="muted">${this.t('invoiceList.details.pdfUnavailable')}</p>`
                : nothing}`
        : nothing}
    `;
  }

  private _renderDialog(): TemplateResult {
    const d = this._details;
    return html`<dialog
      part="dialog"
      aria-labelledby=${d ? 'details-title' : nothing}
      @close=${this._onDialogClose}
      @click=${this._onDialogClick}
    >
      ${d
        ? html`<div class="dialog-head">
              <h2 id="details-title">${this.t('invoiceList.details.title', { number: d.invoice.number })}</h2>
              <button type="button" class="close" @click=${this._closeDetails}>${this.t('invoiceList.details.close')}</button>
            </div>
            ${this._renderDetailsBody(d)}`
        : nothing}
    </dialog>`;
  }

  /** The pay view while its code loads, or when it could not be loaded. */
  private _renderPayLoad(): TemplateResult {
    const failed = this._payLoadFailed;
    return html`<section class="invoice-list" aria-labelledby="list-heading" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="list-heading" class="list-heading">${this.t('invoiceList.pay.heading')}</h2>
      ${failed
        ? html`<div class="alert error pay-load" role="alert" tabindex="-1">
            <p>${this.t('common.error.collectorLoad')}</p>
            <button type="button" @click=${this._loadPayView}>${this.t('common.retry')}</button>
            <button type="button" @click=${this._onPayBack}>${this.t('common.back')}</button>
          </div>`
        : html`<p class="state pay-load" role="status" tabindex="-1">
              <span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.pay.loading')}
            </p>
            <button type="button" @click=${this._onPayBack}>${this.t('common.back')}</button>`}
    </section>`;
  }

  override render() {
    const accountId = this._accountId();
    if (this._view === 'pay' && accountId && !this.payViewDefined) return this._renderPayLoad();
    if (this._view === 'pay' && accountId) {
      return html`<pay-invoices
        account=${accountId}
        .selectedInvoiceIds=${this._paySelection}
        .backend=${this.resolvedBackend}
        .collector=${this.resolvedCollector}
        locale=${this.locale}
        theme=${this.theme}
        show-back
        tabindex="-1"
        @pay-back=${this._onPayBack}
      ></pay-invoices>`;
    }

    const mode = this._resolvedMode();
    const info = this._accountInfo;
    const heading =
      info && info.id === accountId
        ? this.t('invoiceList.headingFor', { name: info.name, number: info.number })
        : this.t('invoiceList.heading');
    const viewerLoading = this._needsViewer() && (this._viewerState === 'loading' || this._viewerState === 'idle');

    let body: TemplateResult | typeof nothing;
    if (this._viewerState === 'error' && this._needsViewer()) {
      body = html`<div class="alert error" role="alert">
        <p>${this.errorMessage(this._viewerError)}</p>
        <button type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
      </div>`;
    } else if (viewerLoading && !accountId) {
      body = html`<p class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.loadingAccount')}
      </p>`;
    } else if (!accountId) {
      body = mode === 'worker' ? html`<p class="muted">${this.t('invoiceList.search.accounts.choose')}</p>` : nothing;
    } else if (this._view === 'history') {
      body = this._renderHistory(accountId);
    } else {
      body = this._renderList(accountId);
    }

    const busy = viewerLoading || (accountId !== '' && (this._listState === 'loading' || this._listState === 'idle'));
    return html`
      <section class="invoice-list" aria-labelledby="list-heading" aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="list-heading" class="list-heading" tabindex="-1">${heading}</h2>
        ${mode === 'worker' ? this._renderAccountSearch() : nothing} ${body}
      </section>
      ${this._renderDialog()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-list': InvoiceList;
  }
  interface GlobalEventHandlersEventMap {
    'pay-now': CustomEvent<PayNowDetail>;
  }
}
