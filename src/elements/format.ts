/** Date display shared by the elements: calendar dates through Intl, in the element's locale. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    }
    dateFormats.set(locale, f);
  }
  return f;
}

/** A calendar date (`YYYY-MM-DD`, or an ISO instant's date part) in the locale's medium style. */
export function calendarDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? dateFormat(locale).format(ms) : iso;
}

/** Today's local date in the locale's medium style. */
export function todayText(locale: string, now: Date = new Date()): string {
  return dateFormat(locale).format(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** What an ACH authorization template's placeholders stand for. */
export interface MandateValues {
  company: string;
  amount: string;
  date: string;
  account: string;
}

/**
 * The host's ACH authorization template with `{company}`, `{amount}`, `{date}` and `{account}`
 * filled in: one filling for the text the payer accepts in the dialog and the text recorded with
 * the payment, so the two cannot drift apart.
 */
export function fillMandate(template: string, values: MandateValues): string {
  return template.replace(/\{(company|amount|date|account)\}/g, (_whole, key: keyof MandateValues) => values[key]);
}
