/**
 * Card and bank test data. The widget never sees real card numbers (they are typed into the
 * processor's iframes); these numbers are Stripe's documented test values, used only by the
 * SandboxCollector (TEST MODE), the demo and the tests.
 */

/** A frozen array of frozen entries: the test data cannot be changed by accident. */
function freezeAll<T extends object>(items: T[]): ReadonlyArray<Readonly<T>> {
  for (const item of items) Object.freeze(item);
  return Object.freeze(items);
}

export type TestCardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';
export type TestCardOutcome =
  | 'success'
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'stolen_card'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'processing_error'
  | 'authentication_required';

export interface TestCard {
  number: string;
  brand: TestCardBrand;
  outcome: TestCardOutcome;
  /** Stripe's test PaymentMethod id for this card. */
  token: string;
}

/**
 * Stripe's documented test cards (docs.stripe.com/testing). Any future expiry and any CVC work.
 * - success: the charge succeeds.
 * - generic_decline … processing_error: the charge is declined with that decline code
 *   (`card_declined` / `insufficient_funds` / `lost_card` / `stolen_card` / `expired_card` /
 *   `incorrect_cvc` / `processing_error`).
 * - authentication_required: a 3-D Secure challenge must be completed; cancelling it is F10.
 */
export const STRIPE_TEST_CARDS: ReadonlyArray<TestCard> = freezeAll<TestCard>([
  { number: '4242424242424242', brand: 'visa', outcome: 'success', token: 'pm_card_visa' },
  { number: '5555555555554444', brand: 'mastercard', outcome: 'success', token: 'pm_card_mastercard' },
  { number: '378282246310005', brand: 'amex', outcome: 'success', token: 'pm_card_amex' },
  { number: '6011111111111117', brand: 'discover', outcome: 'success', token: 'pm_card_discover' },
  { number: '4000000000000002', brand: 'visa', outcome: 'generic_decline', token: 'pm_card_chargeDeclined' },
  {
    number: '4000000000009995',
    brand: 'visa',
    outcome: 'insufficient_funds',
    token: 'pm_card_chargeDeclinedInsufficientFunds',
  },
  { number: '4000000000009987', brand: 'visa', outcome: 'lost_card', token: 'pm_card_chargeDeclinedLostCard' },
  { number: '4000000000009979', brand: 'visa', outcome: 'stolen_card', token: 'pm_card_chargeDeclinedStolenCard' },
  { number: '4000000000000069', brand: 'visa', outcome: 'expired_card', token: 'pm_card_chargeDeclinedExpiredCard' },
  {
    number: '4000000000000127',
    brand: 'visa',
    outcome: 'incorrect_cvc',
    token: 'pm_card_chargeDeclinedIncorrectCvc',
  },
  {
    number: '4000000000000119',
    brand: 'visa',
    outcome: 'processing_error',
    token: 'pm_card_chargeDeclinedProcessingError',
  },
  {
    number: '4000002760003184',
    brand: 'visa',
    outcome: 'authentication_required',
    token: 'pm_card_authenticationRequired',
  },
  {
    number: '4000002500003155',
    brand: 'visa',
    outcome: 'authentication_required',
    token: 'pm_card_threeDSecure2Required',
  },
]);

export type TestBankOutcome = 'success' | 'account_closed' | 'no_account' | 'insufficient_funds' | 'debit_not_authorized';

export interface TestBankAccount {
  routing: string;
  account: string;
  outcome: TestBankOutcome;
  /** How the sandbox verifies the account before first use. */
  verification: 'instant' | 'microdeposits';
  token: string;
}

