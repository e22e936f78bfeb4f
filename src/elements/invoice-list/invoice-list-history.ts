import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PayInvoicesBase } from '../base.js';
import { MalformedResponseError } from '../../backend/errors.js';
import type { PayInvoicesBackend } from '../../backend/types.js';
import { PaymentList, type Payment } from '../../core/schemas.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { invoiceList as messages } from '../../i18n/en/invoice-list.js';
import { formatDate, methodText, moneyText } from './format.js';
import { historyStyles } from './invoice-list.styles.js';
import { NarrowController } from '../narrow.js';

registerDefaultMessages('en', messages);

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * An account's payment history: each payment with its cash receipt number, date, amount, method,
 * the invoices it paid and its status (cash receipt: pending import, imported, posted, reversed;
 * payment: processing, failed…). Rendered by `<invoice-list>`; usable on its own.
 *
 * @tagname invoice-list-history
 * @summary Payment history (cash receipts) of one account.
 *
 * @csspart table - The payments table.
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
 */
export class InvoiceListHistory extends PayInvoicesBase {
  static override styles = historyStyles;

  private _abort?: AbortController;
  private _loadedKey = '';
  private _loadedBackend?: PayInvoicesBackend;
  private _reloadToken = 0;
  /** Below 700 px the payments stack into cards (the status stays in view). */
  private readonly _narrow = new NarrowController(this, 700);

  @state() private _state: LoadState = 'idle';
  @state() private _payments: Payment[] = [];
  @state() private _error: unknown = null;

  /** The account whose payments are shown. */
  @property() account = '';

  /** Invoice numbers by invoice id, used to name the invoices a payment paid (ids are shown otherwise). */
  @property({ attribute: false }) invoiceNumbers: ReadonlyMap<string, string> = new Map();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._loadedKey = '';
    this._loadedBackend = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._loadedKey) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const backend = this.resolvedBackend;
    if (!backend || !this.account) return;
    const key = `${this.account}|${this._reloadToken}`;
    if (key !== this._loadedKey || backend !== this._loadedBackend) {
      this._loadedKey = key;
      this._loadedBackend = backend;
      void this._load();
    }
  }

  private async _load(): Promise<void> {
    const backend = this.resolvedBackend;
    if (!backend) return;
    this._abort?.abort();
    const ctrl = new AbortController();
    this._abort = ctrl;
    this._state = 'loading';
    this._error = null;
    try {
      const items = await backend.listPayments(this.account, ctrl.signal);
      if (ctrl.signal.aborted) return;
      const parsed = PaymentList.safeParse({ items });
      if (!parsed.success) throw new MalformedResponseError('Payment history did not match the contract.');
      this._payments = parsed.data.items;
      this._state = 'ready';
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this._error = e;
      this._state = 'error';
    }
  }

  /** Loads the payment history again. */
  reload(): void {
    this._reloadToken++;
    this.requestUpdate();
  }

  private _statusText(p: Payment): string {
    const parts: string[] = [];
    if (p.cashReceipt) parts.push(this.t(`invoiceList.history.receipt.${p.cashReceipt.status}`));
    if (p.status !== 'succeeded' || !p.cashReceipt) parts.push(this.t(`invoiceList.history.payment.${p.status}`));
    return parts.join(' · ');
  }

  private _invoicesText(p: Payment): string {
    return p.allocations.map((a) => this.invoiceNumbers.get(a.invoiceId) ?? a.invoiceId).join(', ');
  }

  private _renderRow(p: Payment, labels: Record<'date' | 'amount' | 'method' | 'invoices', string>) {
    const receipt = p.cashReceipt;
    const failed = p.status === 'failed' || p.status === 'canceled' || receipt?.status === 'reversed';
    // Roles and column names for the stacked layout (see the styles).
    return html`<tr role="row">
      <th role="rowheader" scope="row">${receipt ? receipt.number : html`<span class="muted">${this.t('invoiceList.history.noReceipt')}</span>`}</th>
      <td role="cell" class="date" data-label=${labels.date}>${formatDate(receipt ? receipt.date : p.createdAt, this.lang_)}</td>
      <td role="cell" class="num amount" data-label=${labels.amount}>${moneyText(p.total, p.currency, this.lang_, (k, v) => this.t(k, v))}</td>
      <td role="cell" class="method" data-label=${labels.method}>${methodText(p.methodSummary, (k, v) => this.t(k, v))}</td>
      <td role="cell" class="invoices" data-label=${labels.invoices}>${this._invoicesText(p)}</td>
      <td role="cell" class=${failed ? 'status bad' : 'status'}>${this._statusText(p)}</td>
    </tr>`;
  }

  override render() {
    const busy = this._state === 'loading' || this._state === 'idle';
    const labels = {
      date: this.t('invoiceList.history.col.date'),
      amount: this.t('invoiceList.history.col.amount'),
      method: this.t('invoiceList.history.col.method'),
      invoices: this.t('invoiceList.history.col.invoices'),
    };
    return html`
      <div class="history" aria-busy=${busy ? 'true' : 'false'}>
        <p class="state" role="status">
          ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${this.t('invoiceList.history.loading')}` : nothing}
          ${this._state === 'ready' && this._payments.length === 0 ? this.t('invoiceList.history.empty') : nothing}
        </p>
        ${this._state === 'error'
          ? html`<div class="alert error" role="alert">
              <p>${this.errorMessage(this._error)}</p>
              <button type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
            </div>`
          : nothing}
        ${this._state === 'ready' && this._payments.length > 0
          ? html`<div class="table-wrap ${this._narrow.narrow ? 'stacked' : ''}">
              <table role="table" part="table">
                <caption class="visually-hidden">${this.t('invoiceList.history.caption')}</caption>
                <thead role="rowgroup">
                  <tr role="row" class=${this._narrow.narrow ? 'visually-hidden' : ''}>
                    <th role="columnheader" scope="col">${this.t('invoiceList.history.col.receipt')}</th>
                    <th role="columnheader" scope="col">${labels.date}</th>
                    <th role="columnheader" scope="col" class="num">${labels.amount}</th>
                    <th role="columnheader" scope="col">${labels.method}</th>
                    <th role="columnheader" scope="col">${labels.invoices}</th>
                    <th role="columnheader" scope="col">${this.t('invoiceList.history.col.status')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${this._payments.map((p) => this._renderRow(p, labels))}
                </tbody>
              </table>
            </div>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-list-history': InvoiceListHistory;
  }
}
