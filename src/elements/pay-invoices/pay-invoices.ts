import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PayInvoicesBase } from '../base.js';
import { controls, tokens } from '../../styles/tokens.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { payInvoices as messages } from '../../i18n/en/pay-invoices.js';
import { listAllInvoices, type PayInvoicesBackend } from '../../backend/types.js';
import { isBackendError } from '../../backend/errors.js';
import { currencyDigits, sumAmounts, type Money, type ParseError } from '../../core/money.js';
import { formatAmountForInput, parseMoney } from '../../core/money-input.js';
import {
  allocateLumpSum,
  computeTotals,
  maxCreditApplicable,
  validateInvoiceAmount,
  type AmountError,
} from '../../core/allocation.js';
import { graphemeLength } from '../../core/text.js';
import { isCardExpired } from '../../core/cards.js';
import { newIdempotencyKey } from '../../core/idempotency.js';
import type {
  Account,
  AchAuthorization,
  Allocation,
  Credit,
  CreditApplication,
  Invoice,
  MethodType,
  Payment,
  PaymentMethodChoice,
  PaymentRequest,
  SavedPaymentMethod,
  Settings,
  Viewer,
} from '../../core/schemas.js';
// The modal and the guide this form renders: it registers them when it connects, unless a define
// module or a host has.
import { PaymentMethodModal } from '../payment-method-modal/payment-method-modal.js';
import { PaymentWalkthrough } from '../payment-walkthrough/payment-walkthrough.js';
import { DEFAULT_WALKTHROUGH_STEP_IDS } from '../payment-walkthrough/steps.js';
// <pay-invoices-saved-methods> is not imported here: it loads on first use (see ensureSavedMethods).
import type { MethodCollectedDetail } from '../payment-method-modal/payment-method-modal.js';
import type { MethodsChangedDetail } from './saved-methods.js';
import { loadElement, registerAs } from '../element-loader.js';
import { buildRows, creditUsable, type CreditState, type InvoiceRow, type RowState } from './rows.js';
import { count, methodSummaryText, money } from './format.js';
import { calendarDate, fillMandate, todayText } from '../format.js';
import { clearPending, loadPending, savePending, type PendingSubmission } from './pending-store.js';
import { payInvoicesStyles } from './pay-invoices.styles.js';
import { windowRows } from './window.js';
import { NarrowController } from '../narrow.js';

registerDefaultMessages('en', messages);

/** Above this many open invoices the rows are windowed (only those in view are in the DOM, see window.ts). */
const WINDOW_AT = 150;
/** How many pending invoices the confirmation step names one by one. */
const PENDING_LISTED = 5;

/** The "Manage saved methods" panel: registered on first use, by the first form that opens it. */
const SAVED_METHODS_TAG = 'pay-invoices-saved-methods';

/** The guide's steps: each is a `data-walkthrough` target inside the shadow root. */
export const WALKTHROUGH_STEPS = DEFAULT_WALKTHROUGH_STEP_IDS;
export type WalkthroughStepId = (typeof WALKTHROUGH_STEPS)[number];

export interface WalkthroughRequestDetail {
  /** The step targets, in order (see `walkthroughTarget`). */
  steps: readonly WalkthroughStepId[];
}
export interface AuthRequiredDetail {
  /** `unauthorized` (401: sign in again) or `forbidden` (403: not allowed, or the feature was switched off). */
  reason: 'unauthorized' | 'forbidden';
}
export interface PaymentCompleteDetail {
  paymentId: string;
  /** `succeeded` (card) or `processing` (ACH, up to about four business days). */
  status: 'succeeded' | 'processing';
  /** Minor units. */
  total: number;
  currency: string;
}

type View = 'idle' | 'loading' | 'error' | 'no-backend' | 'no-account' | 'off' | 'ready' | 'receipt';
/**
 * idle: the form; confirm-pending: asking before paying invoices that already have pending amounts;
 * submitting / action (3-D Secure) / checking: busy; unknown: outcome unknown, waiting for a status
 * check; not-found: the key led to no payment.
 */
type Phase = 'idle' | 'confirm-pending' | 'submitting' | 'action' | 'unknown' | 'checking' | 'not-found';
type MessageKind = 'error' | 'warning' | 'info';

interface FormMessage {
  kind: MessageKind;
  text: string;
}

interface AchConsent {
  methodKey: string;
  total: number;
  acceptedAt: string;
}

interface Derived {
  selectedCount: number;
  invalidCount: number;
  allocations: Allocation[];
  invoiceAmounts: Money[];
  creditApps: CreditApplication[];
  creditAmounts: Money[];
  creditInvalid: number;
  pendingSelected: InvoiceRow[];
  totals: ReturnType<typeof computeTotals>;
  currency: string;
}

interface RowText {
  locale: string;
  invoiceDate: string;
  dueDate: string;
  balance: string;
  pending: string;
  full: string;
}

