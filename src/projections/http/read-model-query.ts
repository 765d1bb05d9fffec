import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { isIsoDate, isIsoDateTime } from '../../shared/validation/validators';

const isDateOrDateTime = (value: unknown): boolean => isIsoDate(value) || isIsoDateTime(value);

export const IsDateOrDateTime = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDateOrDateTime',
    validator: {
      validate: isDateOrDateTime,
      defaultMessage: (args) =>
        `${args?.property} must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone`,
    },
  });

/**
 * Query parameters every read-model query accepts. Each query's own class
 * extends this one; unknown parameters are refused (400), so a mistyped
 * filter never silently returns unfiltered data.
 */
export class ReadModelQuery {
  /** Business time: count events that occurred at or before this date (a date means the end of that day). */
  @IsOptional()
  @IsDateOrDateTime()
  asOf?: string;

  /** Knowledge time: count events recorded at or before this instant. */
  @IsOptional()
  @IsDateOrDateTime()
  asKnownAt?: string;

  /** Knowledge bound as a global position (instead of asKnownAt). */
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'atPosition must be a global position (an integer ≥ 0)' })
  atPosition?: string;

  /** Read-your-writes: wait (bounded) until the read model has processed this position. */
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a global position (an integer ≥ 0)' })
  minPosition?: string;
}

/** Stable offset pagination for list queries. */
export class ListQuery extends ReadModelQuery {
  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;

  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'offset must be an integer ≥ 0' })
  offset?: string;
}

export interface PageInfo {
  offset: number;
  limit: number;
  /** Rows in all, before paging. */
  total: number;
}

export interface Page<T> {
  items: T[];
  page: PageInfo;
}

/** The rows a list query asks for: from `offset` (default 0), at most `limit` (default 100). */
export function pageBounds(query: ListQuery): { offset: number; limit: number } {
  return { offset: Number(query.offset ?? 0), limit: Number(query.limit ?? 100) };
}

export function paginate<T>(rows: T[], query: ListQuery): Page<T> {
  const { offset, limit } = pageBounds(query);
  return { items: rows.slice(offset, offset + limit), page: { offset, limit, total: rows.length } };
}
