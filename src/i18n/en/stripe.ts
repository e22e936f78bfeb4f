/** Messages of the StripeCollector (card and bank entry through Stripe Elements). */
export const stripe = {
  'stripe.loading.card': 'Loading the secure card form…',
  'stripe.loading.ach': 'Loading the secure bank account form…',
  'stripe.region.card': 'Card details',
  'stripe.region.ach': 'Bank account details',

  'stripe.unavailable.card':
    'Card payments are unavailable: the payment processor could not be loaded. ' +
    'Check your internet connection or any content blocker, then try again.',
  'stripe.unavailable.ach':
    'Bank account payments are unavailable: the payment processor could not be loaded. ' +
    'Check your internet connection or any content blocker, then try again.',
  'stripe.error.loadFields': 'The secure payment form could not be shown. Close this window and try again.',
  'stripe.error.notReady': 'The secure payment form is still loading. Wait a moment and try again.',
  'stripe.error.incomplete.card': 'Complete the card details.',
  'stripe.error.incomplete.ach': 'Complete the bank account details.',
  'stripe.error.closed': 'This entry form was closed. Open it again.',
  'stripe.error.generic': 'The payment details could not be checked. Try again.',
  'stripe.error.network': 'The payment processor could not be reached. Check your connection and try again.',
  'stripe.error.declined': 'The card was declined. Use another card or contact your card issuer.',
  'stripe.error.unsupported': 'This payment method cannot be used here. Use a card or a US bank account.',
  'stripe.bank.unknownName': 'Bank account',
  'stripe.verify.failed': 'The micro-deposit code did not match. Check the code on your bank statement and try again.',
} as const;