/**
 * "Make Online Payments": every open invoice of an account, selected in full or in part, credits,
 * a lump sum, the payment method (saved, or entered in `<payment-method-modal>`), a memo, the
 * totals with surcharge, **Make Payment** exactly once (idempotency key kept in session storage
 * until the outcome is known), then the receipt.
 *
 * Narrower than 760 px (a phone, a side panel), each invoice and credit is a card instead of a
 * table row, its amount field under it once selected.
 *
 * @tagname pay-invoices
 * @summary Pay one or many open invoices by card or bank account (ACH).
 *
 * @fires pay-back - `{}` when "Back to invoices" is pressed (only with `show-back`).
 * @fires walkthrough-request - `{steps}` (cancelable) when the "i" button asks for the walkthrough.
 * @fires auth-required - `{reason}` when the backend answered 401/403; selection and memo are kept.
 * @fires payment-complete - `{paymentId, status, total, currency}` once a payment succeeded or is processing.
 * @fires methods-changed - `{methods, action, paymentMethodId}` from "Manage saved methods" after a saved method was made the default, removed or verified.
 *
 * @csspart heading - The "Make Online Payments" heading.
 * @csspart walkthrough-button - The "i" button next to the heading.
 * @csspart back-button - "Back to invoices".
 * @csspart invoices - The open-invoices section.
 * @csspart invoice-row - One invoice row.
 * @csspart amount-input - An invoice's payment amount field.
 * @csspart credits - The credits section.
 * @csspart lump-sum - The "Pay a lump sum" box.
 * @csspart totals - The totals box.
 * @csspart method - The payment method fieldset.
 * @csspart method-entry-button - "Enter Card Info" / "Enter Bank Info".
 * @csspart manage-methods-button - "Manage saved methods" (shows `<pay-invoices-saved-methods>`).
 * @csspart memo - The memo field's wrapper.
 * @csspart submit-button - "Make Payment".
 * @csspart message - The form's error or status message.
 * @csspart receipt - The receipt.
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
export class PayInvoices extends PayInvoicesBase {
  static override styles = [tokens, controls, payInvoicesStyles];

  // Data, kept out of reactive state: changes call `touch()`.
  private settings?: Settings;
  private viewer?: Viewer;
  private accountData?: Account;
  private accountId = '';
  private rows: InvoiceRow[] = [];
  private invoiceById = new Map<string, Invoice>();
  private rowById = new Map<string, InvoiceRow>();
  private rowState = new Map<string, RowState>();
  private rowText = new Map<string, RowText>();
  private credits: Credit[] = [];
  private creditState = new Map<string, CreditState>();
  private methods: SavedPaymentMethod[] = [];
  private savedChoice: Record<MethodType, string | null> = { card: null, ach: null };
  private collected: Record<MethodType, (MethodCollectedDetail & { total: number }) | null> = { card: null, ach: null };
  private pending: PendingSubmission | null = null;
  private presetApplied = false;
  private dataLoaded = false;

  private loadAbort?: AbortController;
  private submitAbort?: AbortController;
  private methodsAbort?: AbortController;
  private loadedFor?: { backend: PayInvoicesBackend; account: string };
  private needsRecovery = false;
  private version = 0;
  private derivedKey = '';
  private derivedCache?: Derived;
  private focusAfterRender: string | null = null;

  @state() private view: View = 'idle';
  @state() private phase: Phase = 'idle';
  @state() private loadErrorText = '';
  @state() private message: FormMessage | null = null;
  @state() private announcement = '';
  @state() private statusNote = '';
  @state() private memo = '';
  @state() private methodType: MethodType | null = null;
  @state() private achConsent: AchConsent | null = null;
  @state() private lumpInput = '';
  @state() private lumpError = '';
  @state() private lumpNote = '';
  @state() private receipt: Payment | null = null;
  @state() private manageOpen = false;
  /** Loading `<pay-invoices-saved-methods>` (it loads when the panel first opens), or that load failed. */
  @state() private manageLoad: 'idle' | 'loading' | 'failed' = 'idle';

  /** The account whose invoices are paid (its id). A contact's own account is used when empty. */
  @property() account = '';

  /** Shows a "Back to invoices" button that fires `pay-back`. */
  @property({ type: Boolean, attribute: 'show-back' }) showBack = false;

  /** Invoice ids to preselect (the invoice whose Pay Now was pressed). */
  @property({ attribute: false }) selectedInvoiceIds: string[] = [];

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // The modal and the guide this form renders come with it: register them unless someone has.
    registerAs('payment-method-modal', PaymentMethodModal);
    registerAs('payment-walkthrough', PaymentWalkthrough);
    if (!this.hasUpdated) return;
    if (this.needsRecovery) {
      this.needsRecovery = false;
      if (this.pending) {
        void this.checkStatus();
        return;
      }
      this.loadedFor = undefined;
    }
    if (!this.loadedFor) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.methodsAbort?.abort();
    if (this.loadAbort && !this.loadAbort.signal.aborted && this.view === 'loading') {
      this.loadAbort.abort();
      this.loadedFor = undefined;
    }
    if (this.submitAbort && !this.submitAbort.signal.aborted) {
      // The request may still reach the server: its key stays in session storage for recovery.
      this.submitAbort.abort();
      this.needsRecovery = true;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (
      !this.hasUpdated ||
      changed.has('account') ||
      changed.has('backend') ||
      changed.has('apiBase') ||
      changed.has('contextVersion')
    ) {
      const backend = this.resolvedBackend;
      if (!this.loadedFor || this.loadedFor.backend !== backend || this.loadedFor.account !== this.account) {
        void this.load();
      }
    }
    if (changed.has('selectedInvoiceIds') && this.dataLoaded && this.view === 'ready' && this.phase === 'idle') {
      this.applyPreselection();
    }
    // The panel opens (a click, or after saving a bank account that needs micro-deposits): its
    // element loads now if it is not registered yet.
    if (changed.has('manageOpen') && this.manageOpen) this.ensureSavedMethods();
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = null;
      target?.focus();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    // A payment in flight for the previous account keeps its key in session storage and is
    // recovered when that account is shown again.
    this.submitAbort?.abort();
    this.submitAbort = undefined;
    this.methodsAbort?.abort();
    this.pending = null;
    this.needsRecovery = false;
    this.manageOpen = false;
    const backend = this.resolvedBackend;
    if (!backend) {
      this.loadedFor = undefined;
      this.view = 'no-backend';
      return;
    }
    this.loadedFor = { backend, account: this.account };
    const ac = new AbortController();
    this.loadAbort = ac;
    const signal = ac.signal;
    this.view = 'loading';
    this.phase = 'idle';
    this.message = null;
    this.dataLoaded = false;
    try {
      let accountId = this.account;
      let viewer: Viewer | undefined;
      if (!accountId) {
        viewer = await backend.getViewer(signal);
        if (viewer.kind === 'contact' && viewer.accountId) accountId = viewer.accountId;
        else {
          this.view = 'no-account';
          return;
        }
      }
      const [settings, viewer2, account] = await Promise.all([
        backend.getSettings(accountId, signal),
        viewer ? Promise.resolve(viewer) : backend.getViewer(signal),
        backend.getAccount(accountId, signal),
      ]);
      if (signal.aborted) return;
      this.settings = settings;
      this.settingsStripeKey = settings.stripePublishableKey ?? '';
      this.viewer = viewer2;
      this.accountData = account;
      this.accountId = accountId;
      if (!settings.onlinePaymentsEnabled) {
        this.view = 'off';
        return;
      }
      const [invoices, credits, methods] = await Promise.all([
        listAllInvoices(backend, accountId, { status: 'open', sort: 'dueDate', order: 'asc' }, signal),
        backend.listCredits(accountId, signal),
        backend.listPaymentMethods(accountId, signal),
      ]);
      if (signal.aborted) return;
      this.applyInvoices(invoices, null);
      this.applyCredits(credits, null);
      this.applyMethods(methods);
      this.memo = '';
      this.lumpInput = '';
      this.lumpError = '';
      this.lumpNote = '';
      this.achConsent = null;
      this.collected = { card: null, ach: null };
      this.receipt = null;
      this.dataLoaded = true;
      if (!this.presetApplied) this.applyPreselection();
      this.view = 'ready';
      this.touch();
      const pending = loadPending(accountId);
      if (pending) {
        this.pending = pending;
        this.restoreFromRequest(pending.request);
        void this.checkStatus();
      }
    } catch (e) {
      if (signal.aborted) return;
      this.loadErrorText = this.errorMessage(e);
      this.view = 'error';
      this.fireAuthIfNeeded(e);
    } finally {
      if (this.loadAbort === ac) this.loadAbort = undefined;
    }
  }

  private applyInvoices(invoices: readonly Invoice[], previous: Map<string, RowState> | null): void {
    this.rows = buildRows(invoices);
    this.invoiceById = new Map(invoices.map((i) => [i.id, i]));
    this.rowById = new Map();
    this.rowState = new Map();
    this.rowText = new Map();
    for (const row of this.rows) {
      if (row.flag) continue;
      const prev = previous?.get(row.invoice.id);
      const st: RowState = { selected: prev?.selected ?? false, input: prev?.input ?? null, amount: null, error: null };
      this.rowById.set(row.invoice.id, row);
      this.rowState.set(row.invoice.id, st);
      this.validateRow(row, st);
    }
  }

  private applyCredits(credits: readonly Credit[], previous: Map<string, CreditState> | null): void {
    this.credits = [...credits];
    this.creditState = new Map();
    for (const credit of credits) {
      if (!creditUsable(credit)) continue;
      const prev = previous?.get(credit.id);
      const st: CreditState = { applied: prev?.applied ?? false, input: prev?.input ?? '', amount: null, error: null };
      this.creditState.set(credit.id, st);
      if (st.applied) this.validateCredit(credit, st);
    }
  }

  private applyMethods(methods: readonly SavedPaymentMethod[]): void {
    this.methods = [...methods];
    const allowed = this.allowedTypes();
    for (const type of ['card', 'ach'] as const) {
      const def = methods.find((m) => m.summary.type === type && m.isDefault && this.methodUsable(m));
      this.savedChoice[type] = def?.id ?? null;
    }
    const defaultMethod = methods.find((m) => m.isDefault && this.methodUsable(m) && allowed.includes(m.summary.type));
    this.methodType = defaultMethod?.summary.type ?? (allowed.includes('card') ? 'card' : (allowed[0] ?? null));
  }

  /**
   * A new list of saved methods (after "Manage saved methods" or a payment that saved one): a
   * changed default is preselected; otherwise the choice stays while it is still usable.
   */
  private refreshMethods(methods: readonly SavedPaymentMethod[]): void {
    const defaultOf = (list: readonly SavedPaymentMethod[], type: MethodType): string | null =>
      list.find((m) => m.summary.type === type && m.isDefault && this.methodUsable(m))?.id ?? null;
    const before = this.methods;
    this.methods = [...methods];
    for (const type of ['card', 'ach'] as const) {
      const current = this.savedChoice[type];
      if (current === 'new') continue;
      const def = defaultOf(methods, type);
      const stillUsable = current !== null && methods.some((m) => m.id === current && this.methodUsable(m));
      if (def && def !== defaultOf(before, type)) this.savedChoice[type] = def;
      else if (!stillUsable) this.savedChoice[type] = def;
    }
    this.touch();
  }

  /** Reads the saved methods again (after a payment that saved one); the list stays as is on failure. */
  private async reloadMethods(): Promise<void> {
    const backend = this.resolvedBackend;
    if (!backend || !this.accountId) return;
    this.methodsAbort?.abort();
    const ac = new AbortController();
    this.methodsAbort = ac;
    try {
      const methods = await backend.listPaymentMethods(this.accountId, ac.signal);
      if (!ac.signal.aborted) this.refreshMethods(methods);
    } catch {
      // The next load shows them.
    } finally {
      if (this.methodsAbort === ac) this.methodsAbort = undefined;
    }
  }

  private applyPreselection(): void {
    this.presetApplied = true;
    const ids = new Set(this.selectedInvoiceIds ?? []);
    if (ids.size === 0) return;
    for (const [id, st] of this.rowState) {
      const on = ids.has(id);
      if (on !== st.selected) this.setSelected(id, on);
    }
    this.touch();
  }

  // ---------------------------------------------------------------------------------------------
  // Row and credit state

  private touch(): void {
    this.version++;
    if (this.phase === 'confirm-pending') this.phase = 'idle';
    this.requestUpdate();
  }

  private get partialAllowed(): boolean {
    return this.settings?.partialPaymentsAllowed ?? false;
  }

  private setSelected(id: string, on: boolean): void {
    const st = this.rowState.get(id);
    const row = this.rowById.get(id);
    if (!st || !row) return;
    st.selected = on;
    st.input = null;
    this.validateRow(row, st);
  }

  private validateRow(row: InvoiceRow, st: RowState): void {
    if (st.input === null) {
      st.amount = row.payable;
      st.error = null;
      return;
    }
    const result = validateInvoiceAmount(st.input, {
      currency: row.invoice.currency,
      locale: this.lang_,
      max: row.payable,
      overpaymentAllowed: this.settings?.overpaymentAllowed ?? false,
      editable: this.partialAllowed,
    });
    st.amount = result.ok ? result.amount : null;
    st.error = result.ok ? null : result.error;
  }

  private validateCredit(credit: Credit, st: CreditState): void {
    const result = validateInvoiceAmount(st.input, {
      currency: credit.currency,
      locale: this.lang_,
      max: credit.amount,
      overpaymentAllowed: false,
    });
    st.amount = result.ok ? result.amount : null;
    st.error = result.ok ? null : result.error;
  }

  private get derived(): Derived {
    const key = `${this.version}|${this.methodType ?? ''}|${this.lang_}`;
    if (this.derivedCache && this.derivedKey === key) return this.derivedCache;
    let selectedCount = 0;
    let invalidCount = 0;
    const allocations: Allocation[] = [];
    const invoiceAmounts: Money[] = [];
    const pendingSelected: InvoiceRow[] = [];
    for (const [id, st] of this.rowState) {
      if (!st.selected) continue;
      selectedCount++;
      const row = this.rowById.get(id);
      if (!row) continue;
      if (row.invoice.pending > 0) pendingSelected.push(row);
      if (st.error || st.amount === null) {
        invalidCount++;
        continue;
      }
      allocations.push({ invoiceId: id, amount: st.amount });
      invoiceAmounts.push({ amount: st.amount, currency: row.invoice.currency });
    }
    const creditApps: CreditApplication[] = [];
    const creditAmounts: Money[] = [];
    let creditInvalid = 0;
    for (const credit of this.credits) {
      const st = this.creditState.get(credit.id);
      if (!st?.applied) continue;
      if (st.error || st.amount === null) {
        creditInvalid++;
        continue;
      }
      creditApps.push({ creditId: credit.id, amount: st.amount });
      creditAmounts.push({ amount: st.amount, currency: credit.currency });
    }
    const surcharge = this.methodType ? (this.settings?.surcharge[this.methodType] ?? null) : null;
    const totals = computeTotals({ invoiceAmounts, creditAmounts, surcharge });
    const currency = totals.currency ?? this.accountData?.currency ?? this.settings?.currency ?? 'USD';
    this.derivedCache = {
      selectedCount,
      invalidCount,
      allocations,
      invoiceAmounts,
      creditApps,
      creditAmounts,
      creditInvalid,
      pendingSelected,
      totals,
      currency,
    };
    this.derivedKey = key;
    return this.derivedCache;
  }

  // ---------------------------------------------------------------------------------------------
  // Methods

  private allowedTypes(): MethodType[] {
    const allowed = this.settings?.allowedMethods ?? [];
    // The seed's order: Bank Account, then Credit or Debit Card.
    return (['ach', 'card'] as const).filter((t) => allowed.includes(t));
  }

  private methodUsable(m: SavedPaymentMethod): boolean {
    if (m.verification !== 'verified') return false;
    if (m.summary.type === 'card') return !isCardExpired(m.summary.expMonth, m.summary.expYear);
    return true;
  }

  /** The method chosen for the current type, as the request carries it; null when none is. */
  private currentMethod(): { choice: PaymentMethodChoice; key: string; last4: string } | null {
    const type = this.methodType;
    if (!type) return null;
    const sel = this.savedChoice[type];
    if (sel === 'new') {
      const c = this.collected[type];
      if (!c) return null;
      return {
        choice: { kind: 'token', token: c.token, summary: c.summary, save: c.save },
        key: `new:${c.token}`,
        last4: c.summary.last4,
      };
    }
    if (!sel) return null;
    const m = this.methods.find((x) => x.id === sel);
    if (!m || m.summary.type !== type || !this.methodUsable(m)) return null;
    return { choice: { kind: 'saved', paymentMethodId: m.id }, key: `saved:${m.id}`, last4: m.summary.last4 };
  }

  /** The ACH authorization for the current method and total (F23), or null when not yet accepted. */
  private achAuthorization(total: number): AchAuthorization | null {
    const method = this.currentMethod();
    if (!method || this.methodType !== 'ach') return null;
    const c = this.collected.ach;
    if (method.choice.kind === 'token' && c?.achAuthorization && c.total === total) {
      return { ...c.achAuthorization, amount: total };
    }
    const consent = this.achConsent;
    if (consent && consent.methodKey === method.key && consent.total === total) {
      const sentence = this.achSentence(total, method.last4);
      const mandate = this.filledMandate(total, method.last4);
      return {
        text: (mandate ? `${sentence}\n\n${mandate}` : sentence).slice(0, 5000),
        acceptedAt: consent.acceptedAt,
        accountLast4: method.last4,
        amount: total,
      };
    }
    return null;
  }

  /**
   * The host's ACH mandate (or the default one the dialog shows) with its placeholders filled in as
   * the dialog fills them (`fillMandate`): `{amount}`, `{date}`, `{account}` ("ending 6789") and
   * `{company}`. Shown and sent exactly as filled.
   */
  private filledMandate(total: number, last4: string): string {
    const template = this.settings?.achMandateText?.trim() || this.t('paymentMethodModal.mandate.default');
    return fillMandate(template, {
      amount: money(total, this.derived.currency, this.lang_),
      date: todayText(this.lang_),
      account: this.t('paymentMethodModal.mandate.accountEnding', { last4 }),
      company: this.t('paymentMethodModal.mandate.companyGeneric'),
    });
  }

  private achSentence(total: number, last4: string): string {
    return this.t('payInvoices.method.achAuthorize', {
      amount: money(total, this.derived.currency, this.lang_),
      last4,
      date: todayText(this.lang_),
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Blockers and request

  private blockers(d: Derived): string[] {
    const out: string[] = [];
    if (d.selectedCount === 0) out.push(this.t('payInvoices.blocker.noInvoice'));
    if (d.invalidCount > 0 || d.creditInvalid > 0) out.push(this.t('payInvoices.blocker.amounts'));
    if (d.totals.error) out.push(this.t(`payInvoices.totals.${d.totals.error}`));
    if (this.memoOver() > 0) out.push(this.t('payInvoices.blocker.memo'));
    if (!this.currentMethod()) out.push(this.t('payInvoices.blocker.method'));
    else if (this.methodType === 'ach' && !d.totals.error && !this.achAuthorization(d.totals.total)) {
      out.push(this.t('payInvoices.blocker.ach'));
    }
    return out;
  }

  private memoOver(): number {
    const max = this.settings?.memoMaxLength ?? 0;
    return Math.max(0, graphemeLength(this.memo) - max);
  }

  private buildRequest(d: Derived): PaymentRequest | null {
    const method = this.currentMethod();
    if (!method || !this.methodType || d.totals.error || !d.totals.currency) return null;
    const request: PaymentRequest = {
      accountId: this.accountId,
      currency: d.totals.currency,
      methodType: this.methodType,
      method: method.choice,
      allocations: d.allocations,
      credits: d.creditApps,
      memo: this.memo,
      expectedTotal: d.totals.total,
    };
    if (this.methodType === 'ach') {
      const auth = this.achAuthorization(d.totals.total);
      if (!auth) return null;
      request.achAuthorization = auth;
    }
    return request;
  }

  /** Puts a stored request's selection, credits, memo and method back into the form (F04 recovery). */
  private restoreFromRequest(request: PaymentRequest): void {
    for (const [id, st] of this.rowState) {
      if (st.selected) this.setSelected(id, false);
    }
    for (const a of request.allocations) {
      const row = this.rowById.get(a.invoiceId);
      const st = this.rowState.get(a.invoiceId);
      if (!row || !st) continue;
      st.selected = true;
      st.input = a.amount === row.payable ? null : this.inputText(a.amount, row.invoice.currency);
      this.validateRow(row, st);
    }
    for (const st of this.creditState.values()) st.applied = false;
    for (const c of request.credits) {
      const credit = this.credits.find((x) => x.id === c.creditId);
      const st = this.creditState.get(c.creditId);
      if (!credit || !st) continue;
      st.applied = true;
      st.input = this.inputText(c.amount, credit.currency);
      this.validateCredit(credit, st);
    }
    this.memo = request.memo;
    if (this.allowedTypes().includes(request.methodType)) {
      this.methodType = request.methodType;
      if (request.method.kind === 'saved') this.savedChoice[request.methodType] = request.method.paymentMethodId;
      else {
        this.collected[request.methodType] = {
          token: request.method.token,
          summary: request.method.summary,
          save: request.method.save,
          total: request.expectedTotal,
        };
        this.savedChoice[request.methodType] = 'new';
      }
    }
    this.presetApplied = true;
    this.touch();
  }

  private inputText(amount: number, currency: string): string {
    try {
      return formatAmountForInput(amount, currency, this.lang_);
    } catch {
      return '';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Submitting

  private onSubmitClick(): void {
    void this.submit(false);
  }

  private async submit(confirmedPending: boolean): Promise<void> {
    if (this.view !== 'ready' || (this.phase !== 'idle' && this.phase !== 'confirm-pending')) return;
    const d = this.derived;
    if (this.blockers(d).length > 0) return;
    if (!confirmedPending && d.pendingSelected.length > 0) {
      this.phase = 'confirm-pending';
      this.focusAfterRender = '#pending-confirm';
      return;
    }
    const request = this.buildRequest(d);
    const backend = this.resolvedBackend;
    if (!request || !backend) return;
    // The key is made and stored BEFORE the request leaves (F01–F04).
    const pending: PendingSubmission = { key: newIdempotencyKey(), request, createdAt: new Date().toISOString() };
    savePending(this.accountId, pending);
    this.pending = pending;
    await this.send(backend, pending);
  }

  private async send(backend: PayInvoicesBackend, pending: PendingSubmission): Promise<void> {
    this.phase = 'submitting';
    this.message = null;
    this.statusNote = '';
    this.announce(this.t('payInvoices.submitting'));
    const ac = new AbortController();
    this.submitAbort = ac;
    try {
      const payment = await backend.createPayment(pending.request, pending.key, ac.signal);
      if (ac.signal.aborted) return;
      await this.handlePayment(backend, payment, ac.signal, false);
    } catch (e) {
      if (ac.signal.aborted) return;
      await this.handleSubmitError(backend, e);
    } finally {
      if (this.submitAbort === ac) this.submitAbort = undefined;
    }
  }

  private async handlePayment(
    backend: PayInvoicesBackend,
    payment: Payment,
    signal: AbortSignal,
    actionCancelled: boolean,
    depth = 0,
  ): Promise<void> {
    switch (payment.status) {
      case 'succeeded':
      case 'processing': {
        const method = this.pending?.request.method;
        this.finishPending();
        this.showReceipt(payment);
        // "Save for future payments": the saved method is in the list from now on.
        if (method?.kind === 'token' && method.save) void this.reloadMethods();
        return;
      }
      case 'requires_action': {
        if (depth > 1) {
          this.toUnknown();
          return;
        }
        this.phase = 'action';
        this.announce(this.t('payInvoices.authenticating'));
        let completed = false;
        const collector = this.resolvedCollector;
        if (collector && payment.clientSecret) {
          try {
            ({ completed } = await collector.handleNextAction(payment.clientSecret, { host: this, locale: this.lang_ }));
          } catch {
            completed = false;
          }
        }
        if (signal.aborted) return;
        const next = await backend.confirmPayment(payment.id, { actionCompleted: completed }, signal);
        if (signal.aborted) return;
        await this.handlePayment(backend, next, signal, !completed, depth + 1);
        return;
      }
      case 'failed':
        this.finishPending();
        this.showFormMessage(
          'error',
          actionCancelled ? this.t('payInvoices.actionCancelled') : this.declineText(payment.failureCode),
        );
        return;
      case 'canceled':
        this.finishPending();
        this.showFormMessage(
          actionCancelled ? 'warning' : 'error',
          this.t(actionCancelled ? 'payInvoices.actionCancelled' : 'payInvoices.canceled'),
        );
        return;
    }
  }

  private async handleSubmitError(backend: PayInvoicesBackend, e: unknown): Promise<void> {
    if (!isBackendError(e)) {
      // Not a typed answer: the request may have had effects. Recover by key, never say "failed".
      this.toUnknown();
      return;
    }
    if (e.kind === 'aborted') return;
    if (
      e.outcomeUnknown ||
      e.kind === 'network' ||
      e.kind === 'timeout' ||
      e.kind === 'unavailable' ||
      e.kind === 'malformed_response' ||
      (e.kind === 'conflict' && e.code === 'idempotency_in_progress')
    ) {
      this.toUnknown();
      return;
    }
    // The server answered and refused: nothing was charged with this key.
    const request = this.pending?.request;
    this.finishPending();
    if (e.code === 'verification_required' && request?.method.kind === 'token') {
      this.needsMicrodeposits(request.methodType, request.method.summary.last4, request.method.save);
      return;
    }
    switch (e.kind) {
      case 'conflict':
        await this.reloadBalances(backend);
        return;
      case 'unauthorized':
      case 'forbidden':
        this.fireAuthIfNeeded(e);
        this.showFormMessage('error', this.t('payInvoices.auth'));
        return;
      case 'declined':
        this.showFormMessage('error', this.declineText(e.code));
        return;
      default:
        this.showFormMessage('error', this.t('payInvoices.rejected', { reason: this.errorMessage(e) }));
    }
  }

  /**
   * A new bank account that must be verified by micro-deposits first: when it was saved it now
   * awaits verification in the saved list (and "Manage saved methods" opens to enter the code).
   */
  private needsMicrodeposits(type: MethodType, last4: string, saved: boolean): void {
    if (saved) {
      this.collected[type] = null;
      this.savedChoice[type] = null;
      this.achConsent = null;
      this.manageOpen = true;
      void this.reloadMethods();
    }
    this.showFormMessage(
      'warning',
      this.t(saved ? 'savedMethods.microdepositsSent' : 'savedMethods.microdepositsNeedSave', { last4 }),
    );
    this.touch();
  }

  private declineText(code: string | undefined): string {
    const known = [
      'card_declined',
      'insufficient_funds',
      'expired_card',
      'incorrect_cvc',
      'processing_error',
      'lost_card',
      'stolen_card',
      'account_closed',
    ];
    return this.t(code && known.includes(code) ? `payInvoices.decline.${code}` : 'payInvoices.decline.generic');
  }

  /** The outcome is definitive: the key is no longer needed. */
  private finishPending(): void {
    clearPending(this.accountId);
    this.pending = null;
    this.phase = 'idle';
  }

  private toUnknown(): void {
    this.phase = 'unknown';
    this.announce(this.t('payInvoices.unknown.heading'));
    this.focusAfterRender = '#outcome';
  }

  private showFormMessage(kind: MessageKind, text: string): void {
    this.phase = 'idle';
    this.message = { kind, text };
    // The alert announces the message; the status region must not keep saying "Processing…".
    this.announcement = '';
    this.focusAfterRender = '#form-message';
  }

  /** Looks the pending payment up by its key (F02–F05); a missing one can be re-sent with the same key. */
  private async checkStatus(): Promise<void> {
    const pending = this.pending;
    const backend = this.resolvedBackend;
    if (!pending || !backend) return;
    this.phase = 'checking';
    this.statusNote = '';
    this.announce(this.t('payInvoices.unknown.checking'));
    const ac = new AbortController();
    this.submitAbort = ac;
    try {
      const payment = await backend.findPaymentByKey(pending.key, ac.signal);
      if (ac.signal.aborted) return;
      if (payment) await this.handlePayment(backend, payment, ac.signal, false);
      else {
        this.phase = 'not-found';
        this.focusAfterRender = '#outcome';
      }
    } catch (e) {
      if (ac.signal.aborted) return;
      this.fireAuthIfNeeded(e);
      this.phase = 'unknown';
      this.statusNote = this.t('payInvoices.unknown.stillUnknown');
      this.focusAfterRender = '#outcome';
    } finally {
      if (this.submitAbort === ac) this.submitAbort = undefined;
    }
  }

  private onCheckStatus(): void {
    void this.checkStatus();
  }

  private onResend(): void {
    const backend = this.resolvedBackend;
    if (this.pending && backend && this.phase === 'not-found') void this.send(backend, this.pending);
  }

  private onDiscard(): void {
    this.finishPending();
    this.focusAfterRender = '[part="submit-button"]';
    this.touch();
  }

  /** 409 (F07): new balances, selection kept where possible, the user confirms again. */
  private async reloadBalances(backend: PayInvoicesBackend): Promise<void> {
    this.phase = 'checking';
    const ac = new AbortController();
    this.submitAbort = ac;
    try {
      const [invoices, credits] = await Promise.all([
        listAllInvoices(backend, this.accountId, { status: 'open', sort: 'dueDate', order: 'asc' }, ac.signal),
        backend.listCredits(this.accountId, ac.signal),
      ]);
      if (ac.signal.aborted) return;
      this.applyInvoices(invoices, this.rowState);
      this.applyCredits(credits, this.creditState);
      this.touch();
      this.showFormMessage('warning', this.t('payInvoices.conflict'));
    } catch (e) {
      if (ac.signal.aborted) return;
      this.fireAuthIfNeeded(e);
      this.showFormMessage('error', `${this.t('payInvoices.conflict')} ${this.errorMessage(e)}`);
    } finally {
      if (this.submitAbort === ac) this.submitAbort = undefined;
    }
  }

  private showReceipt(payment: Payment): void {
    this.receipt = payment;
    this.view = 'receipt';
    this.phase = 'idle';
    this.message = null;
    this.focusAfterRender = '#receipt-heading';
    this.announce(
      this.t(payment.status === 'processing' ? 'payInvoices.receipt.processing' : 'payInvoices.receipt.succeeded'),
    );
    this.dispatchEvent(
      new CustomEvent<PaymentCompleteDetail>('payment-complete', {
        detail: {
          paymentId: payment.id,
          status: payment.status === 'processing' ? 'processing' : 'succeeded',
          total: payment.total,
          currency: payment.currency,
        },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private fireAuthIfNeeded(e: unknown): void {
    if (isBackendError(e) && (e.kind === 'unauthorized' || e.kind === 'forbidden')) {
      this.dispatchEvent(
        new CustomEvent<AuthRequiredDetail>('auth-required', {
          detail: { reason: e.kind },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  private announce(text: string): void {
    // Re-announce identical text by clearing first.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers

  private onBack(): void {
    this.dispatchEvent(new CustomEvent('pay-back', { detail: {}, bubbles: true, composed: true }));
  }

  private onWalkthrough(e: Event): void {
    const proceed = this.dispatchEvent(
      new CustomEvent<WalkthroughRequestDetail>('walkthrough-request', {
        detail: { steps: WALKTHROUGH_STEPS },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    // A host that runs its own guide cancels the request; otherwise ours starts.
    if (!proceed) return;
    const guide = this.renderRoot.querySelector('payment-walkthrough');
    void guide?.start(this.renderRoot as ShadowRoot, e.currentTarget as HTMLElement);
  }

  private onRetry(): void {
    this.loadedFor = undefined;
    void this.load();
  }

  private onAnother(): void {
    this.presetApplied = true;
    this.loadedFor = undefined;
    void this.load().then(() => {
      if (this.view === 'ready') {
        this.focusAfterRender = '#heading';
        this.requestUpdate();
      }
    });
  }

  private onPrint(): void {
    window.print();
  }

  private readonly onRowToggle = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const id = input.dataset['id'];
    if (id === undefined) return;
    this.setSelected(id, input.checked);
    this.touch();
  };

  private readonly onAmountInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const id = input.dataset['id'];
    const row = id === undefined ? undefined : this.rowById.get(id);
    const st = id === undefined ? undefined : this.rowState.get(id);
    if (!row || !st || !this.partialAllowed) return;
    st.input = input.value;
    this.validateRow(row, st);
    this.touch();
  };

  private readonly onAmountChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const id = input.dataset['id'];
    const row = id === undefined ? undefined : this.rowById.get(id);
    const st = id === undefined ? undefined : this.rowState.get(id);
    if (row && st?.error) this.announce(`${row.invoice.number}: ${this.amountErrorText(st.error, row.payable, row.invoice.currency)}`);
  };

  private onSelectAll(e: Event): void {
    const on = (e.target as HTMLInputElement).checked;
    for (const [id, st] of this.rowState) {
      if (st.selected !== on) this.setSelected(id, on);
    }
    this.touch();
  }

  private onCreditToggle(e: Event): void {
    const input = e.target as HTMLInputElement;
    const id = input.dataset['id'] ?? '';
    const credit = this.credits.find((c) => c.id === id);
    const st = this.creditState.get(id);
    if (!credit || !st) return;
    st.applied = input.checked;
    if (st.applied) {
      const d = this.derived;
      const others = d.creditApps.filter((c) => c.creditId !== id).map((c) => c.amount);
      let invoicesTotal = 0;
      let otherCredits = 0;
      try {
        invoicesTotal = sumAmounts(d.invoiceAmounts.filter((m) => m.currency === credit.currency).map((m) => m.amount));
        otherCredits = sumAmounts(others);
      } catch {
        // Too large to add: fall back to the credit's own amount.
      }
      const max = maxCreditApplicable(invoicesTotal, credit.amount, otherCredits);
      st.input = this.inputText(max > 0 ? max : credit.amount, credit.currency);
      this.validateCredit(credit, st);
    } else {
      st.input = '';
      st.amount = null;
      st.error = null;
    }
    this.touch();
  }

  private onCreditInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const id = input.dataset['id'] ?? '';
    const credit = this.credits.find((c) => c.id === id);
    const st = this.creditState.get(id);
    if (!credit || !st) return;
    st.input = input.value;
    this.validateCredit(credit, st);
    this.touch();
  }

  private onCreditChange(e: Event): void {
    const id = (e.target as HTMLInputElement).dataset['id'] ?? '';
    const credit = this.credits.find((c) => c.id === id);
    const st = this.creditState.get(id);
    if (credit && st?.error) {
      this.announce(`${credit.number}: ${this.amountErrorText(st.error, credit.amount, credit.currency, true)}`);
    }
  }

  private onLumpInput(e: Event): void {
    this.lumpInput = (e.target as HTMLInputElement).value;
    this.lumpError = '';
  }

  private onLumpKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.onLumpApply();
    }
  }

  private onLumpApply(): void {
    this.lumpNote = '';
    const currency = this.accountData?.currency ?? this.settings?.currency ?? 'USD';
    let parsed;
    try {
      parsed = parseMoney(this.lumpInput, currency, this.lang_);
    } catch {
      parsed = { ok: false as const, error: 'invalid' as const };
    }
    if (!parsed.ok) {
      this.lumpError = this.amountErrorText(parsed.error, 0, currency);
      this.announce(this.lumpError);
      return;
    }
    const items = this.rows
      .filter((r) => !r.flag && r.invoice.currency === currency && r.payable > 0)
      .map((r) => ({ id: r.invoice.id, dueDate: r.invoice.dueDate, open: r.payable }));
    if (items.length === 0) {
      this.lumpError = this.t('payInvoices.lump.nothingOpen');
      this.announce(this.lumpError);
      return;
    }
    const { allocations, remainder } = allocateLumpSum(parsed.amount, items);
    if (remainder > 0) {
      let open: number;
      try {
        open = sumAmounts(items.map((i) => i.open));
      } catch {
        open = 0;
      }
      this.lumpError = this.t('payInvoices.lump.remainder', {
        remainder: money(remainder, currency, this.lang_),
        open: money(open, currency, this.lang_),
      });
      this.announce(this.lumpError);
      return;
    }
    if (!this.partialAllowed) {
      const partial = allocations.find((a) => a.amount !== this.rowById.get(a.id)?.payable);
      if (partial) {
        const whole = allocations.filter((a) => a !== partial).map((a) => a.amount);
        let example: number;
        try {
          example = sumAmounts(whole);
        } catch {
          example = 0;
        }
        this.lumpError = this.t('payInvoices.lump.partial', {
          example: money(example > 0 ? example : (this.rowById.get(partial.id)?.payable ?? 0), currency, this.lang_),
        });
        this.announce(this.lumpError);
        return;
      }
    }
    for (const [id, st] of this.rowState) {
      if (st.selected) this.setSelected(id, false);
    }
    for (const a of allocations) {
      const row = this.rowById.get(a.id);
      const st = this.rowState.get(a.id);
      if (!row || !st) continue;
      st.selected = true;
      st.input = a.amount === row.payable ? null : this.inputText(a.amount, currency);
      this.validateRow(row, st);
    }
    this.lumpError = '';
    this.lumpNote = this.t('payInvoices.lump.applied', {
      amount: money(parsed.amount, currency, this.lang_),
      count: allocations.length,
    });
    this.announce(this.lumpNote);
    this.touch();
  }

  private onTypeChange(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (value === 'card' || value === 'ach') {
      this.methodType = value;
      this.touch();
    }
  }

  private onSavedChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (!this.methodType) return;
    this.savedChoice[this.methodType] = input.value;
    this.touch();
  }

  private onAchConsent(e: Event): void {
    const checked = (e.target as HTMLInputElement).checked;
    const method = this.currentMethod();
    const d = this.derived;
    this.achConsent =
      checked && method ? { methodKey: method.key, total: d.totals.total, acceptedAt: new Date().toISOString() } : null;
    this.touch();
  }

  private onEnterMethod(e: Event): void {
    const modal = this.renderRoot.querySelector('payment-method-modal') as
      | (HTMLElement & { open?: (opener?: HTMLElement) => unknown })
      | null;
    if (modal && typeof modal.open === 'function') void modal.open(e.currentTarget as HTMLElement);
  }

  private onMethodCollected(e: CustomEvent<MethodCollectedDetail>): void {
    const detail = e.detail;
    const type = detail.summary.type;
    this.collected[type] = {
      token: detail.token,
      summary: detail.summary,
      save: detail.save,
      achAuthorization: detail.achAuthorization,
      total: this.derived.totals.total,
    };
    this.savedChoice[type] = 'new';
    if (this.allowedTypes().includes(type)) this.methodType = type;
    this.announce(this.t('payInvoices.method.new', { summary: methodSummaryText(detail.summary, this.t.bind(this)) }));
    this.touch();
  }

  private onToggleManage(): void {
    this.manageOpen = !this.manageOpen;
  }

  /** Loads `<pay-invoices-saved-methods>` unless it is registered or on its way; shows and announces progress and failure. */
  private ensureSavedMethods(): void {
    if (this.savedMethodsDefined || this.manageLoad === 'loading') return;
    this.manageLoad = 'loading';
    const loadingText = this.t('payInvoices.manage.loading');
    this.announce(loadingText);
    // The status region must not keep saying "Loading…" once the panel is there (or the alert says why not).
    const clearLoading = (): void => {
      if (this.announcement.trim() === loadingText) this.announcement = '';
    };
    void this.loadSavedMethods().then(
      () => {
        this.manageLoad = 'idle';
        clearLoading();
      },
      () => {
        this.manageLoad = 'failed';
        clearLoading();
      },
    );
  }

  /** Whether `<pay-invoices-saved-methods>`, which "Manage saved methods" renders, is registered. */
  protected get savedMethodsDefined(): boolean {
    return customElements.get(SAVED_METHODS_TAG) !== undefined;
  }

  /** Fetches and registers `<pay-invoices-saved-methods>` (elements/element-loader.ts); rejects when its code cannot be fetched. */
  protected loadSavedMethods(): Promise<void> {
    return loadElement(SAVED_METHODS_TAG);
  }

  private onRetryManage(): void {
    // "Try again" is replaced by the progress line: focus goes back to the panel's button.
    this.focusAfterRender = '[part~="manage-methods-button"]';
    this.ensureSavedMethods();
  }

  private onMethodsChanged(e: CustomEvent<MethodsChangedDetail>): void {
    this.refreshMethods(e.detail.methods);
  }

  private onMemoInput(e: Event): void {
    this.memo = (e.target as HTMLTextAreaElement).value;
  }

  private onMemoChange(): void {
    const over = this.memoOver();
    if (over > 0) {
      this.announce(this.t('payInvoices.memo.over', { count: over, max: this.settings?.memoMaxLength ?? 0 }));
    }
  }

  private onConfirmPending(): void {
    void this.submit(true);
  }

  private onCancelPending(): void {
    this.phase = 'idle';
    this.focusAfterRender = '[part="submit-button"]';
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  private amountErrorText(error: AmountError | ParseError, max: number, currency: string, credit = false): string {
    switch (error) {
      case 'invalid':
        return this.t('payInvoices.amount.invalid', { example: this.inputText(123456, currency) || '1234.56' });
      case 'too_many_decimals': {
        let digits: number;
        try {
          digits = currencyDigits(currency);
        } catch {
          digits = 2;
        }
        return digits === 0
          ? this.t('payInvoices.amount.no_decimals')
          : this.t('payInvoices.amount.too_many_decimals', { digits });
      }
      case 'over_balance':
        return this.t(credit ? 'payInvoices.amount.over_credit' : 'payInvoices.amount.over_balance', {
          max: money(max, currency, this.lang_),
        });
      case 'not_editable':
        return this.t('payInvoices.amount.not_editable', { max: money(max, currency, this.lang_) });
      default:
        return this.t(`payInvoices.amount.${error}`);
    }
  }

  private textFor(row: InvoiceRow): RowText {
    const locale = this.lang_;
    let text = this.rowText.get(row.key);
    if (!text || text.locale !== locale) {
      const inv = row.invoice;
      text = {
        locale,
        invoiceDate: calendarDate(inv.invoiceDate, locale),
        dueDate: calendarDate(inv.dueDate, locale),
        balance: money(inv.balance, inv.currency, locale),
        pending: inv.pending > 0 ? money(inv.pending, inv.currency, locale) : '',
        full: row.flag ? '' : this.inputText(row.payable, inv.currency),
      };
      this.rowText.set(row.key, text);
    }
    return text;
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  /** The element a walkthrough step highlights (inside the shadow root), or null when not shown. */
  walkthroughTarget(step: WalkthroughStepId): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-walkthrough="${step}"]`);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  /** Below 760 px the invoice rows stack into cards (the amount field stays in view). */
  private readonly narrow = new NarrowController(this, 760);
  /**
   * Column names the stacked layout shows beside a row's values, read once per render by
   * `renderInvoices` for the rows it renders (the row renderer's signature is the window's).
   */
  private cellLabels = { issued: '', due: '', balance: '' };

  private renderRow = (row: InvoiceRow, index: number): TemplateResult => {
    const inv = row.invoice;
    const st = this.rowState.get(inv.id);
    const selected = !row.flag && (st?.selected ?? false);
    const text = this.textFor(row);
    const errorId = `amount-error-${row.index}`;
    let amountCell: unknown = nothing;
    if (row.flag) {
      amountCell = html`<span class="flag">${this.t(`payInvoices.flag.${row.flag}`)}</span>`;
    } else if (selected && st) {
      amountCell = html`<input
          type="text"
          inputmode="decimal"
          autocomplete="off"
          part="amount-input"
          aria-label=${this.t('payInvoices.invoices.amountLabel', { number: inv.number })}
          aria-invalid=${st.error ? 'true' : 'false'}
          aria-describedby=${st.error ? errorId : nothing}
          data-id=${inv.id}
          ?readonly=${!this.partialAllowed || this.busy}
          .value=${st.input ?? text.full}
          @input=${this.onAmountInput}
          @change=${this.onAmountChange}
        />${st.error
          ? html`<p class="field-error" id=${errorId}>
              ${this.amountErrorText(st.error, row.payable, inv.currency)}
            </p>`
          : nothing}`;
    }
    const labels = this.cellLabels;
    return html`<div
      role="row"
      part="invoice-row"
      class="row ${selected ? 'selected' : ''} ${row.flag ? 'flagged' : ''}"
      aria-rowindex=${index + 2}
    >
      <div role="cell" class="select">
        <input
          type="checkbox"
          aria-label=${this.t('payInvoices.invoices.select', { number: inv.number })}
          data-id=${inv.id}
          .checked=${selected}
          ?disabled=${row.flag !== null || this.busy}
          @change=${this.onRowToggle}
        />
      </div>
      <div role="cell" class="number">${inv.number}</div>
      <div role="cell" class="issued" data-label=${labels.issued}>${text.invoiceDate}</div>
      <div role="cell" class="due" data-label=${labels.due}>${text.dueDate}</div>
      <div role="cell" class="num balance" data-label=${labels.balance}>${text.balance}</div>
      <div role="cell" class="num pending ${text.pending ? '' : 'none'}">
        ${text.pending ? html`<span class="pending-note">${text.pending}</span>` : nothing}
      </div>
      <div role="cell" class="amount-cell ${amountCell === nothing ? 'none' : ''}">${amountCell}</div>
    </div>`;
  };

  private get busy(): boolean {
    return this.phase === 'submitting' || this.phase === 'action' || this.phase === 'checking';
  }

  private renderInvoices(d: Derived): TemplateResult {
    const selectable = this.rowState.size;
    const allOn = selectable > 0 && d.selectedCount === selectable;
    const some = d.selectedCount > 0 && !allOn;
    const virtual = this.rows.length > WINDOW_AT;
    const rowKey = (row: InvoiceRow): string => row.key;
    this.cellLabels = {
      issued: this.t('payInvoices.col.invoiceDate'),
      due: this.t('payInvoices.col.dueDate'),
      balance: this.t('payInvoices.col.balance'),
    };
    return html`<section class="block" part="invoices" data-walkthrough="invoices" aria-labelledby="invoices-heading">
      <h3 id="invoices-heading">${this.t('payInvoices.invoices.heading')}</h3>
      ${this.partialAllowed ? nothing : html`<p class="muted">${this.t('payInvoices.invoices.partialNotAllowed')}</p>`}
      <div class="table ${virtual ? 'windowed' : ''} ${this.narrow.narrow ? 'stacked' : ''}">
        <div role="table" aria-labelledby="invoices-heading" aria-rowcount=${this.rows.length + 1}>
          <div role="rowgroup" class="table-head">
            <div role="row" class="row header ${this.narrow.narrow ? 'visually-hidden' : ''}" aria-rowindex="1">
              <div role="columnheader">
                <span class="visually-hidden">${this.t('payInvoices.col.select')}</span>
              </div>
              <div role="columnheader">${this.t('payInvoices.col.number')}</div>
              <div role="columnheader">${this.t('payInvoices.col.invoiceDate')}</div>
              <div role="columnheader">${this.t('payInvoices.col.dueDate')}</div>
              <div role="columnheader" class="num">${this.t('payInvoices.col.balance')}</div>
              <div role="columnheader" class="num">${this.t('payInvoices.col.pending')}</div>
              <div role="columnheader">${this.t('payInvoices.col.amount')}</div>
            </div>
          </div>
          <div role="rowgroup">
            ${virtual ? windowRows({ items: this.rows, key: rowKey, renderItem: this.renderRow }) : repeat(this.rows, rowKey, this.renderRow)}
          </div>
        </div>
      </div>
      <div class="table-foot">
        <label class="inline">
          <input
            type="checkbox"
            .checked=${allOn}
            .indeterminate=${some}
            ?disabled=${selectable === 0 || this.busy}
            @change=${this.onSelectAll}
          />
          ${this.t('payInvoices.invoices.selectAll')}
        </label>
        <span class="muted"
          >${this.t('payInvoices.invoices.selectedCount', {
            count: count(d.selectedCount, this.lang_),
            total: count(selectable, this.lang_),
          })}</span
        >
      </div>
    </section>`;
  }

  private renderCredits(): TemplateResult | typeof nothing {
    if (this.credits.length === 0) return nothing;
    // Narrow, each credit is a card like the invoices (roles and column names as there).
    const stacked = this.narrow.narrow;
    const dateLabel = this.t('payInvoices.receipt.date');
    const availableLabel = this.t('payInvoices.credits.col.available');
    const applyLabel = this.t('payInvoices.credits.col.apply');
    return html`<section class="block" part="credits" aria-labelledby="credits-heading">
      <h3 id="credits-heading">${this.t('payInvoices.credits.heading')}</h3>
      <table role="table" class="credits ${stacked ? 'stacked' : ''}">
        <thead role="rowgroup">
          <tr role="row" class=${stacked ? 'visually-hidden' : ''}>
            <th role="columnheader" scope="col">${this.t('payInvoices.credits.col.number')}</th>
            <th role="columnheader" scope="col">${dateLabel}</th>
            <th role="columnheader" scope="col" class="num">${availableLabel}</th>
            <th role="columnheader" scope="col">${applyLabel}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${repeat(
            this.credits,
            (c) => c.id,
            (credit, i) => {
              const st = this.creditState.get(credit.id);
              const errorId = `credit-error-${i}`;
              return html`<tr role="row">
                <td role="cell">
                  <label class="inline">
                    <input
                      type="checkbox"
                      data-id=${credit.id}
                      .checked=${st?.applied ?? false}
                      ?disabled=${!st || this.busy}
                      @change=${this.onCreditToggle}
                    />
                    ${this.t('payInvoices.credits.apply', { number: credit.number })}
                  </label>
                </td>
                <td role="cell" class="date" data-label=${dateLabel}>${calendarDate(credit.date, this.lang_)}</td>
                <td role="cell" class="num available" data-label=${availableLabel}>
                  ${money(credit.amount, credit.currency, this.lang_)}
                </td>
                <td role="cell" class="apply ${st && !st.applied ? 'none' : ''}" data-label=${applyLabel}>
                  ${!st
                    ? html`<span class="flag">${this.t('payInvoices.credits.flagged')}</span>`
                    : st.applied
                      ? html`<input
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            aria-label=${this.t('payInvoices.credits.amountLabel', { number: credit.number })}
                            aria-invalid=${st.error ? 'true' : 'false'}
                            aria-describedby=${st.error ? errorId : nothing}
                            data-id=${credit.id}
                            .value=${st.input}
                            @input=${this.onCreditInput}
                            @change=${this.onCreditChange}
                          />${st.error
                            ? html`<p class="field-error" id=${errorId}>
                                ${this.amountErrorText(st.error, credit.amount, credit.currency, true)}
                              </p>`
                            : nothing}`
                      : nothing}
                </td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderAmounts(d: Derived): TemplateResult {
    const cur = d.currency;
    const surcharge = this.methodType ? (this.settings?.surcharge[this.methodType] ?? null) : null;
    const t = d.totals;
    return html`<section class="block amounts" data-walkthrough="amounts" aria-label=${this.t('payInvoices.totals.heading')}>
      <div class="lump" part="lump-sum">
        <h3>${this.t('payInvoices.lump.heading')}</h3>
        <p class="muted" id="lump-hint">${this.t('payInvoices.lump.hint')}</p>
        <div class="controls">
          <label for="lump" class="visually-hidden">${this.t('payInvoices.lump.label')}</label>
          <input
            id="lump"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            aria-invalid=${this.lumpError ? 'true' : 'false'}
            aria-describedby=${this.lumpError ? 'lump-hint lump-error' : 'lump-hint'}
            .value=${this.lumpInput}
            ?disabled=${this.busy}
            @input=${this.onLumpInput}
            @keydown=${this.onLumpKeydown}
          />
          <button type="button" ?disabled=${this.busy} @click=${this.onLumpApply}>${this.t('payInvoices.lump.apply')}</button>
        </div>
        ${this.lumpError ? html`<p class="field-error" id="lump-error">${this.lumpError}</p>` : nothing}
        ${this.lumpNote ? html`<p class="muted">${this.lumpNote}</p>` : nothing}
      </div>
      <div class="totals-box" part="totals">
        <h3 id="totals-heading">${this.t('payInvoices.totals.heading')}</h3>
        <div aria-live="polite" aria-atomic="true">
          <dl class="totals">
            <dt>${this.t('payInvoices.totals.invoices')}</dt>
            <dd>${money(t.invoices, cur, this.lang_)}</dd>
            ${d.creditApps.length > 0 || t.credits > 0
              ? html`<dt>${this.t('payInvoices.totals.credits')}</dt>
                  <dd>${money(-t.credits, cur, this.lang_)}</dd>`
              : nothing}
            ${surcharge
              ? html`<dt>${surcharge.label}</dt>
                  <dd>${money(t.surcharge, cur, this.lang_)}</dd>`
              : nothing}
            <dt class="grand">${this.t('payInvoices.totals.total')}</dt>
            <dd class="grand">${money(t.error ? 0 : t.total, cur, this.lang_)}</dd>
          </dl>
          ${t.error ? html`<p class="field-error" id="totals-error">${this.t(`payInvoices.totals.${t.error}`)}</p>` : nothing}
        </div>
      </div>
    </section>`;
  }

  private renderSavedMethod(m: SavedPaymentMethod, type: MethodType): TemplateResult {
    const usable = this.methodUsable(m);
    const s = m.summary;
    const expired = s.type === 'card' && isCardExpired(s.expMonth, s.expYear);
    return html`<label class="inline">
      <input
        type="radio"
        name="saved-${type}"
        value=${m.id}
        .checked=${usable && this.savedChoice[type] === m.id}
        ?disabled=${!usable || this.busy}
        @change=${this.onSavedChange}
      />
      <span>
        ${methodSummaryText(s, this.t.bind(this))}${s.type === 'card'
          ? html`, <span class="muted"
                >${this.t('payInvoices.method.cardExpires', {
                  month: String(s.expMonth).padStart(2, '0'),
                  year: s.expYear,
                })}</span
              >`
          : nothing}
        ${m.isDefault ? html`<span class="badge">${this.t('payInvoices.method.default')}</span>` : nothing}
        ${expired ? html`<span class="badge warn">${this.t('payInvoices.method.expired')}</span>` : nothing}
        ${m.verification === 'pending_microdeposits'
          ? html`<span class="badge warn">${this.t('payInvoices.method.awaitingVerification')}</span>`
          : nothing}
        ${m.verification === 'failed'
          ? html`<span class="badge warn">${this.t('payInvoices.method.verificationFailed')}</span>`
          : nothing}
      </span>
    </label>`;
  }

  /**
   * "Manage saved methods": `<pay-invoices-saved-methods>` once it is registered; until then a panel
   * (with the same id, for the button's aria-controls) that shows its loading or why it failed.
   */
  private renderManagePanel(): TemplateResult {
    if (this.savedMethodsDefined) {
      return html`<pay-invoices-saved-methods
        id="manage-methods"
        account=${this.accountId}
        locale=${this.lang_}
        theme=${this.theme}
        .backend=${this.resolvedBackend}
        .methods=${this.methods}
        ?hidden=${!this.manageOpen}
        @methods-changed=${this.onMethodsChanged}
      ></pay-invoices-saved-methods>`;
    }
    const load = this.manageLoad;
    return html`<div id="manage-methods" ?hidden=${!this.manageOpen} aria-busy=${load === 'loading' ? 'true' : 'false'}>
      ${load === 'loading'
        ? html`<p class="muted"><span class="spinner" aria-hidden="true"></span> ${this.t('payInvoices.manage.loading')}</p>`
        : load === 'failed'
          ? html`<div class="alert error" role="alert">
              <p>${this.t('payInvoices.manage.loadError')}</p>
              <button type="button" @click=${this.onRetryManage}>${this.t('common.retry')}</button>
            </div>`
          : nothing}
    </div>`;
  }

  private renderMethod(d: Derived): TemplateResult {
    const allowed = this.allowedTypes();
    const type = this.methodType;
    if (allowed.length === 0 || !type) {
      return html`<section class="block" part="method" data-walkthrough="method" aria-labelledby="method-heading">
        <h3 id="method-heading">${this.t('payInvoices.method.heading')}</h3>
        <p class="alert warning">${this.t('payInvoices.method.none')}</p>
      </section>`;
    }
    const saved = this.methods.filter((m) => m.summary.type === type);
    const collected = this.collected[type];
    const method = this.currentMethod();
    const showConsent =
      type === 'ach' &&
      method !== null &&
      !d.totals.error &&
      !(method.choice.kind === 'token' && collected?.achAuthorization && collected.total === d.totals.total);
    const consentChecked =
      this.achConsent !== null &&
      method !== null &&
      this.achConsent.methodKey === method.key &&
      this.achConsent.total === d.totals.total;
    const modalAmount = d.totals.error ? undefined : { amount: d.totals.total, currency: d.currency };
    return html`<fieldset class="block" part="method" data-walkthrough="method">
      <legend>${this.t('payInvoices.method.heading')}</legend>
      <div class="choices">
        ${allowed.map(
          (t) => html`<label class="inline">
            <input
              type="radio"
              name="method-type"
              value=${t}
              .checked=${type === t}
              ?disabled=${this.busy}
              @change=${this.onTypeChange}
            />
            ${this.t(`payInvoices.method.${t}`)}
          </label>`,
        )}
      </div>
      ${saved.length > 0 || collected
        ? html`<fieldset class="saved">
            <legend>${this.t(type === 'card' ? 'payInvoices.method.savedCards' : 'payInvoices.method.savedBanks')}</legend>
            ${saved.map((m) => this.renderSavedMethod(m, type))}
            ${collected
              ? html`<label class="inline">
                    <input
                      type="radio"
                      name="saved-${type}"
                      value="new"
                      .checked=${this.savedChoice[type] === 'new'}
                      ?disabled=${this.busy}
                      @change=${this.onSavedChange}
                    />
                    ${this.t('payInvoices.method.new', { summary: methodSummaryText(collected.summary, this.t.bind(this)) })}
                  </label>
                  ${collected.save ? html`<p class="muted">${this.t('payInvoices.method.willSave')}</p>` : nothing}`
              : nothing}
          </fieldset>`
        : html`<p class="muted">${this.t('payInvoices.method.noSaved')}</p>`}
      <button
        type="button"
        part="method-entry-button"
        data-walkthrough="method-entry"
        ?disabled=${this.busy}
        @click=${this.onEnterMethod}
      >
        ${this.t(type === 'card' ? 'payInvoices.method.enterCard' : 'payInvoices.method.enterBank')}
      </button>
      ${this.methods.length > 0 || this.manageOpen
        ? html`<button
            type="button"
            class="link"
            part="manage-methods-button"
            aria-expanded=${this.manageOpen ? 'true' : 'false'}
            aria-controls="manage-methods"
            aria-busy=${this.manageOpen && this.manageLoad === 'loading' ? 'true' : 'false'}
            ?disabled=${this.busy}
            @click=${this.onToggleManage}
          >
            ${this.t('savedMethods.manage')}
          </button>`
        : nothing}
      ${this.renderManagePanel()}
      ${showConsent && method
        ? html`<div class="ach-auth">
            <h4 id="mandate-heading">${this.t('payInvoices.method.achMandateHeading')}</h4>
            ${this.settings?.achMandateText
              ? html`<div class="mandate" role="region" aria-labelledby="mandate-heading" tabindex="0">${this.filledMandate(
                  d.totals.total,
                  method.last4,
                )}</div>`
              : nothing}
            <label class="inline">
              <input type="checkbox" .checked=${consentChecked} ?disabled=${this.busy} @change=${this.onAchConsent} />
              ${this.achSentence(d.totals.total, method.last4)}
            </label>
          </div>`
        : type === 'ach' && method?.choice.kind === 'token' && collected?.achAuthorization
          ? html`<p class="muted">${this.t('payInvoices.method.achAccepted', { last4: method.last4 })}</p>`
          : nothing}
      <payment-method-modal
        .type=${type}
        .collector=${this.resolvedCollector}
        .settings=${this.settings}
        .amount=${modalAmount}
        locale=${this.lang_}
        @method-collected=${this.onMethodCollected}
      ></payment-method-modal>
    </fieldset>`;
  }

  private renderMemo(): TemplateResult | typeof nothing {
    const max = this.settings?.memoMaxLength ?? 0;
    if (max <= 0) return nothing;
    const over = this.memoOver();
    const left = Math.max(0, max - graphemeLength(this.memo));
    return html`<div class="block memo" part="memo" data-walkthrough="memo">
      <label for="memo">${this.t('payInvoices.memo.label')}</label>
      <textarea
        id="memo"
        dir="auto"
        aria-invalid=${over > 0 ? 'true' : 'false'}
        aria-describedby=${over > 0 ? 'memo-error memo-counter' : 'memo-counter'}
        .value=${this.memo}
        ?disabled=${this.busy}
        @input=${this.onMemoInput}
        @change=${this.onMemoChange}
      ></textarea>
      <p class="counter muted" id="memo-counter">${this.t('payInvoices.memo.left', { count: left })}</p>
      ${over > 0
        ? html`<p class="field-error" id="memo-error">${this.t('payInvoices.memo.over', { count: over, max })}</p>`
        : nothing}
    </div>`;
  }

  private renderPendingConfirm(d: Derived): TemplateResult {
    const listed = d.pendingSelected.slice(0, PENDING_LISTED);
    const more = d.pendingSelected.length - listed.length;
    return html`<div
      class="alert warning"
      role="alertdialog"
      id="pending-confirm"
      tabindex="-1"
      aria-labelledby="pending-title"
      aria-describedby="pending-desc"
    >
      <p id="pending-title"><strong>${this.t('payInvoices.pending.heading')}</strong></p>
      <div id="pending-desc">
        ${listed.map(
          (row) =>
            html`<p>
              ${this.t('payInvoices.pending.one', {
                number: row.invoice.number,
                amount: money(row.invoice.pending, row.invoice.currency, this.lang_),
              })}
            </p>`,
        )}
        ${more > 0 ? html`<p>${this.t('payInvoices.pending.more', { count: count(more, this.lang_) })}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="button" class="primary" @click=${this.onConfirmPending}>
          ${this.t('payInvoices.pending.confirm')}
        </button>
        <button type="button" @click=${this.onCancelPending}>${this.t('payInvoices.pending.cancel')}</button>
      </div>
    </div>`;
  }

  private renderSubmit(d: Derived): TemplateResult {
    const blockers = this.blockers(d);
    const busy = this.busy;
    const disabled = busy || blockers.length > 0 || this.phase === 'confirm-pending';
    const progress =
      this.phase === 'submitting'
        ? this.t('payInvoices.submitting')
        : this.phase === 'action'
          ? this.t('payInvoices.authenticating')
          : this.phase === 'checking'
            ? this.t('common.loading')
            : '';
    return html`
      ${this.message
        ? html`<div class="alert ${this.message.kind}" role="alert" tabindex="-1" id="form-message" part="message">
            ${this.message.text}
          </div>`
        : nothing}
      ${this.phase === 'confirm-pending' ? this.renderPendingConfirm(d) : nothing}
      <div class="submit">
        <button
          type="button"
          class="primary"
          part="submit-button"
          data-walkthrough="submit"
          ?disabled=${disabled}
          aria-busy=${busy ? 'true' : 'false'}
          aria-describedby="submit-hint"
          @click=${this.onSubmitClick}
        >
          ${this.t('payInvoices.submit')}
        </button>
        <p class="muted" id="submit-hint">${busy ? nothing : (blockers[0] ?? nothing)}</p>
        <p role="status" class="progress">
          ${progress ? html`<span class="spinner" aria-hidden="true"></span> ${progress}` : nothing}
        </p>
      </div>
    `;
  }

  private renderOutcomePanel(): TemplateResult {
    const checking = this.phase === 'checking';
    if (this.phase === 'not-found') {
      return html`<div class="alert warning" id="outcome" tabindex="-1" role="alert" part="message">
        <p><strong>${this.t('payInvoices.notFound.heading')}</strong></p>
        <p>${this.t('payInvoices.notFound.body')}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${this.onResend}>${this.t('payInvoices.notFound.retry')}</button>
          <button type="button" @click=${this.onDiscard}>${this.t('payInvoices.notFound.discard')}</button>
        </div>
      </div>`;
    }
    return html`<div class="alert" id="outcome" tabindex="-1" role="alert" part="message" aria-busy=${checking ? 'true' : 'false'}>
      <p><strong>${this.t('payInvoices.unknown.heading')}</strong></p>
      <p>${this.t('payInvoices.unknown.body')}</p>
      ${this.statusNote ? html`<p>${this.statusNote}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${checking} aria-busy=${checking ? 'true' : 'false'} @click=${this.onCheckStatus}>
          ${checking ? html`<span class="spinner" aria-hidden="true"></span> ` : nothing}${this.t(
            checking ? 'payInvoices.unknown.checking' : 'payInvoices.unknown.check',
          )}
        </button>
      </div>
    </div>`;
  }

  private renderForm(): TemplateResult {
    if (this.rows.length === 0) {
      return html`<p class="alert">${this.t('payInvoices.invoices.empty')}</p>`;
    }
    // A payment whose outcome is not known yet: no new charge until it is (F02–F05).
    const recovering =
      this.pending !== null && (this.phase === 'unknown' || this.phase === 'not-found' || this.phase === 'checking');
    if (recovering) return this.renderOutcomePanel();
    const d = this.derived;
    return html`<div class="form">
      ${this.renderInvoices(d)} ${this.renderCredits()} ${this.renderAmounts(d)} ${this.renderMethod(d)}
      ${this.renderMemo()} ${this.renderSubmit(d)}
    </div>`;
  }

  private renderReceipt(p: Payment): TemplateResult {
    const processing = p.status === 'processing';
    const cur = p.currency;
    const name = p.paidBy.name || this.viewer?.name || '';
    const paidBy =
      p.paidBy.kind === 'worker'
        ? this.t('payInvoices.receipt.paidByWorker', { name, account: this.accountData?.name ?? '' })
        : this.t('payInvoices.receipt.paidByContact', { name });
    const creditNumber = (id: string): string => this.credits.find((c) => c.id === id)?.number ?? id;
    return html`<section class="block receipt" part="receipt" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading" tabindex="-1">
        ${this.t(processing ? 'payInvoices.receipt.processing' : 'payInvoices.receipt.succeeded')}
      </h3>
      <dl>
        <dt>${this.t('payInvoices.receipt.number')}</dt>
        <dd>${p.cashReceipt?.number ?? this.t('payInvoices.receipt.pendingReceipt')}</dd>
        <dt>${this.t('payInvoices.receipt.date')}</dt>
        <dd>${calendarDate(p.cashReceipt?.date ?? p.createdAt, this.lang_)}</dd>
        <dt>${this.t('payInvoices.receipt.method')}</dt>
        <dd>${methodSummaryText(p.methodSummary, this.t.bind(this))}</dd>
        <dt>${this.t('payInvoices.receipt.status')}</dt>
        <dd>
          ${this.t(processing ? 'payInvoices.receipt.statusProcessing' : 'payInvoices.receipt.statusSucceeded')}
        </dd>
      </dl>
      <table>
        <caption class="visually-hidden">${this.t('payInvoices.receipt.invoicesLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('payInvoices.receipt.invoice')}</th>
            <th scope="col" class="num">${this.t('payInvoices.receipt.amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${p.allocations.map(
            (a) => html`<tr>
              <th scope="row">${this.invoiceById.get(a.invoiceId)?.number ?? a.invoiceId}</th>
              <td class="num">${money(a.amount, cur, this.lang_)}</td>
            </tr>`,
          )}
          ${p.credits.map(
            (c) => html`<tr>
              <th scope="row">${this.t('payInvoices.receipt.credit', { number: creditNumber(c.creditId) })}</th>
              <td class="num">${money(-c.amount, cur, this.lang_)}</td>
            </tr>`,
          )}
          ${p.surcharge > 0
            ? html`<tr>
                <th scope="row">${p.surchargeLabel ?? ''}</th>
                <td class="num">${money(p.surcharge, cur, this.lang_)}</td>
              </tr>`
            : nothing}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${this.t('payInvoices.totals.total')}</th>
            <td class="num">${money(p.total, cur, this.lang_)}</td>
          </tr>
        </tfoot>
      </table>
      ${p.memo
        ? html`<p><strong>${this.t('payInvoices.receipt.memo')}:</strong> <span class="memo-text">${p.memo}</span></p>`
        : nothing}
      <p>${paidBy}</p>
      <div class="actions no-print">
        <button type="button" @click=${this.onPrint}>${this.t('payInvoices.receipt.print')}</button>
        <button type="button" class="primary" @click=${this.onAnother}>${this.t('payInvoices.receipt.another')}</button>
      </div>
    </section>`;
  }

  private renderBody(): TemplateResult {
    switch (this.view) {
      case 'idle':
      case 'loading':
        return html`<div class="state" role="status">
          <span class="spinner" aria-hidden="true"></span>${this.t('payInvoices.loading')}
        </div>`;
      case 'error':
        return html`<div class="alert error" role="alert" part="message">
          <p>${this.t('payInvoices.loadError')}</p>
          <p>${this.loadErrorText}</p>
          <button type="button" @click=${this.onRetry}>${this.t('common.retry')}</button>
        </div>`;
      case 'no-backend':
        return html`<p class="alert warning">${this.t('payInvoices.noBackend')}</p>`;
      case 'no-account':
        return html`<p class="alert">${this.t('payInvoices.noAccount')}</p>`;
      case 'off':
        return html`<div class="alert warning" role="note">
          <p><strong>${this.t('payInvoices.offHeading')}</strong></p>
          <p>${this.t('payInvoices.off')}</p>
        </div>`;
      case 'receipt':
        return this.receipt ? this.renderReceipt(this.receipt) : html``;
      case 'ready':
        return this.renderForm();
    }
  }

  override render(): TemplateResult {
    const walkthrough =
      this.view === 'ready' && this.settings?.walkthroughEnabled && this.rows.length > 0
        ? html`<button
            type="button"
            class="info"
            part="walkthrough-button"
            aria-label=${this.t('payInvoices.walkthrough')}
            title=${this.t('payInvoices.walkthrough')}
            @click=${this.onWalkthrough}
          >
            ${this.t('payInvoices.walkthrough.glyph')}
          </button>`
        : nothing;
    return html`<section class="pay" aria-labelledby="heading" aria-busy=${this.view === 'loading' ? 'true' : 'false'}>
        <div class="head">
          <h2 id="heading" part="heading" tabindex="-1">${this.t('payInvoices.heading')}</h2>
          ${walkthrough}
          <span class="spacer"></span>
          ${this.showBack
            ? html`<button type="button" part="back-button" class="no-print" @click=${this.onBack}>
                ${this.t('payInvoices.back')}
              </button>`
            : nothing}
        </div>
        ${this.renderBody()}
      </section>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.settings?.walkthroughEnabled
        ? html`<payment-walkthrough locale=${this.locale} theme=${this.theme}></payment-walkthrough>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-invoices': PayInvoices;
  }
  interface GlobalEventHandlersEventMap {
    'pay-back': CustomEvent<Record<string, never>>;
    'walkthrough-request': CustomEvent<WalkthroughRequestDetail>;
    'auth-required': CustomEvent<AuthRequiredDetail>;
    'payment-complete': CustomEvent<PaymentCompleteDetail>;
  }
}
