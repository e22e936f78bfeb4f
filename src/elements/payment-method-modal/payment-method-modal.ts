import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PayInvoicesBase } from '../base.js';
import { formatMoney } from '../../core/money.js';
import { fillMandate, todayText } from '../format.js';
import type { MethodSummary, MethodType, Settings } from '../../core/schemas.js';
import { CollectorError, isValidatingSession, type CollectorSession } from '../../collectors/types.js';
import type { CollectorChangeDetail } from '../../collectors/sandbox-collector.js';
import { deepActiveElement } from '../../dom/focus.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { paymentMethodModal as messages } from '../../i18n/en/payment-method-modal.js';
import { paymentMethodModalStyles } from './payment-method-modal.styles.js';

registerDefaultMessages('en', messages);

/** The ACH debit authorization the payer accepted (F23): exactly the text shown, when, and which account. */
export interface AchAuthorizationAccepted {
  text: string;
  /** ISO 8601 instant of acceptance. */
  acceptedAt: string;
  accountLast4: string;
}

/** Detail of `method-collected`: an opaque token and a display summary, never a full number or CVC. */
export interface MethodCollectedDetail {
  token: string;
  summary: MethodSummary;
  /** "Save for future payments" was checked. */
  save: boolean;
  /** Bank accounts only: the accepted authorization. */
  achAuthorization?: AchAuthorizationAccepted;
  /** Bank accounts only: the "Name on account" the payer typed. */
  accountHolderName?: string;
}

/** Detail of `method-cancel`: which entry form was dismissed. */
export interface MethodCancelDetail {
  type: MethodType;
}

type Phase = 'closed' | 'loading' | 'ready' | 'unavailable';
type OwnField = 'holder-name' | 'mandate-accept';
type AccountType = 'checking' | 'savings';

