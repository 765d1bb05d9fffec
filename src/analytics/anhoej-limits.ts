/**
 * Critical values of the Anhøj rules (qicharts2 runs.analysis(); docs/analysts/spc-rules.md):
 * a run longer than round(log2 n) + 3, or fewer crossings than the 5% lower
 * quantile of Binomial(n − 1, 0.5), signals non-random variation.
 */

/** log2 of an integer is never exactly x.5, so JavaScript's half-up rounding agrees with R's half-even. */
export function longestRunLimit(usefulObservations: number): number {
  return Math.round(Math.log2(usefulObservations)) + 3;
}

/**
 * R's qbinom(0.05, n − 1, 0.5): the smallest c with P(X ≤ c) ≥ 0.05. The pmf is built in log
 * space so that it works up to 100,000 points (2^−n underflows long before); the target is
 * fuzzed down by 64 ulps exactly as R does, to keep the quantile left-continuous.
 */
export function crossingsLimit(usefulObservations: number, probability = 0.05): number {
  const size = Math.max(usefulObservations - 1, 0);
  if (size === 0) return 0;
  const target = probability * (1 - 64 * Number.EPSILON);
  const logTotal = size * Math.LN2;
  let logChoose = 0;
  let cumulative = 0;
  for (let k = 0; k <= size; k++) {
    if (k > 0) logChoose += Math.log((size - k + 1) / k);
    cumulative += Math.exp(logChoose - logTotal);
    if (cumulative >= target) return k;
  }
  return size;
}
