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
