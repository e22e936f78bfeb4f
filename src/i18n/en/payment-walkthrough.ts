/**
 * Messages of `<payment-walkthrough>`. The six default steps read `paymentWalkthrough.step.<id>.title`
 * and `paymentWalkthrough.step.<id>.body`; hosts may override any of them with `registerMessages`.
 */
export const paymentWalkthrough = {
  'paymentWalkthrough.progress': 'Step {current} of {total}',
  'paymentWalkthrough.back': 'Back',
  'paymentWalkthrough.next': 'Next',
  'paymentWalkthrough.done': 'Done',
  'paymentWalkthrough.close': 'Close walkthrough',
  'paymentWalkthrough.step.invoices.title': 'Choose the invoices',
  'paymentWalkthrough.step.invoices.body':
    'Check the box next to each open invoice you want to pay. Only open invoices are listed.',
  'paymentWalkthrough.step.amounts.title': 'Set the amounts',
  'paymentWalkthrough.step.amounts.body':
    'A selected invoice is paid in full unless you change its amount. Enter a smaller amount to make a partial payment.',
  'paymentWalkthrough.step.method.title': 'Choose how to pay',
  'paymentWalkthrough.step.method.body':
    'Choose Bank Account (ACH) or Credit or Debit Card. Bank Account is offered when your site accepts ACH payments.',
  'paymentWalkthrough.step.method-entry.title': 'Pick or enter the payment method',
  'paymentWalkthrough.step.method-entry.body':
    'Pick a saved payment method, or press Enter Card Info or Enter Bank Info and fill in the pop-up form.',
  'paymentWalkthrough.step.memo.title': 'Add a memo',
  'paymentWalkthrough.step.memo.body': 'Optionally, add a note about this payment in the Memo field.',
  'paymentWalkthrough.step.submit.title': 'Make the payment',
  'paymentWalkthrough.step.submit.body':
    'Check the total, then press Make Payment to submit. You will see a confirmation when the payment is received.',
} as const;
