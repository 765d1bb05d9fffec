import type Database from 'better-sqlite3';
import type { ReadAllOptions } from '../port';

/**
 * An instant in the one shape whose text order is its time order, and that
 * is a real instant whatever the month: days past 28, hour 24 and the like
 * are left to Date.parse (V8 reads 2024-02-30 as 1 March, 2024-13-01 as no
 * date at all).
 */
const SAFE_SHAPE =
  '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z';
/** A bound from toISOString is a real instant; only a year outside 0000–9999 changes its shape. */
const FOUR_DIGIT_YEAR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const safe = (column: string): string =>
  `(${column} GLOB '${SAFE_SHAPE}' AND substr(${column}, 6, 2) BETWEEN '01' AND '12'
    AND substr(${column}, 9, 2) BETWEEN '01' AND '28' AND substr(${column}, 12, 2) <= '23')`;

/** The SQL function time bounds fall back on: the port's rule (event-filter.ts `withinTimeBounds`) exactly. */
export function registerTimeBoundFunction(db: Database.Database): void {
  db.function('aet_not_after', { deterministic: true }, (instant: unknown, boundMs: unknown) =>
    Date.parse(String(instant)) > Number(boundMs) ? 0 : 1,
  );
}

/**
 * SQL for ReadAllOptions' `occurredAtMax` / `recordedAtMax` on their columns,
 * with the same answer as Date.parse for every stored text: text comparison
 * where both sides have the safe shape (every instant the service writes),
 * the SQL function otherwise. `key` names the statement's shape for caching.
 */
export function timeBoundsClause(options: Pick<ReadAllOptions, 'occurredAtMax' | 'recordedAtMax'>): {
  sql: string;
  params: Record<string, string | number>;
  key: string;
} {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const keys: string[] = [];
  for (const [column, bound] of [
    ['occurred_at', options.occurredAtMax],
    ['recorded_at', options.recordedAtMax],
  ] as const) {
    if (bound === undefined) continue;
    const ms = Date.parse(bound);
    const text = new Date(ms).toISOString();
    params[`${column}_ms`] = ms;
    if (FOUR_DIGIT_YEAR.test(text)) {
      params[`${column}_max`] = text;
      parts.push(
        `(CASE WHEN ${safe(column)} THEN ${column} <= @${column}_max ELSE aet_not_after(${column}, @${column}_ms) END)`,
      );
      keys.push(`${column}:text`);
    } else {
      parts.push(`aet_not_after(${column}, @${column}_ms)`);
      keys.push(`${column}:parse`);
    }
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params, key: keys.join(',') };
}
