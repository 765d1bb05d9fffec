/** Calendar dates as the API takes them (YYYY-MM-DD, UTC days), checked before they are sent. */

export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar day: 2017-02-29 and 2017-13-01 are not. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Why a date typed into a bound cannot be used, or null if it can. Empty
 * means "now". Knowledge cannot come from the future, so `asKnownAt` stops at
 * today; `asOf` may look ahead (nothing has happened there yet).
 */
export function dateProblem(text: string, bound: 'asOf' | 'asKnownAt', today: string): string | null {
  if (text === '') return null;
  if (!isCalendarDate(text)) return 'Enter a real date, as day, month and year';
  if (text < EARLIEST_DATE) return `Pick a date from ${EARLIEST_DATE} on`;
  const latest = bound === 'asKnownAt' ? today : LATEST_DATE;
  if (text > latest) {
    return bound === 'asKnownAt'
      ? 'Knowledge cannot come from the future: pick today or earlier'
      : `Pick a date up to ${LATEST_DATE}`;
  }
  return null;
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "31 Mar 2018" for 2018-03-31 (or an instant on that UTC day). */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : DAY.format(date);
}
