/**
 * The business dates whose as-of states are kept (docs/evaluators/time-travel.md):
 * month ends, the dates reports and returns are asked at. `asOf=2024-03-31`
 * resolves to 2024-03-31T23:59:59.999Z (shared/bounds.ts), which is on the grid.
 */
export function isMonthEnd(asOf: string): boolean {
  const at = new Date(asOf);
  const next = new Date(at.getTime() + 1);
  return (
    !Number.isNaN(at.getTime()) &&
    next.getUTCDate() === 1 &&
    next.getUTCHours() === 0 &&
    next.getUTCMinutes() === 0 &&
    next.getUTCSeconds() === 0 &&
    next.getUTCMilliseconds() === 0
  );
}

/** The last `count` month ends that have passed by `now`, latest first, as bounds.ts writes them. */
export function recentMonthEnds(now: Date, count: number): string[] {
  const dates: string[] = [];
  for (let back = 0; dates.length < count; back++) {
    // Day 0 of a month is the last day of the month before it.
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 0, 23, 59, 59, 999));
    dates.push(end.toISOString());
  }
  return dates;
}
