import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isCardExpired, luhnValid } from '../../core/cards.js';
import { findTestCard } from '../../core/test-cards.js';
import { last4 } from '../../core/aba.js';
import type { CardSummary } from '../../core/schemas.js';
import { CollectorError, type CollectedToken } from '../types.js';
import { SandboxFieldsBase } from './fields-base.js';

type CardField = 'number' | 'expiry' | 'cvc' | 'zip';

/** `MM/YY`, `MM / YY`, `MMYY`, `MM/YYYY`, `MMYYYY` → month and four-digit year. */
export function parseExpiry(input: string): { month: number; year: number } | null {
  const s = input.replace(/\s+/g, '');
  const m = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  const yy = m[2] ?? '';
  const year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  if (month < 1 || month > 12 || year < 2000 || year > 2200) return null;
  return { month, year };
}

/**
 * TEST MODE card fields of the SandboxCollector: card number, expiration, CVC and ZIP. Accepts only
 * Stripe's documented test cards; what is typed stays in the inputs and is cleared after tokenizing.
 *
 * @tagname pi-sandbox-card-fields
 * @summary Sandbox (TEST MODE) card number, expiry, CVC and ZIP fields.
 * @csspart test-mode - The TEST MODE notice.
 */
export class SandboxCardFields extends SandboxFieldsBase<CardField> {
  protected readonly fieldOrder = ['number', 'expiry', 'cvc', 'zip'] as const;

  protected check(): CollectorError[] {
    const errors: CollectorError[] = [];
    const err = (key: string, code: string, field: CardField) =>
      errors.push(new CollectorError(this.t(`sandbox.error.${key}`), code, field));

    const number = this.value('number').replace(/[\s-]/g, '');
    const card = findTestCard(number);
    if (number === '') err('number.empty', 'incomplete_number', 'number');
    else if (!/^\d+$/.test(number)) err('number.digits', 'invalid_number', 'number');
    else if (!card && (number.length < 12 || number.length > 19 || !luhnValid(number)))
      err('number.invalid', 'invalid_number', 'number');
    else if (!card) err('number.notTest', 'test_mode_live_card', 'number');

    const expiryText = this.value('expiry').trim();
    const expiry = parseExpiry(expiryText);
    if (expiryText === '') err('expiry.empty', 'incomplete_expiry', 'expiry');
    else if (!expiry) err('expiry.invalid', 'invalid_expiry', 'expiry');
    else if (isCardExpired(expiry.month, expiry.year)) err('expiry.past', 'expired_card', 'expiry');

    const cvc = this.value('cvc').trim();
    const amex = card?.brand === 'amex';
    const cvcOk = card ? (amex ? /^\d{4}$/ : /^\d{3}$/).test(cvc) : /^\d{3,4}$/.test(cvc);
    if (!cvcOk) err(card ? (amex ? 'cvc.amex' : 'cvc.invalid') : 'cvc.either', 'invalid_cvc', 'cvc');

    const zip = this.value('zip').trim();
    if (zip === '') err('zip.empty', 'incomplete_zip', 'zip');
    else if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(zip)) err('zip.invalid', 'invalid_zip', 'zip');
    return errors;
  }

  /** Validates, and returns the test card's token and summary. Does not clear (the session does). */
  tokenize(): CollectedToken {
    const errors = this.validate();
    if (errors[0]) throw errors[0];
    const number = this.value('number');
    const card = findTestCard(number);
    const expiry = parseExpiry(this.value('expiry'));
    if (!card || !expiry) throw new CollectorError(this.t('sandbox.error.number.invalid'), 'invalid_number', 'number');
    const summary: CardSummary = {
      type: 'card',
      brand: card.brand,
      last4: last4(card.number),
      expMonth: expiry.month,
      expYear: expiry.year,
    };
    return { token: card.token, summary };
  }

  private renderError(field: CardField) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  override render() {
    const invalid = (f: CardField) => (this.errors[f] ? 'true' : 'false');
    return html`
      <p class="badge" part="test-mode">
        <strong>${this.t('sandbox.testMode')}</strong> — ${this.t('sandbox.card.hint')}
      </p>
      <div class="field">
        <label for="number">${this.t('sandbox.card.number')}</label>
        <input
          id="number"
          type="text"
          inputmode="numeric"
          autocomplete="cc-number"
          spellcheck="false"
          maxlength="23"
          required
          aria-invalid=${invalid('number')}
          aria-describedby=${ifDefined(this.describedBy('number'))}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
        ${this.renderError('number')}
      </div>
      <div class="row">
        <div class="field">
          <label for="expiry">${this.t('sandbox.card.expiry')}</label>
          <input
            id="expiry"
            type="text"
            inputmode="numeric"
            autocomplete="cc-exp"
            spellcheck="false"
            maxlength="9"
            required
            aria-invalid=${invalid('expiry')}
            aria-describedby=${ifDefined(this.describedBy('expiry'))}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
          ${this.renderError('expiry')}
        </div>
        <div class="field">
          <label for="cvc">${this.t('sandbox.card.cvc')}</label>
          <input
            id="cvc"
            type="text"
            inputmode="numeric"
            autocomplete="cc-csc"
            spellcheck="false"
            maxlength="4"
            required
            aria-invalid=${invalid('cvc')}
            aria-describedby=${ifDefined(this.describedBy('cvc'))}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
          ${this.renderError('cvc')}
        </div>
        <div class="field">
          <label for="zip">${this.t('sandbox.card.zip')}</label>
          <input
            id="zip"
            type="text"
            autocomplete="postal-code"
            spellcheck="false"
            maxlength="10"
            required
            aria-invalid=${invalid('zip')}
            aria-describedby=${ifDefined(this.describedBy('zip'))}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
          ${this.renderError('zip')}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-sandbox-card-fields': SandboxCardFields;
  }
}
