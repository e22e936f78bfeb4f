/**
 * Checks a Stripe publishable key before anything loads: trimmed, present, never a secret or
 * restricted key (`sk_…`/`rk_…` must never reach a web page), and no TEST MODE fallback with a live
 * key. Returns the trimmed key; throws a TypeError naming the problem.
 */
export function checkPublishableKey(value: unknown, hasTestModeFallback = false): string {
  const key = typeof value === 'string' ? value.trim() : '';
  if (!key) throw new TypeError('StripeCollector: a Stripe publishable key is required.');
  if (/^(sk|rk)_/.test(key)) {
    throw new TypeError('StripeCollector: that is a secret key. Use the publishable key (pk_…); never put a secret key in a web page.');
  }
  if (hasTestModeFallback && key.startsWith('pk_live_')) {
    throw new TypeError('StripeCollector: a TEST MODE fallback cannot be used with a live key.');
  }
  return key;
}

/** Stripe's test mode (no money moves) is chosen by the key. */
export const isTestKey = (key: string): boolean => key.startsWith('pk_test_');
