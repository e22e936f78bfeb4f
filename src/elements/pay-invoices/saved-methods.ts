import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PayInvoicesBase } from '../base.js';
import { controls, tokens } from '../../styles/tokens.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { savedMethods as messages } from '../../i18n/en/saved-methods.js';
import { payInvoices as payInvoicesMessages } from '../../i18n/en/pay-invoices.js';
import { isBackendError } from '../../backend/errors.js';
import { isCardExpired } from '../../core/cards.js';
import type { SavedPaymentMethod } from '../../core/schemas.js';
import { methodSummaryText } from './format.js';
import { savedMethodsStyles } from './saved-methods.styles.js';

registerDefaultMessages('en', payInvoicesMessages);
registerDefaultMessages('en', messages);

/** Detail of `methods-changed`: the account's saved methods after the change, as the backend returned them. */
export interface MethodsChangedDetail {
  methods: SavedPaymentMethod[];
  /** What changed: a new default, a removal or a verification, and of which method. */
  action: 'default' | 'remove' | 'verify';
  paymentMethodId: string;
}

type Action = MethodsChangedDetail['action'];

/** A micro-deposit entry made ready to send, or why it cannot be sent. */
export type DepositCodeResult = { ok: true; code: string } | { ok: false; error: 'empty' | 'format' };

/**
 * What the payer typed or pasted into "Deposit code": the descriptor code (`SM` and four letters or
 * digits; spaces, dashes and case ignored, so a pasted " sm11-aa\n" is `SM11AA`) or the two deposit
 * amounts ("32 45", "0.32, 0.45", "0,32 0,45"). Only text is normalized here; the backend compares.
 */
export function normalizeDepositCode(raw: string): DepositCodeResult {
  const text = raw.trim().toUpperCase();
  if (text === '') return { ok: false, error: 'empty' };
  const compact = text.replace(/[\s-]/g, '');
  if (/^SM[A-Z0-9]{4}$/.test(compact)) return { ok: true, code: compact };
  let parts = text.replace(/\$/g, '').split(/[\s;]+/).filter(Boolean);
  if (parts.length === 1) parts = (parts[0] ?? '').split(',');
  parts = parts.map((p) => p.replace(/,$/, '').replace(/^0?,(\d{2})$/, '0.$1'));
  if (parts.length === 2 && parts.every((p) => /^(\d{1,2}|0?\.\d{2})$/.test(p))) {
    return { ok: true, code: parts.join(' ') };
  }
  return { ok: false, error: 'format' };
}

/**
 * "Manage saved methods": an account's saved cards and bank accounts with their badges (Default,
 * Expired, Awaiting verification, Verification failed) and what can be done with each — **Make
 * default** (not for an expired card or an unverified account), **Remove** (after an inline
 * confirmation) and, for a bank account awaiting micro-deposits, **Verify** with the code from the
 * deposit. Every change goes through the backend; the new list comes back by `methods-changed`.
 * Rendered by `<pay-invoices>` under its payment method, which loads and registers it the first time
 * the panel opens (it is not in the script-tag bundle's first download). Usable on its own: register
 * the class from the package entry with `defineElement('pay-invoices-saved-methods', …)`.
 *
 * @tagname pay-invoices-saved-methods
 * @summary Manage an account's saved payment methods: make default, remove, verify a bank account.
 *
 * @fires methods-changed - `{methods, action, paymentMethodId}` after a method was made the default, removed or verified.
 *
 * @csspart heading - The "Saved payment methods" heading.
 * @csspart list - The list of methods.
 * @csspart item - One method.
 * @csspart make-default-button - "Make default".
 * @csspart remove-button - "Remove".
 * @csspart verify-button - "Verify" (bank accounts awaiting micro-deposits).
 * @csspart code-input - The "Deposit code" field.
 *
 * @cssprop [--pi-color-accent=#1d4ed8] - Accent: primary buttons, links, selected rows, focus ring (dark theme: #7aa7ff).
 * @cssprop [--pi-color-accent-contrast=#ffffff] - Text on the accent (dark theme: #0b1220).
 * @cssprop [--pi-color-bg=#ffffff] - Background of fields (dark theme: #15181d).
 * @cssprop [--pi-color-surface=#f6f7f9] - Secondary buttons, the confirmation and verification boxes (dark theme: #1f242b).
 * @cssprop [--pi-color-text=#1f2328] - Text (dark theme: #e6e9ee).
 * @cssprop [--pi-color-muted=#57606a] - Hints (dark theme: #a4adb9).
 * @cssprop [--pi-color-border=#c9ced6] - Borders and rules (dark theme: #3a424d).
 * @cssprop [--pi-color-danger=#b42318] - Errors (dark theme: #ff8c80).
 * @cssprop [--pi-color-warning=#8a5a00] - Expired and awaiting-verification badges (dark theme: #f2c14e).
 * @cssprop --pi-color-scheme - `color-scheme` for native controls; default `light dark`, or the forced theme's.
 * @cssprop --pi-font-family - Font; default the system UI font.
 * @cssprop [--pi-font-size=0.9375rem] - Base font size.
 * @cssprop [--pi-radius=6px] - Corner radius of buttons, fields and boxes.
 * @cssprop [--pi-space=0.5rem] - Base spacing unit.
 * @cssprop [--pi-density=1] - Multiplier of spacing and control heights.
 * @cssprop [--pi-control-height=2.25rem] - Minimum height of buttons and fields (times the density).
 * @cssprop --pi-focus-ring - Focus indicator, a `box-shadow` value; default a 3px accent halo.
 */
