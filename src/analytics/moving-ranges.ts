/**
 * Moving ranges between consecutive points of one calculation range, and the
 * mean moving range with the references' outlier screening (Nelson 1982).
 */
import type { SpcParameters } from './spc-parameters';
import { mean } from './statistics';

/** Nelson's upper limit for a moving range: 3.267 · MR̄ (D4 for n = 2). */
export const MOVING_RANGE_LIMIT_FACTOR = 3.267;

export interface MovingRange {
  /** The later point of the pair. */
  index: number;
  /** NaN where the pair touches an undefined value under the `gap` policy. */
  range: number;
}

/**
 * `indices` are the points in order with excluded ones already left out, so a
 * moving range always bridges an exclusion (qicharts2 diff() over the baseline
 * subset; MDC SQL LAG over non-ghosted rows). Undefined values are bridged or
 * break the chain according to the policy. `offset` is subtracted from both
 * values first because qicharts2 computes diff(y − cl); with 0 it is exact.
 */
export function movingRanges(
  values: Float64Array,
  indices: readonly number[],
  undefinedPoints: SpcParameters['undefinedPoints'],
  offset = 0,
): MovingRange[] {
  const ranges: MovingRange[] = [];
  let previous = -1;
  for (const i of indices) {
    const defined = !Number.isNaN(values[i]);
    if (!defined && undefinedPoints === 'bridge') continue;
    if (previous >= 0) {
      ranges.push({ index: i, range: Math.abs(values[i] - offset - (values[previous] - offset)) });
    }
    previous = i;
  }
  return ranges;
}

export interface ScreenedAverage {
  /** MR̄ the limits are built from: after screening, NaN if nothing is left. */
  average: number;
  /** Points whose moving range was screened out (MDC SQL also drops them from the mean). */
  screenedOut: Set<number>;
}

export function averageMovingRange(
  ranges: readonly MovingRange[],
  screening: SpcParameters['movingRangeScreening'],
): ScreenedAverage {
  const defined = ranges.filter((r) => !Number.isNaN(r.range));
  const first = mean(defined.map((r) => r.range));
  const screenedOut = new Set<number>();
  if (screening === 'none') return { average: first, screenedOut };
  // ptd and qicharts2 keep mr < 3.267·MR̄ (so all-zero ranges all go); the SQL query keeps ≤.
  const limit = MOVING_RANGE_LIMIT_FACTOR * first;
  const kept = defined.filter((r) => {
    const keep = screening === 'strict' ? r.range < limit : r.range <= limit;
    if (!keep) screenedOut.add(r.index);
    return keep;
  });
  return { average: mean(kept.map((r) => r.range)), screenedOut };
}
