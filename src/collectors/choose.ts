/**
 * Which collector the widget uses. With a Stripe publishable key: the StripeCollector, always —
 * never the TEST MODE sandbox. Without one: the SandboxCollector (demo, tests, Storybook).
 */
import { SandboxCollector, type SandboxCollectorOptions } from './sandbox-collector.js';
import { StripeCollector, type StripeCollectorOptions } from './stripe-collector.js';
import type { PaymentCollector } from './types.js';

export interface ChooseCollectorOptions {
  /** The `stripe-key` attribute / `stripeKey` property. Blank means "no key". */
  stripePublishableKey?: string | null;
  /** Further StripeCollector options (connected account, ACH fallback, injected loader…). */
  stripe?: Omit<StripeCollectorOptions, 'publishableKey'>;
  /** Options of the TEST MODE sandbox used when there is no key. */
  sandbox?: SandboxCollectorOptions;
}

/**
 * `StripeCollector` when a publishable key is given, else a TEST MODE `SandboxCollector`.
 * Throws a TypeError for a secret key (`sk_…`/`rk_…`): it must never reach a web page.
 * Creating the collector loads nothing; Stripe.js loads when the payer opens card or bank entry.
 */
export function chooseCollector(options: ChooseCollectorOptions = {}): PaymentCollector {
  const key = (options.stripePublishableKey ?? '').trim();
  if (key) return new StripeCollector({ ...options.stripe, publishableKey: key });
  return new SandboxCollector(options.sandbox);
}
