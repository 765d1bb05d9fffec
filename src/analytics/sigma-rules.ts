/**
 * The rules that compare points with sigma lines: a point beyond a process
 * limit (strict), and two of three consecutive points beyond a two-sigma line.
 */
import type { ChartLines } from './chart-lines';
import { OUTSIDE_HIGH, OUTSIDE_LOW, TWO_HIGH, TWO_LOW } from './rule-flags';
import type { SpcParameters } from './spc-parameters';

export function flagOutsideLimits(
  indices: Iterable<number>,
  y: Float64Array,
  lines: ChartLines,
  flags: Uint16Array,
): void {
  for (const i of indices) {
    if (y[i] > lines.upper[i]) flags[i] |= OUTSIDE_HIGH;
    else if (y[i] < lines.lower[i]) flags[i] |= OUTSIDE_LOW;
  }
}

/**
 * Every window of three consecutive points (a point is in up to three) whose
 * points are all strictly on one side of their centre lines, with at least two
 * beyond that side's two-sigma line: only those two or three are flagged.
 */
export function flagTwoOfThree(
  sequences: readonly number[][],
  y: Float64Array,
  lines: ChartLines,
  mode: Exclude<SpcParameters['twoOfThree'], 'off'>,
  flags: Uint16Array,
): void {
  const side = (i: number) => (y[i] > lines.centre[i] ? 1 : y[i] < lines.centre[i] ? -1 : 0);
  const beyond = (i: number, s: number): boolean => {
    const pastTwoSigma = s > 0 ? y[i] > lines.upperTwoSigma[i] : y[i] < lines.lowerTwoSigma[i];
    if (!pastTwoSigma || mode === 'include-beyond-limits') return pastTwoSigma;
    return !(y[i] > lines.upper[i] || y[i] < lines.lower[i]);
  };
  for (const sequence of sequences) {
    for (let k = 0; k + 2 < sequence.length; k++) {
      const window = [sequence[k], sequence[k + 1], sequence[k + 2]];
      const s = side(window[0]);
      if (s === 0 || side(window[1]) !== s || side(window[2]) !== s) continue;
      const past = window.filter((i) => beyond(i, s));
      if (past.length < 2) continue;
      for (const i of past) flags[i] |= s > 0 ? TWO_HIGH : TWO_LOW;
    }
  }
}