/**
 * "Enter Card Info" / "Enter Bank Info": a native modal `<dialog>` around a payment collector's
 * fields. Returns an opaque token and a display summary by event; full numbers stay in the
 * collector's fields.
 *
 * The split between modal and collector: the collector's session element renders the number
 * fields (card number, expiration, CVC, ZIP; or routing number, account number, confirmation) and
 * validates them; the modal renders what is not a number — name on account, account type, the ACH
 * authorization (mandate) with its required checkbox, and "Save for future payments" — and the
 * title, buttons, busy state and the announced error summary.
 *
 * The collector is the `collector` property, else a `collectorContext` provider's, else a Stripe
 * collector for `stripe-key`, else the TEST MODE sandbox (inside `<pay-invoices>`, the form's).
 *
 * @tagname payment-method-modal
 * @summary Modal dialog to enter a card or bank account through a payment collector.
 *
 * @fires method-collected - `{token, summary, save, achAuthorization?, accountHolderName?}` after a
 *   method was entered and tokenized. Never carries a full number or CVC.
 * @fires method-cancel - `{type}` when the payer dismissed the dialog (Escape or Cancel).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart form-error - An error that belongs to no single field.
 * @csspart mandate - The ACH authorization box.
 * @csspart actions - The button row.
 * @csspart submit-button - "Use this card" / "Use this bank account".
 * @csspart cancel-button - "Cancel".
 *
 * @cssprop [--pi-modal-width=32rem] - Width of the dialog (capped by the viewport).
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
export class PaymentMethodModal extends PayInvoicesBase {
  static override styles = paymentMethodModalStyles;

  private _opener: HTMLElement | null = null;
  private _collected?: MethodCollectedDetail;
  private _silentClose = false;
  private _openSeq = 0;

  @query('dialog') private _dialog!: HTMLDialogElement;
  @query('form') private _form!: HTMLFormElement;

  @state() private _phase: Phase = 'closed';
  @state() private _session?: CollectorSession;
  @state() private _sessionType: MethodType = 'card';
  @state() private _busy = false;
  @state() private _unavailable = '';
  @state() private _formError = '';
  @state() private _announcement = '';
  @state() private _errors: Partial<Record<OwnField, string>> = {};
  @state() private _accountLast4 = '';

  /** Which method the dialog enters: `card` or `ach` (bank account). Read when the dialog opens. */
  @property({ reflect: true }) type: MethodType = 'card';

  /** Payment settings; `achMandateText` is the authorization shown for bank accounts. */
  @property({ attribute: false }) settings?: Settings;

  /** The amount being authorized, shown in the ACH authorization text (`{amount}`). */
  @property({ attribute: false }) amount?: { amount: number; currency: string };

  /** The payee's name for the ACH authorization text (`{company}`). */
  @property() company = '';

  /** True while the dialog is open. */
  get opened(): boolean {
    return this._phase !== 'closed';
  }


  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._openSeq++;
    this._session?.destroy();
    this._session = undefined;
    this._phase = 'closed';
  }

  // ---------------------------------------------------------------------------------------------

  private async loadSession(): Promise<void> {
    const seq = ++this._openSeq;
    const type = this.type === 'ach' ? 'ach' : 'card';
    this._session?.destroy();
    this._session = undefined;
    this._sessionType = type;
    this._phase = 'loading';
    this._unavailable = '';
    const collector = this.resolvedCollector;
    try {
      const availability = await collector.availability(type);
      if (seq !== this._openSeq) return;
      if (!availability.available) {
        this._unavailable = this.t(`paymentMethodModal.unavailable.${type}`, { reason: availability.reason });
        this._phase = 'unavailable';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLButtonElement>('[part~="cancel-button"]')?.focus();
        return;
      }
      const session = await collector.open({ type, locale: this.lang_, host: this });
      if (seq !== this._openSeq) {
        session.destroy();
        return;
      }
      this._session = session;
      this._phase = 'ready';
      await this.updateComplete;
      this.focusFirstField();
    } catch {
      if (seq !== this._openSeq) return;
      this._unavailable = this.t('paymentMethodModal.unavailable.generic');
      this._phase = 'unavailable';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="cancel-button"]')?.focus();
    }
  }

  private focusFirstField(): void {
    if (this._sessionType === 'ach') this.ownInput('holder-name')?.focus();
    else this._session?.focus();
  }

  private ownInput(id: OwnField): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  private resetForm(): void {
    this._form?.reset();
    this._errors = {};
    this._formError = '';
    this._announcement = '';
    this._unavailable = '';
    this._accountLast4 = '';
    this._busy = false;
  }

  /** Replaces the live region's text (cleared first so the same message is announced again). */
  private async announce(text: string): Promise<void> {
    this._announcement = '';
    await this.updateComplete;
    this._announcement = text;
  }

  private onCancel(event: Event): void {
    // Escape while the details are being checked: let the check finish.
    if (this._busy) event.preventDefault();
  }

  private onDialogClose(): void {
    const type = this._sessionType;
    const collected = this._collected;
    const cancelled = !collected && !this._silentClose;
    this._collected = undefined;
    this._silentClose = false;
    this._openSeq++;
    this._session?.destroy();
    this._session = undefined;
    this._phase = 'closed';
    this.resetForm();
    const target = this._opener;
    this._opener = null;
    if (target?.isConnected) target.focus();
    if (collected) {
      this.dispatchEvent(
        new CustomEvent<MethodCollectedDetail>('method-collected', { detail: collected, bubbles: true, composed: true }),
      );
    } else if (cancelled) {
      this.dispatchEvent(
        new CustomEvent<MethodCancelDetail>('method-cancel', { detail: { type }, bubbles: true, composed: true }),
      );
    }
  }

  private onCancelClick(): void {
    if (this._busy) return;
    this._dialog.close();
  }

  private onCollectorChange(event: CustomEvent<CollectorChangeDetail>): void {
    event.stopPropagation();
    this._accountLast4 = event.detail.complete && event.detail.last4 ? event.detail.last4 : '';
  }

  private onOwnInput(event: Event): void {
    const id = (event.target as HTMLInputElement).id as OwnField;
    if (this._errors[id]) this._errors = { ...this._errors, [id]: undefined };
  }

  private validateOwn(): Partial<Record<OwnField, string>> {
    const errors: Partial<Record<OwnField, string>> = {};
    if (this._sessionType === 'ach') {
      if ((this.ownInput('holder-name')?.value ?? '').trim() === '') {
        errors['holder-name'] = this.t('paymentMethodModal.error.holderName');
      }
      if (!this.ownInput('mandate-accept')?.checked) {
        errors['mandate-accept'] = this.t('paymentMethodModal.error.mandate');
      }
    }
    return errors;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this._session;
    if (this._busy || !session || this._phase !== 'ready') return;
    const type = this._sessionType;
    this._formError = '';

    // 1. Check everything the payer can fix, so all errors show at once.
    const own = this.validateOwn();
    const collectorErrors = isValidatingSession(session) ? session.validate() : [];
    this._errors = own;
    if (own['holder-name'] || own['mandate-accept'] || collectorErrors.length > 0) {
      const list = [own['holder-name'], ...collectorErrors.map((e) => e.message), own['mandate-accept']];
      await this.updateComplete;
      if (own['holder-name']) this.ownInput('holder-name')?.focus();
      else if (collectorErrors.length > 0) session.focus();
      else this.ownInput('mandate-accept')?.focus();
      void this.announce(
        this.t('paymentMethodModal.error.summary', { messages: list.filter((m): m is string => !!m).join(' ') }),
      );
      return;
    }

    // 2. Tokenize.
    const holderName = (this.ownInput('holder-name')?.value ?? '').trim();
    const accountType: AccountType =
      this.renderRoot.querySelector<HTMLInputElement>('input[name="account-type"]:checked')?.value === 'savings'
        ? 'savings'
        : 'checking';
    const save = this.renderRoot.querySelector<HTMLInputElement>('#save')?.checked ?? false;
    if (isValidatingSession(session)) session.setBillingDetails({ name: holderName, accountType });
    this._busy = true;
    this._announcement = this.t('paymentMethodModal.working');
    let token: string;
    let summary: MethodSummary;
    try {
      ({ token, summary } = await session.collect());
    } catch (error) {
      if (this._session !== session) return;
      this._busy = false;
      await this.updateComplete;
      if (error instanceof CollectorError && error.field) {
        session.focus();
        void this.announce(error.message);
      } else {
        this._formError = error instanceof CollectorError ? error.message : this.t('paymentMethodModal.error.generic');
        this._announcement = '';
        session.focus();
      }
      return;
    }
    if (this._session !== session) return;

    // 3. Hand back the token and summary, never a number.
    let detail: MethodCollectedDetail;
    if (type === 'ach' && summary.type === 'ach') {
      summary = { ...summary, accountType };
      detail = {
        token,
        summary,
        save,
        achAuthorization: {
          text: this.mandateText(summary.last4),
          acceptedAt: new Date().toISOString(),
          accountLast4: summary.last4,
        },
        accountHolderName: holderName,
      };
    } else {
      detail = { token, summary, save };
    }
    // Fired from the close handler, after focus went back to the opener.
    this._busy = false;
    this._collected = detail;
    this._dialog.close();
  }

  /** The authorization text with what is known filled in (amount, date, account, payee). */
  private mandateText(accountLast4: string): string {
    const template = this.settings?.achMandateText?.trim() || this.t('paymentMethodModal.mandate.default');
    let amount = this.t('paymentMethodModal.mandate.amountGeneric');
    if (this.amount) {
      try {
        amount = formatMoney(this.amount.amount, this.amount.currency, this.lang_);
      } catch {
        // keep the generic words
      }
    }
    return fillMandate(template, {
      company: this.company.trim() || this.t('paymentMethodModal.mandate.companyGeneric'),
      amount,
      date: todayText(this.lang_),
      account: accountLast4
        ? this.t('paymentMethodModal.mandate.accountEnding', { last4: accountLast4 })
        : this.t('paymentMethodModal.mandate.accountGeneric'),
    });
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The type changed while the dialog is open: swap the fields.
    if (changed.has('type') && this.opened && this.type !== this._sessionType && !this._busy) {
      this.resetForm();
      void this.loadSession();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Opens the dialog and moves focus to its first field. When it closes, focus returns to `opener`
   * (or to the element focused before). Resolves once the fields are ready (or unavailable).
   */
  async open(opener?: HTMLElement): Promise<void> {
    // Not in a document (nothing can be shown) or already open: nothing to do.
    if (this.opened || !this.isConnected) return;
    this._opener = opener ?? deepActiveElement();
    this._collected = undefined;
    this._silentClose = false;
    this.resetForm();
    this._phase = 'loading';
    await this.updateComplete;
    if (!this._dialog.open) this._dialog.showModal();
    await this.loadSession();
  }

  /** Closes the dialog without firing `method-cancel`; anything typed is forgotten. */
  close(): void {
    if (!this._dialog?.open) return;
    this._silentClose = true;
    this._dialog.close();
  }

  // ---------------------------------------------------------------------------------------------

  private renderOwnError(id: OwnField) {
    const message = this._errors[id];
    return message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing;
  }

  private renderAchBefore() {
    const error = this._errors['holder-name'];
    return html`
      <div class="field">
        <label for="holder-name">${this.t('paymentMethodModal.holderName')}</label>
        <input
          id="holder-name"
          name="holder-name"
          type="text"
          autocomplete="name"
          required
          maxlength="200"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? 'holder-name-error' : undefined)}
          @input=${this.onOwnInput}
        />
        ${this.renderOwnError('holder-name')}
      </div>
    `;
  }

  private renderAchAfter() {
    const error = this._errors['mandate-accept'];
    const describedBy = error ? 'mandate-text mandate-accept-error' : 'mandate-text';
    return html`
      <fieldset>
        <legend>${this.t('paymentMethodModal.accountType')}</legend>
        <div class="choices">
          <label class="check">
            <input type="radio" name="account-type" value="checking" checked />
            ${this.t('paymentMethodModal.accountType.checking')}
          </label>
          <label class="check">
            <input type="radio" name="account-type" value="savings" />
            ${this.t('paymentMethodModal.accountType.savings')}
          </label>
        </div>
      </fieldset>
      <section class="mandate" part="mandate" aria-labelledby="mandate-heading">
        <h3 id="mandate-heading">${this.t('paymentMethodModal.mandate.heading')}</h3>
        <p class="mandate-text" id="mandate-text">${this.mandateText(this._accountLast4)}</p>
        <label class="check">
          <input
            id="mandate-accept"
            name="mandate-accept"
            type="checkbox"
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${this.onOwnInput}
          />
          <span>${this.t('paymentMethodModal.mandate.accept')}</span>
        </label>
        ${this.renderOwnError('mandate-accept')}
      </section>
    `;
  }

  private renderBody() {
    const type = this._sessionType;
    if (this._phase === 'loading' || this._phase === 'closed') {
      return html`<p class="loading" role="status">
        <span class="spinner" aria-hidden="true"></span>${this.t('paymentMethodModal.loading')}
      </p>`;
    }
    // 'unavailable': the reason is in the alert region at the top.
    if (this._phase === 'unavailable') return nothing;
    return html`
      ${type === 'ach' ? this.renderAchBefore() : nothing}
      <div class="collector" @collector-change=${this.onCollectorChange}>${this._session?.element}</div>
      ${type === 'ach' ? this.renderAchAfter() : nothing}
      <label class="check">
        <input id="save" name="save" type="checkbox" />
        <span>${this.t('paymentMethodModal.save')}</span>
      </label>
    `;
  }

  override render() {
    const type = this._sessionType;
    const ready = this._phase === 'ready';
    return html`
      <dialog
        part="dialog"
        aria-labelledby="title"
        aria-busy=${this._busy || this._phase === 'loading' ? 'true' : 'false'}
        @cancel=${this.onCancel}
        @close=${this.onDialogClose}
      >
        <form novalidate @submit=${this.onSubmit}>
          <h2 id="title" part="title">${this.t(`paymentMethodModal.title.${type}`)}</h2>
          <div class="announce" role="alert">${this._formError || this._unavailable
            ? html`<p class="alert error" part="form-error">${this._formError || this._unavailable}</p>`
            : nothing}${this._announcement
            ? html`<span class="visually-hidden">${this._announcement}</span>`
            : nothing}</div>
          ${this.renderBody()}
          <div class="actions" part="actions">
            <button type="button" part="cancel-button" @click=${this.onCancelClick}>
              ${this.t(ready ? 'paymentMethodModal.cancel' : 'paymentMethodModal.close')}
            </button>
            ${ready
              ? html`<button type="submit" class="primary" part="submit-button" ?disabled=${this._busy}
                  aria-busy=${this._busy ? 'true' : 'false'}>
                  ${this._busy ? html`<span class="spinner" aria-hidden="true"></span> ` : nothing}${this.t(
                    `paymentMethodModal.submit.${type}`,
                  )}
                </button>`
              : nothing}
          </div>
        </form>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'payment-method-modal': PaymentMethodModal;
  }
  interface GlobalEventHandlersEventMap {
    'method-collected': CustomEvent<MethodCollectedDetail>;
    'method-cancel': CustomEvent<MethodCancelDetail>;
  }
}
