import { Matches, ValidationOptions } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A reporting period: a month `YYYY-MM` or an ISO week `YYYY-Www`; the measure's frequency says which. */
export const IsPeriod = (options?: ValidationOptions): PropertyDecorator =>
  Matches(PERIOD, {
    message: (args) => `${args.property} must be a month (YYYY-MM) or an ISO week (YYYY-Www)`,
    ...options,
  });

export const IsMonthPeriod = (options?: ValidationOptions): PropertyDecorator =>
  Matches(MONTH, { message: (args) => `${args.property} must be a month, YYYY-MM`, ...options });
