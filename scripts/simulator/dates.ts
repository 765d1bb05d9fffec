import { nextPeriod, periodEnd, periodStart } from '../../src/domain/measure/periods';
import type { MeasureFrequency } from '../../src/domain/measure';

export { nextPeriod, periodEnd, periodStart };

const DAY_MS = 86_400_000;

/** YYYY-MM-DD plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/**
 * The instant a dated fact is sent with: the day at 09:00 UTC plus `minute`
 * minutes, so facts of one day keep the order they were planned in.
 */
export function instantOn(date: string, minute = 0): string {
  return new Date(Date.parse(`${date}T09:00:00Z`) + minute * 60_000).toISOString();
}

export const monthOf = (date: string): string => date.slice(0, 7);

export function nextMonth(month: string): string {
  return nextPeriod(month);
}

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  return addDays(`${nextMonth(month)}-01`, -1);
}

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

/** The ISO week (YYYY-Www) a date falls in. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  // The Thursday of the same week decides the ISO year.
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The reporting period of a measure that holds a date. */
export function periodOf(date: string, frequency: MeasureFrequency): string {
  return frequency === 'Monthly' ? monthOf(date) : isoWeekOf(date);
}

/** Every period of a measure from the one holding `from` to the last one that ends by `to`. */
export function periodsBetween(from: string, to: string, frequency: MeasureFrequency): string[] {
  const periods: string[] = [];
  for (let period = periodOf(from, frequency); periodEnd(period) <= to; period = nextPeriod(period)) {
    periods.push(period);
  }
  return periods;
}
