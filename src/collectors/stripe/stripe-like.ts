/**
 * The part of Stripe.js the StripeCollector uses, as structural types. The real `Stripe` object
 * (from `loadStripe`) satisfies them, and so does the test fake (test/fakes/fake-stripe.ts).
 * Keeping the surface this small documents exactly what the collector depends on.
 */

/** Stripe's error object (what `{error}` results carry). Messages are meant for the payer. */
export interface StripeErrorLike {
  type: string;
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
}

/** Elements' `appearance` (the subset we set). */
export interface StripeAppearanceLike {
  theme?: 'stripe' | 'night' | 'flat';
  variables?: Record<string, string>;
  rules?: Record<string, Record<string, string>>;
}

/** Options of `stripe.elements()` without an intent (deferred intent, manual PaymentMethod creation). */
export interface StripeElementsOptionsLike {
  mode: 'payment' | 'setup';
  amount?: number;
  currency: string;
  /** Stripe.js "endive" refuses `paymentMethodTypes`; `allowedPaymentMethodTypes` limits the methods. */
  allowedPaymentMethodTypes: string[];
  paymentMethodCreation: 'manual';
  setupFutureUsage?: 'off_session' | 'on_session' | null;
  appearance?: StripeAppearanceLike;
  locale?: string;
  loader?: 'auto' | 'always' | 'never';
}

export interface StripePaymentElementOptionsLike {
  layout?: 'tabs' | 'accordion' | 'auto';
  fields?: { billingDetails?: { name?: 'auto' | 'never'; email?: 'auto' | 'never' } };
  terms?: { card?: 'auto' | 'always' | 'never'; usBankAccount?: 'auto' | 'always' | 'never' };
  wallets?: { applePay?: 'auto' | 'never'; googlePay?: 'auto' | 'never'; link?: 'auto' | 'never' };
}

export interface StripePaymentElementChangeLike {
  complete: boolean;
  empty: boolean;
  value?: { type?: string };
}

/** The Payment Element. */
export interface StripePaymentElementLike {
  mount(domElement: HTMLElement | string): void;
  unmount(): void;
  destroy(): void;
  focus(): void;
  on(eventType: 'ready', handler: (event: { elementType: 'payment' }) => unknown): unknown;
  on(eventType: 'change', handler: (event: StripePaymentElementChangeLike) => unknown): unknown;
  on(eventType: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeErrorLike }) => unknown): unknown;
  on(eventType: 'escape', handler: (event: { elementType: 'payment' }) => unknown): unknown;
}

export interface StripeElementsLike {
  create(elementType: 'payment', options?: StripePaymentElementOptionsLike): StripePaymentElementLike;
  submit(): Promise<{ error?: StripeErrorLike; selectedPaymentMethod?: string }>;
}

export interface StripeCardLike {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export interface StripeUsBankAccountLike {
  bank_name: string | null;
  last4: string | null;
  account_type: string | null;
}

export interface StripePaymentMethodLike {
  id: string;
  type: string;
  card?: StripeCardLike;
  us_bank_account?: StripeUsBankAccountLike;
}

export interface StripeIntentLike {
  id?: string;
  status: string;
}

export interface StripeLike {
  elements(options: StripeElementsOptionsLike): StripeElementsLike;
  createPaymentMethod(options: {
    elements: StripeElementsLike;
    params?: { billing_details?: { name?: string } };
  }): Promise<{ paymentMethod?: StripePaymentMethodLike; error?: StripeErrorLike }>;
  handleNextAction(options: {
    clientSecret: string;
  }): Promise<{ paymentIntent?: StripeIntentLike; setupIntent?: StripeIntentLike; error?: StripeErrorLike }>;
  verifyMicrodepositsForPayment(
    clientSecret: string,
    data: { amounts?: number[]; descriptor_code?: string },
  ): Promise<{ paymentIntent?: StripeIntentLike; error?: StripeErrorLike }>;
}

/** `loadStripe` from '@stripe/stripe-js/pure', or a stand-in with the same shape. */
export type LoadStripeLike = (
  publishableKey: string,
  options?: { stripeAccount?: string },
) => Promise<StripeLike | null>;
