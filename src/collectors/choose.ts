/**
 * Which collector the widget uses — the rule the elements apply to `stripe-key`
 * (`PayInvoicesBase.resolvedCollector` in elements/base.ts, with collectors that load on first use).
 * With a Stripe publishable key: the StripeCollector, never the TEST MODE sandbox for cards; with a
 * test key, bank entry falls back to the sandbox when Stripe.js cannot load (F11). Without a key:
 * the SandboxCollector (demo, tests, Storybook).
 */
import { SandboxCollector, type SandboxCollectorOptions } from './sandbox-collector.js';
import { StripeCollector, type StripeCollectorOptions } from './stripe-collector.js';
import { isTestKey } from './stripe/key.js';
import type { PaymentCollector } from './types.js';

export interface ChooseCollectorOptions {
  /** The `stripe-key` attribute / `stripeKey` property. Blank means "no key". */
  stripePublishableKey?: string | null;
  /** Further StripeCollector options (connected account, ACH fallback, injected loader…). Without a `fallback`, a test key gets the sandbox for bank entry. */
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
  if (key) {
    const fallback = options.stripe?.fallback ?? (isTestKey(key) ? new SandboxCollector(options.sandbox) : undefined);
    return new StripeCollector({ ...options.stripe, publishableKey: key, fallback });
  }
  return new SandboxCollector(options.sandbox);
}