export class PayInvoicesSavedMethods extends PayInvoicesBase {
  static override styles = [tokens, controls, savedMethodsStyles];

  private actionAbort?: AbortController;
  /** `data-focus` key of the control to focus after the next render. */
  private focusAfterRender: string | null = null;

  /** Method whose removal is being confirmed. */
  @state() private confirmId: string | null = null;
  /** Method whose deposit code is being entered. */
  @state() private verifyId: string | null = null;
  @state() private code = '';
  @state() private codeError = '';
  @state() private rowError: { id: string; text: string } | null = null;
  @state() private busy: { id: string; action: Action } | null = null;
  @state() private announcement = '';

  /** The account whose methods these are (its id), as `account` on the other elements. */
  @property() account = '';

  /** The account's saved methods (as `listPaymentMethods` returns them); replaced after each change. */
  @property({ attribute: false }) methods: SavedPaymentMethod[] = [];

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actionAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('account') && changed.get('account') !== undefined) {
      this.actionAbort?.abort();
      this.busy = null;
      this.confirmId = null;
      this.verifyId = null;
      this.rowError = null;
    }
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    const key = this.focusAfterRender;
    if (key) {
      this.focusAfterRender = null;
      const target =
        this.renderRoot.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`) ??
        this.renderRoot.querySelector<HTMLElement>('[data-focus="heading"]');
      target?.focus();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  private summary(m: SavedPaymentMethod): string {
    return methodSummaryText(m.summary, this.t.bind(this));
  }

  private fullSummary(m: SavedPaymentMethod): string {
    const s = m.summary;
    if (s.type !== 'card') return this.summary(m);
    return this.t('savedMethods.cardSummary', {
      summary: this.summary(m),
      month: String(s.expMonth).padStart(2, '0'),
      year: s.expYear,
    });
  }

  private expired(m: SavedPaymentMethod): boolean {
    return m.summary.type === 'card' && isCardExpired(m.summary.expMonth, m.summary.expYear);
  }

  private usable(m: SavedPaymentMethod): boolean {
    return m.verification === 'verified' && !this.expired(m);
  }

  private announce(text: string): void {
    // Re-announce identical text by changing it slightly.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // ---------------------------------------------------------------------------------------------
  // Actions

  /** Starts an action on `m`: one at a time, with its own AbortSignal. */
  private begin(m: SavedPaymentMethod, action: Action): AbortSignal | null {
    if (this.busy || !this.resolvedBackend) return null;
    this.actionAbort?.abort();
    const ac = new AbortController();
    this.actionAbort = ac;
    this.busy = { id: m.id, action };
    this.rowError = null;
    this.announce(this.t(`savedMethods.busy.${action}`, { summary: this.summary(m) }));
    return ac.signal;
  }

  private end(signal: AbortSignal): void {
    if (this.actionAbort?.signal === signal) {
      this.actionAbort = undefined;
      this.busy = null;
    }
  }

  private changed(methods: SavedPaymentMethod[], action: Action, paymentMethodId: string): void {
    this.methods = methods;
    this.dispatchEvent(
      new CustomEvent<MethodsChangedDetail>('methods-changed', {
        detail: { methods, action, paymentMethodId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** The list as the backend has it now, or null when it cannot be read. */
  private async freshList(signal: AbortSignal): Promise<SavedPaymentMethod[] | null> {
    const backend = this.resolvedBackend;
    if (!backend) return null;
    try {
      return await backend.listPaymentMethods(this.account, signal);
    } catch {
      return null;
    }
  }

  private async makeDefault(m: SavedPaymentMethod): Promise<void> {
    const signal = this.begin(m, 'default');
    const backend = this.resolvedBackend;
    if (!signal || !backend) return;
    try {
      const list = await backend.setDefaultPaymentMethod(this.account, m.id, signal);
      if (signal.aborted) return;
      this.changed(list, 'default', m.id);
      this.announce(this.t('savedMethods.done.default', { summary: this.summary(m) }));
      this.focusAfterRender = `summary:${m.id}`;
    } catch (e) {
      if (signal.aborted) return;
      this.rowError = { id: m.id, text: this.actionError(e) };
      this.announcement = '';
      if (isBackendError(e) && e.kind === 'not_found') await this.reloadAfterError(signal, m.id);
    } finally {
      this.end(signal);
    }
  }

  private async removeMethod(m: SavedPaymentMethod): Promise<void> {
    const signal = this.begin(m, 'remove');
    const backend = this.resolvedBackend;
    if (!signal || !backend) return;
    try {
      await backend.removePaymentMethod(this.account, m.id, signal);
      if (signal.aborted) return;
      // The backend picks the next default: read the list back rather than guess.
      const list = (await this.freshList(signal)) ?? this.methods.filter((x) => x.id !== m.id);
      if (signal.aborted) return;
      this.confirmId = null;
      if (this.verifyId === m.id) this.verifyId = null;
      this.changed(list, 'remove', m.id);
      const next = m.isDefault ? list.find((x) => x.isDefault) : undefined;
      this.announce(
        next
          ? this.t('savedMethods.done.removedNewDefault', { summary: this.summary(m), next: this.summary(next) })
          : this.t('savedMethods.done.removed', { summary: this.summary(m) }),
      );
      this.focusAfterRender = 'heading';
    } catch (e) {
      if (signal.aborted) return;
      this.confirmId = null;
      this.rowError = { id: m.id, text: this.actionError(e) };
      this.announcement = '';
      this.focusAfterRender = `remove:${m.id}`;
      if (isBackendError(e) && e.kind === 'not_found') await this.reloadAfterError(signal, m.id);
    } finally {
      this.end(signal);
    }
  }

  private async verify(m: SavedPaymentMethod): Promise<void> {
    const entry = normalizeDepositCode(this.code);
    if (!entry.ok) {
      await this.showCodeError(m, this.t(`savedMethods.code.${entry.error}`));
      return;
    }
    const signal = this.begin(m, 'verify');
    const backend = this.resolvedBackend;
    if (!signal || !backend) return;
    this.codeError = '';
    try {
      const updated = await backend.verifyPaymentMethod(this.account, m.id, entry.code, signal);
      if (signal.aborted) return;
      const list = this.methods.map((x) =>
        x.id === updated.id ? updated : updated.isDefault && x.isDefault ? { ...x, isDefault: false } : x,
      );
      this.verifyId = null;
      this.code = '';
      this.changed(list, 'verify', m.id);
      this.announce(this.t('savedMethods.done.verified', { summary: this.summary(m) }));
      this.focusAfterRender = `summary:${m.id}`;
    } catch (e) {
      if (signal.aborted) return;
      this.announcement = '';
      const code = isBackendError(e) ? e.code : undefined;
      if (code === 'verification_failed') {
        // Too many wrong codes: the account is marked failed; show it so.
        this.verifyId = null;
        this.code = '';
        this.rowError = { id: m.id, text: this.t('savedMethods.code.tooMany', { summary: this.summary(m) }) };
        this.focusAfterRender = `summary:${m.id}`;
        await this.reloadAfterError(signal, m.id);
        return;
      }
      this.end(signal);
      await this.showCodeError(m, code === 'wrong_code' ? this.t('savedMethods.code.wrong') : this.actionError(e));
    } finally {
      this.end(signal);
    }
  }

  /** Shows (and re-announces, even when the same) the code's error and puts focus back in the field. */
  private async showCodeError(m: SavedPaymentMethod, text: string): Promise<void> {
    if (this.codeError) {
      this.codeError = '';
      await this.updateComplete;
    }
    this.codeError = text;
    this.focusAfterRender = `code:${m.id}`;
  }

  private async reloadAfterError(signal: AbortSignal, id: string): Promise<void> {
    const list = await this.freshList(signal);
    if (list && !signal.aborted) this.changed(list, list.some((x) => x.id === id) ? 'verify' : 'remove', id);
  }

  private actionError(e: unknown): string {
    if (isBackendError(e)) {
      if (e.code === 'expired_card') return this.t('savedMethods.error.expired');
      if (e.code === 'verification_required') return this.t('savedMethods.error.unverified');
      if (e.code === 'verification_failed') return this.t('payInvoices.method.verificationFailed');
    }
    return this.errorMessage(e);
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers (the method's id is on the button)

  private methodOf(e: Event): SavedPaymentMethod | undefined {
    const id = (e.currentTarget as HTMLElement).dataset['id'];
    return this.methods.find((m) => m.id === id);
  }

  private readonly onMakeDefault = (e: Event): void => {
    const m = this.methodOf(e);
    if (m && !this.busy) void this.makeDefault(m);
  };

  private readonly onRemove = (e: Event): void => {
    const m = this.methodOf(e);
    if (!m || this.busy) return;
    this.rowError = null;
    this.verifyId = null;
    this.confirmId = m.id;
    this.focusAfterRender = `confirm:${m.id}`;
  };

  private readonly onConfirmRemove = (e: Event): void => {
    const m = this.methodOf(e);
    if (m && !this.busy) void this.removeMethod(m);
  };

  private readonly onKeep = (e: Event): void => {
    const m = this.methodOf(e);
    if (!m || this.busy) return;
    this.confirmId = null;
    this.focusAfterRender = `remove:${m.id}`;
  };

  private readonly onConfirmKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || this.busy) return;
    const id = this.confirmId;
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    this.confirmId = null;
    this.focusAfterRender = `remove:${id}`;
  };

  private readonly onOpenVerify = (e: Event): void => {
    const m = this.methodOf(e);
    if (!m || this.busy) return;
    this.rowError = null;
    this.confirmId = null;
    this.verifyId = m.id;
    this.code = '';
    this.codeError = '';
    this.focusAfterRender = `code:${m.id}`;
  };

  private readonly onCancelVerify = (e: Event): void => {
    const m = this.methodOf(e);
    if (!m || this.busy) return;
    this.verifyId = null;
    this.codeError = '';
    this.focusAfterRender = `verify:${m.id}`;
  };

  private readonly onVerifyKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || this.busy) return;
    const id = this.verifyId;
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    this.verifyId = null;
    this.codeError = '';
    this.focusAfterRender = `verify:${id}`;
  };

  private readonly onCodeInput = (e: Event): void => {
    this.code = (e.target as HTMLInputElement).value;
  };

  private readonly onVerifySubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const m = this.methods.find((x) => x.id === this.verifyId);
    if (m && !this.busy) void this.verify(m);
  };

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private renderBadges(m: SavedPaymentMethod): TemplateResult {
    return html`${m.isDefault ? html`<span class="badge">${this.t('savedMethods.badge.default')}</span>` : nothing}
    ${this.expired(m) ? html`<span class="badge warn">${this.t('savedMethods.badge.expired')}</span>` : nothing}
    ${m.verification === 'pending_microdeposits'
      ? html`<span class="badge warn">${this.t('savedMethods.badge.pending')}</span>`
      : nothing}
    ${m.verification === 'failed' ? html`<span class="badge bad">${this.t('savedMethods.badge.failed')}</span>` : nothing}`;
  }

  private renderActions(m: SavedPaymentMethod): TemplateResult {
    const summary = this.summary(m);
    const disabled = this.busy ? 'true' : 'false';
    const busyHere = this.busy?.id === m.id && this.busy.action === 'default';
    return html`<div class="actions">
      ${m.verification === 'pending_microdeposits'
        ? html`<button
            type="button"
            class="primary"
            part="verify-button"
            data-id=${m.id}
            data-focus=${`verify:${m.id}`}
            aria-label=${this.t('savedMethods.verifyLabel', { summary })}
            aria-disabled=${disabled}
            @click=${this.onOpenVerify}
          >
            ${this.t('savedMethods.verify')}
          </button>`
        : nothing}
      ${!m.isDefault && this.usable(m)
        ? html`<button
            type="button"
            part="make-default-button"
            data-id=${m.id}
            data-focus=${`default:${m.id}`}
            aria-label=${this.t('savedMethods.makeDefaultLabel', { summary })}
            aria-disabled=${disabled}
            aria-busy=${busyHere ? 'true' : 'false'}
            @click=${this.onMakeDefault}
          >
            ${this.t('savedMethods.makeDefault')}
          </button>`
        : nothing}
      <button
        type="button"
        part="remove-button"
        data-id=${m.id}
        data-focus=${`remove:${m.id}`}
        aria-label=${this.t('savedMethods.removeLabel', { summary })}
        aria-disabled=${disabled}
        @click=${this.onRemove}
      >
        ${this.t('savedMethods.remove')}
      </button>
    </div>`;
  }

  private renderConfirm(m: SavedPaymentMethod, index: number): TemplateResult {
    const busy = this.busy?.id === m.id;
    const disabled = this.busy ? 'true' : 'false';
    return html`<div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title-${index}"
      aria-describedby=${m.isDefault ? `confirm-desc-${index}` : nothing}
      @keydown=${this.onConfirmKeydown}
    >
      <p id="confirm-title-${index}"><strong>${this.t('savedMethods.confirmRemove', { summary: this.summary(m) })}</strong></p>
      ${m.isDefault ? html`<p id="confirm-desc-${index}">${this.t('savedMethods.confirmRemoveDefault')}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-id=${m.id}
          data-focus=${`confirm:${m.id}`}
          aria-disabled=${disabled}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${this.onConfirmRemove}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span> ` : nothing}${this.t('savedMethods.confirm')}
        </button>
        <button type="button" data-id=${m.id} aria-disabled=${disabled} @click=${this.onKeep}>
          ${this.t('savedMethods.keep')}
        </button>
      </div>
    </div>`;
  }

  private renderVerify(m: SavedPaymentMethod, index: number): TemplateResult {
    const busy = this.busy?.id === m.id;
    const disabled = this.busy ? 'true' : 'false';
    const inputId = `code-${index}`;
    const hintId = `code-hint-${index}`;
    const errorId = `code-error-${index}`;
    return html`<form class="verify" novalidate @submit=${this.onVerifySubmit} @keydown=${this.onVerifyKeydown}>
      <label for=${inputId}>${this.t('savedMethods.code.label')}</label>
      <p class="muted" id=${hintId}>${this.t('savedMethods.code.hint')}</p>
      <div class="controls">
        <input
          id=${inputId}
          type="text"
          name="code"
          part="code-input"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="40"
          data-focus=${`code:${m.id}`}
          aria-invalid=${this.codeError ? 'true' : 'false'}
          aria-describedby=${this.codeError ? `${hintId} ${errorId}` : hintId}
          ?readonly=${busy}
          .value=${this.code}
          @input=${this.onCodeInput}
        />
        <button type="submit" class="primary" aria-disabled=${disabled} aria-busy=${busy ? 'true' : 'false'}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span> ` : nothing}${this.t('savedMethods.verify')}
        </button>
        <button type="button" data-id=${m.id} aria-disabled=${disabled} @click=${this.onCancelVerify}>
          ${this.t('common.cancel')}
        </button>
      </div>
      ${this.codeError ? html`<p class="field-error" id=${errorId} role="alert">${this.codeError}</p>` : nothing}
    </form>`;
  }

  private renderMethod = (m: SavedPaymentMethod, index: number): TemplateResult => {
    const confirming = this.confirmId === m.id;
    const verifying = this.verifyId === m.id && m.verification === 'pending_microdeposits';
    const busy = this.busy?.id === m.id ? this.busy.action : null;
    return html`<li class="method" part="item">
      <div class="line">
        <span class="summary" tabindex="-1" data-focus=${`summary:${m.id}`}>${this.fullSummary(m)} ${this.renderBadges(m)}</span>
        ${confirming || verifying ? nothing : this.renderActions(m)}
      </div>
      ${this.rowError?.id === m.id ? html`<p class="field-error" role="alert">${this.rowError.text}</p>` : nothing}
      ${confirming ? this.renderConfirm(m, index) : nothing}
      ${verifying ? this.renderVerify(m, index) : nothing}
      ${busy === 'default'
        ? html`<p class="progress muted">
            <span class="spinner" aria-hidden="true"></span>
            ${this.t('savedMethods.busy.default', { summary: this.summary(m) })}
          </p>`
        : nothing}
    </li>`;
  };

  override render(): TemplateResult {
    return html`<section class="manage" aria-labelledby="heading">
      <h4 id="heading" part="heading" tabindex="-1" data-focus="heading">${this.t('savedMethods.heading')}</h4>
      ${this.methods.length === 0
        ? html`<p class="muted">${this.t('savedMethods.empty')}</p>`
        : html`<ul class="methods" part="list" aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
            ${repeat(this.methods, (m) => m.id, this.renderMethod)}
          </ul>`}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-invoices-saved-methods': PayInvoicesSavedMethods;
  }
  interface GlobalEventHandlersEventMap {
    'methods-changed': CustomEvent<MethodsChangedDetail>;
  }
}
