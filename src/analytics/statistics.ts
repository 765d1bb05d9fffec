/**
 * Mean and median over the defined values of a list. The mean is R's: a sum,
 * then one correction pass with the residuals, which recovers most of what R
 * gains from its long-double accumulator, so results agree with the references
 * to the last bit or two instead of drifting with the length of the series.
 */

/** NaN when there is nothing to average. */
export function mean(values: ArrayLike<number>, count = values.length): number {
  if (count === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  const first = sum / count;
  if (!Number.isFinite(first)) return first;
  let residual = 0;
  for (let i = 0; i < count; i++) residual += values[i] - first;
  return first + residual / count;
}

/** Median of an even count is the mean of the two middle values (R, Perla 2011). NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
