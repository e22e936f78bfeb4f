import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findTestBankAccount, STRIPE_TEST_BANK_ACCOUNTS } from '../../core/test-cards.js';
import { last4, validateAccountNumber, validateRoutingNumber } from '../../core/aba.js';
import type { BankSummary } from '../../core/schemas.js';
import { CollectorError, type CollectedToken } from '../types.js';
import { SandboxFieldsBase, type CollectorChangeDetail } from './fields-base.js';

type BankField = 'routing' | 'account' | 'confirm';

const compact = (s: string) => s.replace(/[\s-]/g, '');

/**
 * TEST MODE bank account fields of the SandboxCollector: routing number (ABA checksum), account
 * number and its confirmation. Accepts only Stripe's documented test accounts. Fires
 * `collector-change` (not composed) with the account's last four digits once the entry is valid.
 *
 * @tagname pi-sandbox-bank-fields
 * @summary Sandbox (TEST MODE) routing and account number fields.
 * @fires collector-change - Entry completeness and, when complete, the account's last 4 digits.
 * @csspart test-mode - The TEST MODE notice.
 */
export class SandboxBankFields extends SandboxFieldsBase<BankField> {
  protected readonly fieldOrder = ['routing', 'account', 'confirm'] as const;

  /** Set by the modal before collecting; part of the summary. */
  accountType: 'checking' | 'savings' = 'checking';

  private _lastReported = '';

  protected check(): CollectorError[] {
    const errors: CollectorError[] = [];
    const err = (key: string, code: string, field: BankField) =>
      errors.push(new CollectorError(this.t(`sandbox.error.${key}`), code, field));

    const routing = compact(this.value('routing'));
    const routingError = validateRoutingNumber(routing);
    if (routingError) err(`routing.${routingError}`, `routing_${routingError}`, 'routing');

    const account = compact(this.value('account'));
    const accountError = validateAccountNumber(account);
    if (accountError) err(`account.${accountError}`, `account_${accountError}`, 'account');

    const confirm = compact(this.value('confirm'));
    if (confirm === '') err('confirm.empty', 'confirm_empty', 'confirm');
    else if (!accountError && confirm !== account) err('confirm.mismatch', 'confirm_mismatch', 'confirm');

    if (errors.length === 0 && !findTestBankAccount(routing, account)) {
      if (!STRIPE_TEST_BANK_ACCOUNTS.some((a) => a.routing === routing)) err('routing.notTest', 'test_mode_live_account', 'routing');
      else err('account.notTest', 'test_mode_live_account', 'account');
    }
    return errors;
  }

  /** Validates, and returns the test account's token and summary. Does not clear (the session does). */
  tokenize(): CollectedToken {
    const errors = this.validate();
    if (errors[0]) throw errors[0];
    const found = findTestBankAccount(this.value('routing'), this.value('account'));
    if (!found) throw new CollectorError(this.t('sandbox.error.account.notTest'), 'test_mode_live_account', 'account');
    const summary: BankSummary = {
      type: 'ach',
      bankName: this.t('sandbox.bank.name'),
      last4: last4(found.account),
      accountType: this.accountType,
    };
    return { token: found.token, summary };
  }

  override clear(): void {
    super.clear();
    this.report();
  }

  protected override onInput(event: Event): void {
    super.onInput(event);
    this.report();
  }

  /** Tells the surrounding form whether the entry is complete, and its last 4 once it is. */
  private report(): void {
    const complete = this.isConnected && this.check().length === 0;
    const detail: CollectorChangeDetail = complete ? { complete, last4: last4(this.value('account')) } : { complete };
    const key = `${detail.complete}:${detail.last4 ?? ''}`;
    if (key === this._lastReported) return;
    this._lastReported = key;
    this.dispatchEvent(new CustomEvent('collector-change', { detail, bubbles: true, composed: false }));
  }

  private renderError(field: BankField) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  /** One numeric entry field (routing, account or its confirmation) with its error. */
  private renderNumberField(field: BankField, maxlength: number) {
    return html`
      <div class="field">
        <label for=${field}>${this.t(`sandbox.bank.${field}`)}</label>
        <input
          id=${field}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          maxlength=${maxlength}
          required
          aria-invalid=${this.errors[field] ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy(field))}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
        ${this.renderError(field)}
      </div>
    `;
  }

  override render() {
    return html`
      <p class="badge" part="test-mode">
        <strong>${this.t('sandbox.testMode')}</strong> — ${this.t('sandbox.bank.hint')}
      </p>
      ${this.renderNumberField('routing', 11)} ${this.renderNumberField('account', 20)}
      ${this.renderNumberField('confirm', 20)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-sandbox-bank-fields': SandboxBankFields;
  }
}
