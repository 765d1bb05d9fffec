import { Matches, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date, YYYY-MM-DD (2018-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isIsoDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_DATE_TIME.test(value) &&
    isIsoDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

export const IsIsoDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: isIsoDate,
        defaultMessage: (args) => `${args?.property} must be a calendar date, YYYY-MM-DD`,
      },
    },
    options,
  );

export const IsIsoDateTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: isIsoDateTime,
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date-time with a zone, e.g. 2018-03-31T09:00:00Z`,
      },
    },
    options,
  );

/** ODS organisation codes: 3 to 10 upper-case letters and digits (trusts have 3, GP practices 6). */
export const IsOdsCode = (options?: ValidationOptions): PropertyDecorator =>
  Matches(/^[A-Z0-9]{3,10}$/, {
    message: (args) => `${args.property} must be an ODS code: 3 to 10 upper-case letters and digits`,
    ...options,
  });

/** Programme slugs, e.g. always-events-england. */
export const IsSlug = (options?: ValidationOptions): PropertyDecorator =>
  Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: (args) => `${args.property} must be a lower-case slug (letters, digits, single hyphens)`,
    ...options,
  });

/** Keys within the programme (its slug; phase, target and cohort ids): lower-case slugs of bounded length. */
export const IsProgrammeKey =
  (): PropertyDecorator =>
  (target, property): void => {
    IsSlug()(target, property);
    MaxLength(64)(target, property);
  };
