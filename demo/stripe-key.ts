/** The demo pages' Stripe key (shared by the pages set up by setup.ts and the strict-CSP page). */

/** `?stripe-key=pk_test_…` in the URL, else `VITE_STRIPE_PUBLISHABLE_KEY` from the environment. */
export function demoStripeKey(): string {
  const fromUrl = new URLSearchParams(location.search).get('stripe-key') ?? '';
  const fromEnv = (import.meta as { env?: Record<string, string | undefined> }).env?.['VITE_STRIPE_PUBLISHABLE_KEY'] ?? '';
  const key = (fromUrl || fromEnv).trim();
  // Only publishable keys belong in a page; a secret key is ignored (and never echoed).
  return /^pk_(test|live)_/.test(key) ? key : '';
}
