/**
 * Bitemporal bounds of a read-model query (DESIGN.md §7): `asOf` bounds
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

/** A date means the whole of that day (UTC): `asOf=2018-03-31` includes events at 2018-03-31T17:00Z. */
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