/**
 * Stripe's documented ACH Direct Debit test accounts (docs.stripe.com, "Accept an ACH Direct Debit
 * payment" → Test account numbers), all with Stripe's test routing number 110000000:
 * - 000123456789 `pm_usBankAccount_success`: the payment succeeds (settles after processing).
 * - 000111111113 `pm_usBankAccount_accountClosed`: fails because the account is closed (R02).
 * - 000111111116 `pm_usBankAccount_noAccount`: fails because no account is found (R03).
 * - 000222222227 `pm_usBankAccount_insufficientFunds`: fails for insufficient funds (R01).
 * - 000333333335 `pm_usBankAccount_debitNotAuthorized`: fails because debits aren't authorized.
 * ACH failures arrive later: the payment is `processing` first, then fails, and the invoice
 * returns to open (F25). Stripe also documents 000444444440 (invalid currency), 000666666661
 * (micro-deposits fail to send), 000555555559 (dispute) and 000000000009 (stays processing);
 * the sandbox does not model those.
 *
 * Verification: Stripe verifies manually entered test accounts by micro-deposits (amounts 32 and
 * 45, or descriptor code SM11AA, see STRIPE_TEST_MICRODEPOSITS). To keep the demo's happy path
 * short the sandbox verifies Stripe's accounts instantly (as Financial Connections would), and
 * shows the micro-deposit path with one extra account:
 * - 000987654321 `pm_usBankAccount_microdeposits`: NOT a Stripe number — a sandbox-only
 *   convention. The account awaits micro-deposit verification (F25); once verified, it succeeds.
 */
export const STRIPE_TEST_BANK_ACCOUNTS: ReadonlyArray<TestBankAccount> = freezeAll<TestBankAccount>([
  {
    routing: '110000000',
    account: '000123456789',
    outcome: 'success',
    verification: 'instant',
    token: 'pm_usBankAccount_success',
  },
  {
    routing: '110000000',
    account: '000111111113',
    outcome: 'account_closed',
    verification: 'instant',
    token: 'pm_usBankAccount_accountClosed',
  },
  {
    routing: '110000000',
    account: '000111111116',
    outcome: 'no_account',
    verification: 'instant',
    token: 'pm_usBankAccount_noAccount',
  },
  {
    routing: '110000000',
    account: '000222222227',
    outcome: 'insufficient_funds',
    verification: 'instant',
    token: 'pm_usBankAccount_insufficientFunds',
  },
  {
    routing: '110000000',
    account: '000333333335',
    outcome: 'debit_not_authorized',
    verification: 'instant',
    token: 'pm_usBankAccount_debitNotAuthorized',
  },
  {
    routing: '110000000',
    account: '000987654321',
    outcome: 'success',
    verification: 'microdeposits',
    token: 'pm_usBankAccount_microdeposits',
  },
]);

/**
 * Stripe's test micro-deposit values: either the two amounts (in cents) or the descriptor code of
 * a single 0.01 deposit selects the scenario.
 */
export const STRIPE_TEST_MICRODEPOSITS = Object.freeze({
  verified: Object.freeze({ amounts: Object.freeze([32, 45] as const), descriptorCode: 'SM11AA' }),
  tooManyAttempts: Object.freeze({ amounts: Object.freeze([10, 11] as const), descriptorCode: 'SM33CC' }),
  timeout: Object.freeze({ amounts: Object.freeze([40, 41] as const), descriptorCode: 'SM44DD' }),
});

/** Spaces and dashes people type between digit groups. */
function digitsOnly(s: string): string {
  return typeof s === 'string' ? s.replace(/[\s-]/g, '') : '';
}

/** The Stripe test card with this number (spaces and dashes ignored), if it is one. */
export function findTestCard(number: string): TestCard | undefined {
  const n = digitsOnly(number);
  return STRIPE_TEST_CARDS.find((card) => card.number === n);
}

/** The test bank account with this routing and account number (spaces and dashes ignored), if any. */
export function findTestBankAccount(routing: string, account: string): TestBankAccount | undefined {
  const r = digitsOnly(routing);
  const a = digitsOnly(account);
  return STRIPE_TEST_BANK_ACCOUNTS.find((b) => b.routing === r && b.account === a);
}
