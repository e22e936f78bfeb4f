/**
 * Card checks the elements need (expiry of a saved card) and the Luhn check. Stripe's test numbers
 * live in `test-cards.ts`, which only the TEST MODE sandbox, the demo and the tests import, so they
 * never ship in the first load.
 */

/** A card is valid through the last day of its expiry month (local time of `now`). */
export function isCardExpired(expMonth: number, expYear: number, now: Date = new Date()): boolean {
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) return true;
  if (!Number.isInteger(expYear) || expYear < 0) return true;
  const year = expYear < 100 ? 2000 + expYear : expYear;
  const nowYear = now.getFullYear();
  const nowMonth = now.getMonth() + 1;
  return year < nowYear || (year === nowYear && expMonth < nowMonth);
}

/** Luhn (mod 10) check over a digit string; spaces are ignored, anything else fails. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string') return false;
  const s = digits.replace(/ /g, '');
  if (!/^[0-9]{2,19}$/.test(s)) return false;
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
