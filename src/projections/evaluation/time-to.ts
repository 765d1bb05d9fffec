/**
 * Time-to-event statistics for the funnel (docs/analysts/read-models.md, "The funnel"). An
 * observation is one organisation's days from enrolment either to the stage
 * (`reached`) or, when it has not reached it, to the reporting date (censored:
 * it may still get there, so it must not count as a failure).
 */
export interface Observation {
  days: number;
  reached: boolean;
}

/** One step of the Kaplan–Meier curve: a day on which at least one organisation reached the stage. */
export interface CurvePoint {
  days: number;
  /** Organisations still followed up on that day (reached it then or later, or censored then or later). */
  atRisk: number;
  reached: number;
  /** 1 − S(days) as a percentage, two decimals. */
  cumulativePercent: number;
}

/** The horizons (days since enrolment) the funnel reports the cumulative proportion at. */
export const HORIZONS = [90, 180, 365, 730] as const;

const asPercent = (fraction: number): number => Math.round(fraction * 10_000) / 100;

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Kaplan–Meier product-limit estimate of the share that has reached the stage
 * by each day: S(t) = Π over reach days tᵢ ≤ t of (1 − dᵢ / nᵢ), with dᵢ
 * reaching on tᵢ and nᵢ observed for at least tᵢ days. An organisation censored
 * on tᵢ is still at risk on tᵢ (the usual convention), so a late enroller is
 * never counted as a failure.
 */
export function kaplanMeier(observations: readonly Observation[]): CurvePoint[] {
  const days = [...new Set(observations.filter((o) => o.reached).map((o) => o.days))].sort((a, b) => a - b);
  let survival = 1;
  return days.map((day) => {
    const atRisk = observations.filter((o) => o.days >= day).length;
    const reached = observations.filter((o) => o.reached && o.days === day).length;
    survival *= 1 - reached / atRisk;
    return { days: day, atRisk, reached, cumulativePercent: asPercent(1 - survival) };
  });
}

/**
 * The curve's value at a horizon. It is known up to the longest observation;
 * beyond it only if everyone has reached the stage (100% stays 100%), else
 * null: no organisation has been followed that long.
 */
export function cumulativePercentAt(
  observations: readonly Observation[],
  curve: readonly CurvePoint[],
  horizon: number,
): number | null {
  if (observations.length === 0) return null;
  const longest = Math.max(...observations.map((o) => o.days));
  const last = curve.at(-1);
  if (horizon > longest && last?.cumulativePercent !== 100) return null;
  let value = 0;
  for (const point of curve) if (point.days <= horizon) value = point.cumulativePercent;
  return value;
}
