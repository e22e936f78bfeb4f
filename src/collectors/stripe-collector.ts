/**
 * The StripeCollector: card and US bank account (ACH) entry through Stripe's Payment Element.
 *
 * - Stripe.js is loaded lazily, through `loadStripe` from '@stripe/stripe-js/pure', the first time
 *   the payer opens card or bank entry (`availability()`/`open()`), never on import or render.
 * - The Payment Element is limited to the chosen method (`allowedPaymentMethodTypes: ['card']` or
 *   `['us_bank_account']`), created without an intent (`mode: 'payment'` when the amount is known,
 *   else `'setup'`) with `paymentMethodCreation: 'manual'`: the collector only creates a
 *   PaymentMethod and hands its id (`pm_…`) to the widget. The host's server creates and confirms
 *   the PaymentIntent (see docs/stripe.md).
 * - Stripe refuses to mount in a shadow root, so the element is mounted into a light-DOM node
 *   slotted through every shadow root between the modal and the document (`createLightDomMount`).
 * - `requires_action` (3-D Secure) runs `stripe.handleNextAction`; ACH micro-deposits can be
 *   verified with `verifyMicrodeposits`.
 * - When Stripe.js cannot load (blocked, offline), card entry reports itself unavailable with a
 *   reason; bank entry can fall back to another collector (`fallback`).
 */
import { loadStripe } from '@stripe/stripe-js/pure';
import type { MethodType, MethodSummary } from '../core/schemas.js';
import { MethodSummary as MethodSummarySchema } from '../core/schemas.js';
import { truncateGraphemes } from '../core/text.js';
import { defineElement } from '../define/define.js';
import { registerDefaultMessages, translate } from '../i18n/index.js';
import { stripe as messages } from '../i18n/en/stripe.js';
import {
  CollectorError,
  type Availability,
  type CollectedToken,
  type CollectOptions,
  type CollectorSession,
  type PaymentCollector,
} from './types.js';
import type { BillingDetails, ValidatingSession } from './types.js';
import { checkPublishableKey, isTestKey } from './stripe/key.js';
import { createLightDomMount, type LightDomMount } from './stripe/light-dom-mount.js';
import { StripeFields, type StripeFieldsController } from './stripe/stripe-fields.js';
import type {
  LoadStripeLike,
  StripeElementsLike,
  StripeElementsOptionsLike,
  StripeErrorLike,
  StripeLike,
  StripePaymentElementLike,
  StripePaymentMethodLike,
} from './stripe/stripe-like.js';

registerDefaultMessages('en', messages);

export type * from './stripe/stripe-like.js';
export { createLightDomMount, type LightDomMount } from './stripe/light-dom-mount.js';
export { StripeFields } from './stripe/stripe-fields.js';

/** Registers `<pi-stripe-fields>` (guarded; safe to call repeatedly). */
export function defineStripeElements(): void {
  defineElement('pi-stripe-fields', StripeFields);
}

export interface StripeCollectorOptions {
  /** The Stripe publishable key (`pk_live_…` or `pk_test_…`). Never a secret key. */
  publishableKey: string;
  /** Connect: the connected account the payments belong to (`acct_…`). */
  stripeAccount?: string;
  /**
   * Loads Stripe.js. Defaults to `loadStripe` from '@stripe/stripe-js/pure'. Tests and Storybook
   * inject a fake here.
   */
  loadStripe?: LoadStripeLike | typeof loadStripe;
  /**
   * Used for bank accounts (ACH) when Stripe.js cannot be loaded, e.g. a host's own bank-entry
   * collector. Never used for cards. A TEST MODE collector is refused with a live key.
   */
  fallback?: PaymentCollector;
  /**
   * `payment` (Elements in payment mode with the modal's amount), `setup` (for saving a method
   * without paying), or `auto` (default): payment when the host element exposes a positive
   * `amount`, else setup.
   */
  mode?: 'auto' | 'payment' | 'setup';
  /** Currency (ISO 4217) when the host has no amount. Default `usd`. */
  currency?: string;
  /**
   * Stripe's own ACH mandate text inside the Payment Element. Default `never`: the modal shows the
   * authorization (the host's `achMandateText`) and requires its checkbox. See docs/stripe.md.
   */
  achTerms?: 'auto' | 'always' | 'never';
  /** Give up loading Stripe.js after this many ms (default 20000). */
  loadTimeoutMs?: number;
}

