import { IsoDate } from '../shared';

/** A reporting month, YYYY-MM. */
export type MonthlyPeriod = string;

export const periodOf = (date: IsoDate): MonthlyPeriod => date.slice(0, 7);
export const firstDayOf = (period: MonthlyPeriod): IsoDate => `${period}-01`;
