/** Messages shared by several elements. */
export const common = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.error.unauthorized': 'Your session has expired. Sign in again, then retry; your selection is kept.',
  'common.error.forbidden': 'You are not allowed to do this. Sign in again or ask your administrator.',
  'common.error.network': 'We could not reach the server. Check your connection and try again.',
  'common.error.timeout': 'The server took too long to answer. Try again.',
  'common.error.unavailable': 'The service is unavailable right now. Try again in a moment.',
  'common.error.malformed': 'The server sent data we could not read. Try again later or contact support.',
  'common.error.not_found': 'This could not be found. It may have been removed.',
  'common.error.generic': 'Something went wrong. Try again.',
  'common.status.open': 'Open',
  'common.status.paid': 'Paid',
  'common.status.void': 'Void',
} as const;