/** What `verifyMicrodeposits` was given: the descriptor code (SM…) or the two amounts in cents. */
export type MicrodepositInput = { descriptorCode: string } | { amounts: [number, number] };

export interface MicrodepositResult {
  verified: boolean;
  /** The PaymentIntent's status after verification (e.g. `processing`). */
  status?: string;
  /** Why verification failed, for the payer. */
  message?: string;
}

/** Stripe Elements locales (Stripe.js 'endive'); anything else becomes `auto`. */
const STRIPE_LOCALES = new Set(
  (
    'ar bg cs da de el en en-AU en-CA en-NZ en-GB es es-ES es-419 et fi fil fr fr-CA fr-FR he hu hr id it it-IT ' +
    'ja ko lt lv ms mt nb nl no pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW'
  ).split(' '),
);

export function stripeLocale(locale: string): string {
  if (!locale) return 'auto';
  const [lang = '', region = ''] = locale.replace('_', '-').split('-');
  const full = region ? `${lang.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region}` : '';
  if (full && STRIPE_LOCALES.has(full)) return full;
  return STRIPE_LOCALES.has(lang.toLowerCase()) ? lang.toLowerCase() : 'auto';
}

const defaultLoadStripe: LoadStripeLike = (key, options) =>
  loadStripe(key, options) as unknown as Promise<StripeLike | null>;

function documentLocale(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'en';
}

/** The host's `amount` property (the modal's `{amount, currency}`), when it is a usable amount. */
function hostAmount(host: HTMLElement): { amount: number; currency: string } | undefined {
  const value = (host as HTMLElement & { amount?: unknown }).amount;
  if (!value || typeof value !== 'object') return undefined;
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) return undefined;
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return undefined;
  return { amount, currency: currency.toLowerCase() };
}

/** A Stripe message for the payer (plain text, bounded) or our own sentence. */
function payerMessage(error: StripeErrorLike, fallback: string): string {
  const text = typeof error.message === 'string' ? error.message.trim() : '';
  return text ? truncateGraphemes(text, 300) : fallback;
}

