/**
 * The sandbox processor: answers like Stripe in test mode, keyed on Stripe's documented test
 * tokens (the strings themselves, so it does not depend on any collector module).
 *
 * - Cards: `pm_card_visa`, `pm_card_mastercard`, … succeed; the `pm_card_chargeDeclined*` tokens
 *   fail with their decline code; `pm_card_authenticationRequired` / `pm_card_threeDSecure2Required`
 *   need 3-D Secure (`requires_action`).
 * - Bank accounts: every `pm_usBankAccount*` token is `processing` first; it settles later as
 *   succeeded, or fails (`account_closed`, `no_account`, `insufficient_funds`,
 *   `debit_not_authorized`) and the payment is returned. `pm_usBankAccount_microdeposits` needs
 *   micro-deposit verification (code `SM11AA`) before first use.
 * - Any other `pm_…` / `tok_…` token is treated as a working method of the summary's type.
 */
import type { MethodType } from '../core/schemas.js';

export interface Failure {
  code: string;
  message: string;
}

export type TokenBehavior =
  | { family: 'card'; outcome: 'succeeded' }
  | { family: 'card'; outcome: 'declined'; failure: Failure }
  | { family: 'card'; outcome: 'requires_action' }
  | { family: 'ach'; outcome: 'processing'; settlement: Failure | null; microdeposits: boolean };

export const CARD_DECLINES: Readonly<Record<string, Failure>> = {
  pm_card_chargeDeclined: { code: 'card_declined', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: {
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  pm_card_chargeDeclinedLostCard: {
    code: 'lost_card',
    message: 'Your card was declined because it was reported lost.',
  },
  pm_card_chargeDeclinedStolenCard: {
    code: 'stolen_card',
    message: 'Your card was declined because it was reported stolen.',
  },
  pm_card_chargeDeclinedExpiredCard: { code: 'expired_card', message: 'Your card has expired.' },
  pm_card_chargeDeclinedIncorrectCvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  pm_card_chargeDeclinedProcessingError: {
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  pm_card_chargeDeclinedFraudulent: { code: 'card_declined', message: 'Your card was declined.' },
};

export const CARD_3DS_TOKENS: ReadonlySet<string> = new Set([
  'pm_card_authenticationRequired',
  'pm_card_threeDSecure2Required',
  'pm_card_threeDSecureRequired',
]);

export const ACH_RETURNS: Readonly<Record<string, Failure>> = {
  pm_usBankAccount_accountClosed: {
    code: 'account_closed',
    message: "The payment was returned: the customer's bank account has been closed.",
  },
  pm_usBankAccount_noAccount: {
    code: 'no_account',
    message: 'The payment was returned: the bank account could not be located.',
  },
  pm_usBankAccount_insufficientFunds: {
    code: 'insufficient_funds',
    message: 'The payment was returned: the bank account has insufficient funds.',
  },
  pm_usBankAccount_debitNotAuthorized: {
    code: 'debit_not_authorized',
    message: 'The payment was returned: the account holder reported the debit as unauthorized.',
  },
};

export const ACH_MICRODEPOSIT_TOKEN = 'pm_usBankAccount_microdeposits';

/**
 * How the sandbox treats `token`. `summaryType` decides for tokens the sandbox does not know
 * specifically. Returns null for a string that is not a processor token at all.
 */
export function classifyToken(token: string, summaryType: MethodType): TokenBehavior | null {
  if (token.startsWith('pm_usBankAccount')) {
    return {
      family: 'ach',
      outcome: 'processing',
      settlement: ACH_RETURNS[token] ?? null,
      microdeposits: token === ACH_MICRODEPOSIT_TOKEN,
    };
  }
  if (token.startsWith('pm_card_') || token.startsWith('tok_')) {
    const decline = CARD_DECLINES[token];
    if (decline) return { family: 'card', outcome: 'declined', failure: decline };
    if (CARD_3DS_TOKENS.has(token)) return { family: 'card', outcome: 'requires_action' };
    return { family: 'card', outcome: 'succeeded' };
  }
  if (/^(pm|ba|src)_[A-Za-z0-9_]+$/.test(token)) {
    return summaryType === 'ach'
      ? { family: 'ach', outcome: 'processing', settlement: null, microdeposits: false }
      : { family: 'card', outcome: 'succeeded' };
  }
  return null;
}
