import { IsoDate } from '../shared';

/** How often a measure is reported; its periods are `YYYY-MM` (Monthly) or ISO weeks `YYYY-Www` (Weekly). */
export const MEASURE_FREQUENCIES = ['Weekly', 'Monthly'] as const;
export type MeasureFrequency = (typeof MEASURE_FREQUENCIES)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

const isoDate = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const daysSinceMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - daysSinceMonday * DAY_MS;
}

/** 52, or 53 in the years whose 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS));
}

export function isMonthPeriod(period: string): boolean {
  return MONTH.test(period);
}

export function isWeekPeriod(period: string): boolean {
  const match = WEEK.exec(period);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

export function periodMatchesFrequency(period: string, frequency: MeasureFrequency): boolean {
  return frequency === 'Monthly' ? isMonthPeriod(period) : isWeekPeriod(period);
}

/**
 * A period's first and last days, remembered: a measurement asks for them
 * several times, and a programme has a few hundred periods, not millions.
 */
function remembered(compute: (period: string) => IsoDate): (period: string) => IsoDate {
  const days = new Map<string, IsoDate>();
  return (period) => {
    let day = days.get(period);
    if (day === undefined) {
      if (days.size >= 4_096) days.clear();
      day = compute(period);
      days.set(period, day);
    }
    return day;
  };
}

/** First day of a valid period (the Monday of an ISO week). */
export const periodStart = remembered(firstDay);

/** Last day of a valid period, inclusive. */
export const periodEnd = remembered((period) =>
  isoDate(Date.parse(`${periodStart(nextPeriod(period))}T00:00:00Z`) - DAY_MS),
);

function firstDay(period: string): IsoDate {
  const month = MONTH.exec(period);
  if (month) return `${month[1]}-${month[2]}-01`;
  const week = WEEK.exec(period) as RegExpExecArray;
  return isoDate(isoWeekOneMonday(Number(week[1])) + (Number(week[2]) - 1) * 7 * DAY_MS);
}

/** The period right after a valid one, of the same kind (2017-12 → 2018-01, 2020-W53 → 2021-W01). */
export function nextPeriod(period: string): string {
  const month = MONTH.exec(period);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  }
  const week = WEEK.exec(period) as RegExpExecArray;
  const [year, w] = [Number(week[1]), Number(week[2])];
  return w >= isoWeeksInYear(year) ? `${year + 1}-W01` : `${year}-W${String(w + 1).padStart(2, '0')}`;
}

/** A period is in the future when it starts after the day `now` falls on. */
export function periodIsInFuture(period: string, now: string): boolean {
  return periodStart(period) > now.slice(0, 10);
}

/** A period is before a date when it ends before that day; the period holding the date is not. */
export function periodEndsBefore(period: string, instant: string): boolean {
  return periodEnd(period) < instant.slice(0, 10);
}
