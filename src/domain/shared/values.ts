/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** An instant, ISO 8601 with a zone. */
export type IsoDateTime = string;

/** The calendar date (UTC) of an instant. */
export function dateOf(instant: IsoDateTime): IsoDate {
  return instant.slice(0, 10);
}

/** Compares ISO dates or date-times as instants (dates are midnight UTC). */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