/** A PaymentMethod as the summary the widget may keep (never a full number). */
export function summarizePaymentMethod(pm: StripePaymentMethodLike, bankFallbackName: string): MethodSummary | null {
  let candidate: unknown = null;
  if (pm.card) {
    candidate = {
      type: 'card',
      brand: pm.card.brand || 'unknown',
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
    };
  } else if (pm.us_bank_account) {
    candidate = {
      type: 'ach',
      bankName: pm.us_bank_account.bank_name?.trim() || bankFallbackName,
      last4: pm.us_bank_account.last4 ?? '',
      accountType: pm.us_bank_account.account_type === 'savings' ? 'savings' : 'checking',
    };
  }
  const parsed = MethodSummarySchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

interface SessionConfig {
  stripe: StripeLike;
  type: MethodType;
  locale: string;
  mode: 'payment' | 'setup';
  amount?: number;
  currency: string;
  achTerms: 'auto' | 'always' | 'never';
}

/** One open entry form: owns the Payment Element and the light-DOM chain that carries it. */
class StripeSession implements ValidatingSession, StripeFieldsController {
  readonly element: StripeFields;
  private _elements?: StripeElementsLike;
  private _paymentElement?: StripePaymentElementLike;
  private _mount?: LightDomMount;
  private _ready = false;
  private _complete = false;
  private _destroyed = false;
  private _wantFocus = false;
  private _holderName = '';

  constructor(private readonly config: SessionConfig) {
    this.element = document.createElement('pi-stripe-fields');
    this.element.locale = config.locale;
    this.element.methodType = config.type;
    this.element.controller = this;
  }

  private t(key: string): string {
    return translate(this.config.locale, key);
  }

  // StripeFieldsController ------------------------------------------------------------------------

  connected(element: StripeFields): void {
    if (this._destroyed || this._paymentElement) return;
    const { stripe, type, mode, amount, currency, locale, achTerms } = this.config;
    try {
      const options: StripeElementsOptionsLike = {
        mode,
        currency,
        allowedPaymentMethodTypes: [type === 'ach' ? 'us_bank_account' : 'card'],
        paymentMethodCreation: 'manual',
        appearance: element.readAppearance(),
        locale: stripeLocale(locale),
      };
      if (mode === 'payment' && amount) options.amount = amount;
      const elements = stripe.elements(options);
      const paymentElement = elements.create('payment', {
        layout: 'tabs',
        wallets: { applePay: 'never', googlePay: 'never', link: 'never' },
        // Bank accounts: the modal asks for "Name on account" itself and passes it on.
        ...(type === 'ach' ? { fields: { billingDetails: { name: 'never' } }, terms: { usBankAccount: achTerms } } : {}),
      });
      this._elements = elements;
      this._paymentElement = paymentElement;
      element.status = 'loading';
      element.message = '';
      paymentElement.on('ready', () => {
        if (this._paymentElement !== paymentElement) return;
        this._ready = true;
        element.status = 'ready';
        if (this._wantFocus) {
          this._wantFocus = false;
          paymentElement.focus();
        }
      });
      paymentElement.on('change', (event) => {
        if (this._paymentElement !== paymentElement) return;
        this._complete = !!event.complete;
        element.dispatchEvent(
          new CustomEvent('collector-change', { detail: { complete: this._complete }, bubbles: true }),
        );
      });
      paymentElement.on('loaderror', () => {
        if (this._paymentElement !== paymentElement) return;
        this._ready = false;
        element.status = 'error';
        element.message = this.t('stripe.error.loadFields');
      });
      paymentElement.on('escape', () => element.requestDialogCancel());
      this._mount = createLightDomMount(element, 'stripe-mount');
      paymentElement.mount(this._mount.mountNode);
    } catch {
      this.teardown();
      element.status = 'error';
      element.message = this.t('stripe.error.loadFields');
    }
  }

  disconnected(): void {
    this.teardown();
  }

  private teardown(): void {
    const paymentElement = this._paymentElement;
    this._paymentElement = undefined;
    this._elements = undefined;
    this._ready = false;
    this._complete = false;
    try {
      paymentElement?.destroy();
    } catch {
      // already gone
    }
    this._mount?.dispose();
    this._mount = undefined;
  }

  // CollectorSession -------------------------------------------------------------------------------

  validate(): CollectorError[] {
    if (this._destroyed || this._complete) return [];
    // Let Stripe show its own inline errors too (the promise's answer is not needed here).
    if (this._ready && this._elements) void this._elements.submit().catch(() => undefined);
    return [new CollectorError(this.t(`stripe.error.incomplete.${this.config.type}`), 'incomplete', 'payment-element')];
  }

  setBillingDetails(details: BillingDetails): void {
    this._holderName = (details.name ?? '').trim();
  }

  async collect(): Promise<CollectedToken> {
    const closed = () => new CollectorError(this.t('stripe.error.closed'), 'session_closed');
    if (this._destroyed) throw closed();
    const elements = this._elements;
    if (!elements || !this._ready) throw new CollectorError(this.t('stripe.error.notReady'), 'not_ready');
    const { stripe, type } = this.config;

    let submitted: Awaited<ReturnType<StripeElementsLike['submit']>>;
    try {
      submitted = await elements.submit();
    } catch {
      throw new CollectorError(this.t('stripe.error.generic'), 'submit_failed');
    }
    if (this._destroyed || this._elements !== elements) throw closed();
    if (submitted.error) throw this.toCollectorError(submitted.error);

    let result: Awaited<ReturnType<StripeLike['createPaymentMethod']>>;
    try {
      result = await stripe.createPaymentMethod({
        elements,
        ...(this._holderName ? { params: { billing_details: { name: this._holderName } } } : {}),
      });
    } catch {
      throw new CollectorError(this.t('stripe.error.generic'), 'create_failed');
    }
    if (this._destroyed || this._elements !== elements) throw closed();
    if (result.error || !result.paymentMethod) {
      throw this.toCollectorError(result.error ?? { type: 'api_error' });
    }
    const summary = summarizePaymentMethod(result.paymentMethod, this.t('stripe.bank.unknownName'));
    if (!summary || summary.type !== type) {
      throw new CollectorError(this.t('stripe.error.unsupported'), 'unsupported_method');
    }
    return { token: result.paymentMethod.id, summary };
  }

  private toCollectorError(error: StripeErrorLike): CollectorError {
    switch (error.type) {
      case 'validation_error':
        // Stripe shows these inline, next to its own field.
        return new CollectorError(
          payerMessage(error, this.t(`stripe.error.incomplete.${this.config.type}`)),
          error.code ?? 'validation_error',
          'payment-element',
        );
      case 'card_error':
        return new CollectorError(
          payerMessage(error, this.t('stripe.error.declined')),
          error.decline_code ?? error.code ?? 'card_declined',
        );
      case 'api_connection_error':
        return new CollectorError(this.t('stripe.error.network'), 'network');
      default:
        return new CollectorError(payerMessage(error, this.t('stripe.error.generic')), error.code ?? error.type ?? 'error');
    }
  }

  focus(): void {
    if (this._ready && this._paymentElement) this._paymentElement.focus();
    else this._wantFocus = true;
  }

  destroy(): void {
    this._destroyed = true;
    this.teardown();
    this.element.controller = undefined;
    this.element.remove();
  }
}

/** A `PaymentCollector` backed by Stripe Elements: see the module comment. */
export class StripeCollector implements PaymentCollector {
  readonly kind = 'stripe' as const;
  /** True with a `pk_test_…` key (Stripe's test mode: no money moves). */
  readonly testMode: boolean;
  readonly publishableKey: string;
  private readonly options: StripeCollectorOptions;
  private _stripe?: StripeLike;
  private _loading?: Promise<StripeLike | null>;

  constructor(options: StripeCollectorOptions) {
    const key = checkPublishableKey(options.publishableKey, options.fallback?.testMode === true);
    this.options = options;
    this.publishableKey = key;
    this.testMode = isTestKey(key);
  }

  /** True once Stripe.js has loaded. */
  get loaded(): boolean {
    return this._stripe !== undefined;
  }

  /**
   * Loads Stripe.js once (a failed attempt is retried on the next call). Never rejects: resolves
   * null when Stripe.js cannot be loaded.
   */
  private load(): Promise<StripeLike | null> {
    if (this._stripe) return Promise.resolve(this._stripe);
    if (!this._loading) {
      this._loading = this.attemptLoad().then((stripe) => {
        this._loading = undefined;
        if (stripe) this._stripe = stripe;
        return stripe;
      });
    }
    return this._loading;
  }

  private async attemptLoad(): Promise<StripeLike | null> {
    const loader = (this.options.loadStripe ?? defaultLoadStripe) as LoadStripeLike;
    const timeoutMs = this.options.loadTimeoutMs ?? 20000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const loading = Promise.resolve().then(() =>
        loader(this.publishableKey, this.options.stripeAccount ? { stripeAccount: this.options.stripeAccount } : undefined),
      );
      // A late failure after the timeout must not surface as an unhandled rejection.
      loading.catch(() => undefined);
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      });
      const stripe = await Promise.race([loading, timeout]);
      return stripe && typeof stripe.elements === 'function' ? stripe : null;
    } catch {
      return null;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  private locale(preferred?: string): string {
    return preferred || documentLocale();
  }

  async availability(type: MethodType): Promise<Availability> {
    const stripe = await this.load();
    if (stripe) return { available: true };
    if (type === 'ach' && this.options.fallback) return this.options.fallback.availability('ach');
    return { available: false, reason: translate(this.locale(), `stripe.unavailable.${type === 'ach' ? 'ach' : 'card'}`) };
  }

  async open(options: CollectOptions): Promise<CollectorSession> {
    const type: MethodType = options.type === 'ach' ? 'ach' : 'card';
    const stripe = await this.load();
    if (!stripe) {
      if (type === 'ach' && this.options.fallback) return this.options.fallback.open({ ...options, type });
      throw new CollectorError(translate(this.locale(options.locale), `stripe.unavailable.${type}`), 'processor_unavailable');
    }
    defineStripeElements();
    const amount = hostAmount(options.host);
    const wanted = this.options.mode ?? 'auto';
    const mode: 'payment' | 'setup' = wanted === 'setup' ? 'setup' : wanted === 'payment' || amount ? 'payment' : 'setup';
    const currency = (amount?.currency ?? this.options.currency ?? 'usd').toLowerCase();
    if (mode === 'payment' && !amount) {
      throw new CollectorError(translate(this.locale(options.locale), 'stripe.error.generic'), 'amount_required');
    }
    return new StripeSession({
      stripe,
      type,
      locale: this.locale(options.locale),
      mode,
      amount: amount?.amount,
      currency,
      achTerms: this.options.achTerms ?? 'never',
    });
  }

  /**
   * 3-D Secure (or another next action) for a `requires_action` payment. Completed when Stripe
   * reports no error and the intent no longer needs a new payment method. Never rejects.
   */
  async handleNextAction(clientSecret: string, options: { host: HTMLElement; locale: string }): Promise<{ completed: boolean }> {
    const stripe = await this.load();
    if (!stripe) {
      if (this.options.fallback) return this.options.fallback.handleNextAction(clientSecret, options);
      return { completed: false };
    }
    try {
      const result = await stripe.handleNextAction({ clientSecret });
      if (result.error) return { completed: false };
      const intent = result.paymentIntent ?? result.setupIntent;
      if (!intent) return { completed: false };
      return { completed: intent.status !== 'requires_payment_method' && intent.status !== 'canceled' };
    } catch {
      return { completed: false };
    }
  }

  /**
   * Verifies an ACH bank account by micro-deposits for a PaymentIntent that awaits it
   * (`next_action.type === 'verify_with_microdeposits'`): the 6-character descriptor code (SM…)
   * or the two deposit amounts in cents. Never rejects.
   */
  async verifyMicrodeposits(clientSecret: string, input: MicrodepositInput, locale?: string): Promise<MicrodepositResult> {
    const stripe = await this.load();
    const lang = this.locale(locale);
    if (!stripe) return { verified: false, message: translate(lang, 'stripe.unavailable.ach') };
    const data =
      'descriptorCode' in input
        ? { descriptor_code: input.descriptorCode.trim().toUpperCase() }
        : { amounts: [...input.amounts] };
    try {
      const result = await stripe.verifyMicrodepositsForPayment(clientSecret, data);
      if (result.error || !result.paymentIntent) {
        return { verified: false, message: payerMessage(result.error ?? { type: 'api_error' }, translate(lang, 'stripe.verify.failed')) };
      }
      const status = result.paymentIntent.status;
      return { verified: status !== 'requires_payment_method' && status !== 'requires_action', status };
    } catch {
      return { verified: false, message: translate(lang, 'stripe.verify.failed') };
    }
  }
}
