/** Messages of `<pay-invoices-saved-methods>` ("Manage saved methods" in `<pay-invoices>`). */
export const savedMethods = {
  'savedMethods.heading': 'Saved payment methods',
  'savedMethods.empty': 'No saved payment methods.',
  /** A card: "Visa ending 4242, expires 12/2030". */
  'savedMethods.cardSummary': '{summary}, expires {month}/{year}',
  'savedMethods.badge.default': 'Default',
  'savedMethods.badge.expired': 'Expired',
  'savedMethods.badge.pending': 'Awaiting verification',
  'savedMethods.badge.failed': 'Verification failed',

  'savedMethods.makeDefault': 'Make default',
  /** The accessible name of "Make default" (it starts with the visible text). */
  'savedMethods.makeDefaultLabel': 'Make default: {summary}',
  'savedMethods.remove': 'Remove',
  'savedMethods.removeLabel': 'Remove {summary}',
  'savedMethods.confirmRemove': 'Remove {summary}?',
  'savedMethods.confirmRemoveDefault': 'It is the default: the next valid method becomes the default.',
  'savedMethods.confirm': 'Remove',
  'savedMethods.keep': 'Keep',
  'savedMethods.verify': 'Verify',
  'savedMethods.verifyLabel': 'Verify {summary}',

  // Micro-deposit verification
  'savedMethods.code.label': 'Deposit code',
  'savedMethods.code.hint':
    'We sent micro-deposits to this account. Enter the 6-character code that starts with SM from the deposit’s description on your bank statement (for example SM11AA), or the two deposit amounts.',
  'savedMethods.code.empty': 'Enter the code from the deposit.',
  'savedMethods.code.format': 'Enter the 6-character code that starts with SM (for example SM11AA), or the two deposit amounts (for example 0.32 0.45).',
  'savedMethods.code.wrong': 'That code does not match the deposit. Check your bank statement and try again.',
  'savedMethods.code.tooMany': 'Too many wrong codes: {summary} could not be verified. Remove it and add it again.',

  // Errors of Make default / Remove
  'savedMethods.error.expired': 'An expired card cannot be the default. Add a new card instead.',
  'savedMethods.error.unverified': 'Verify this bank account before making it the default.',

  // Busy and done (announced)
  'savedMethods.busy.default': 'Making {summary} the default…',
  'savedMethods.busy.remove': 'Removing {summary}…',
  'savedMethods.busy.verify': 'Verifying {summary}…',
  'savedMethods.done.default': '{summary} is now the default payment method.',
  'savedMethods.done.removed': '{summary} was removed.',
  'savedMethods.done.removedNewDefault': '{summary} was removed. {next} is now the default.',
  'savedMethods.done.verified': '{summary} is verified and can be used for payments.',
} as const;
