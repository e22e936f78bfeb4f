/**
 * US bank account numbers: ABA routing number checksum and account number shape (F21).
 * Pure functions; they never keep or log what they are given.
 */

export type RoutingError = 'empty' | 'digits' | 'length' | 'checksum';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** Whitespace is ignored (people paste `011 000 015`); nothing else is. */
function compact(input: string): string {
  return typeof input === 'string' ? input.replace(/\s+/g, '') : '';
}

/**
 * Checks an ABA routing transit number: 9 digits with
 * `3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10)`. The all-zero number is refused as
 * `checksum` though it sums to 0. Returns null when valid (e.g. 110000000, 011000015).
 */
export function validateRoutingNumber(input: string): RoutingError | null {
  const s = compact(input);
  if (s === '') return 'empty';
  if (!/^[0-9]+$/.test(s)) return 'digits';
  if (s.length !== 9) return 'length';
  if (/^0+$/.test(s)) return 'checksum';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(s[i]) * (WEIGHTS[i] ?? 0);
  return sum % 10 === 0 ? null : 'checksum';
}

/** A US bank account number: 4 to 17 digits. Returns null when valid. */
export function validateAccountNumber(input: string): 'empty' | 'digits' | 'length' | null {
  const s = compact(input);
  if (s === '') return 'empty';
  if (!/^[0-9]+$/.test(s)) return 'digits';
  if (s.length < 4 || s.length > 17) return 'length';
  return null;
}

/** The last four digits, for display ("•••• 6789"); non-digits are dropped first. */
export function last4(digits: string): string {
  return (typeof digits === 'string' ? digits : '').replace(/\D/g, '').slice(-4);
}
