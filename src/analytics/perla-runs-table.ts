/**
 * Perla, Provost & Murray 2011, Table 1: limits for the number of runs by the
 * number of useful observations (10–60), "based on about a 5% risk of failing
 * the run test for random patterns" (after Swed & Eisenhart). Kept as data: the
 * table is irregular (e.g. upper 35 at both 55 and 56), so no formula reproduces it.
 * Transcribed from Table 1 of Perla 2011 as IHI QI 104 course notes reproduce it ([S1], docs/analysts/spc-rules.md).
 */
const FIRST_N = 10;
const LOWER = [
  3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 14, 14, 15,
  15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24,
];
const UPPER = [
  9, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 22, 23, 23, 24, 24, 25,
  25, 26, 26, 27, 27, 28, 28, 29, 30, 31, 31, 32, 32, 33, 33, 34, 34, 35, 35, 35, 36, 37, 38, 38,
];

export const PERLA_TABLE_RANGE = { min: FIRST_N, max: FIRST_N + LOWER.length - 1 } as const;

/** Lower and upper limits for the number of runs, or null outside 10–60 useful observations. */
export function perlaRunsLimits(usefulObservations: number): { lower: number; upper: number } | null {
  const i = usefulObservations - FIRST_N;
  if (i < 0 || i >= LOWER.length) return null;
  return { lower: LOWER[i], upper: UPPER[i] };
}
