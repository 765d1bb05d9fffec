/**
 * Bitemporal bounds of a read-model query (docs/evaluators/time-travel.md): `asOf` bounds
 * business time (events whose occurredAt ≤ asOf count), `asKnownAt` bounds
 * knowledge (events recorded at or before it), or `atPosition` bounds it by
 * global position. Unset means "now".
 */
export interface Bounds {
  /** ISO instant (inclusive). */
  asOf?: string;
  /** ISO instant (inclusive). */
  asKnownAt?: string;
  /** Global position (inclusive). */
  atPosition?: number;
}

export const isUnbounded = (bounds: Bounds): boolean =>
  bounds.asOf === undefined && bounds.asKnownAt === undefined && bounds.atPosition === undefined;

/**
 * Upper bounds (asOf, asKnownAt, an export's `to`) include their end: a date
 * means the whole of that day (UTC), so `asOf=2018-03-31` includes events at
 * 2018-03-31T17:00Z. Lower bounds (`since`, an export's `from`) are in
 * lowerBound below.
 */
export function endOfDayIfDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}

/** The calendar date a query reports at: the asOf date, or today. */
export function reportingDate(bounds: Bounds, now: Date): string {
  return (bounds.asOf ?? now.toISOString()).slice(0, 10);
}

/** Whether an event falls inside the bounds (instants compared as times, not text). */
export function withinBounds(
  bounds: Bounds,
  event: { position: number; metadata: { occurredAt: string; recordedAt: string } },
): boolean {
  if (bounds.atPosition !== undefined && event.position > bounds.atPosition) return false;
  if (bounds.asOf !== undefined && Date.parse(event.metadata.occurredAt) > Date.parse(bounds.asOf))
    return false;
  if (bounds.asKnownAt !== undefined && Date.parse(event.metadata.recordedAt) > Date.parse(bounds.asKnownAt))
    return false;
  return true;
}

/**
 * A lower bound (`since`, an export's `from`): a date means from the start of
 * that day (UTC), the day included (`since=2026-12-05` lists what was recorded
 * on 5 December and after); a date-time means strictly after that instant, so
 * a window can start exactly where the last one's asKnownAt ended. Returns
 * the bound's instant and whether it is itself inside.
 */
export function lowerBound(value: string): { from: string; inclusive: boolean } {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? { from: `${value}T00:00:00.000Z`, inclusive: true }
    : { from: new Date(value).toISOString(), inclusive: false };
}

/** Whether an instant falls inside a lower bound (see lowerBound). */
export function afterLowerBound(instant: string, bound: { from: string; inclusive: boolean }): boolean {
  const at = Date.parse(instant);
  const from = Date.parse(bound.from);
  return bound.inclusive ? at >= from : at > from;
}
