/**
 * Trend: `length` or more points each strictly above (or below) the one
 * before; all of them are flagged, and the trend may cross the centre line.
 * With ties `break` an equal value ends it (MDC "no pauses", ptd); with `skip`
 * equal successive values count once and neither make nor break it (IHI), and
 * the flagged span includes the repeated values.
 */
import { TREND, TREND_DOWN, TREND_UP } from './rule-flags';
import type { SpcParameters } from './spc-parameters';

export function flagTrends(
  sequences: readonly number[][],
  y: Float64Array,
  length: number,
  ties: SpcParameters['trendTies'],
  flags: Uint16Array,
): void {
  for (const sequence of sequences) {
    let direction = 0;
    let steps = 0;
    let start = 0;
    // Where the group of equal values ending at the previous point began.
    let tieStart = 0;
    const close = (end: number) => {
      if (direction === 0 || steps + 1 < length) return;
      for (let k = start; k <= end; k++) flags[sequence[k]] |= direction > 0 ? TREND_UP : TREND_DOWN;
    };
    for (let k = 1; k < sequence.length; k++) {
      const a = y[sequence[k - 1]];
      const b = y[sequence[k]];
      const step = b > a ? 1 : b < a ? -1 : 0;
      if (step === 0 && ties === 'skip') continue;
      if (step !== 0 && step === direction) {
        steps++;
        tieStart = k;
        continue;
      }
      close(k - 1);
      direction = step;
      steps = step === 0 ? 0 : 1;
      start = step === 0 ? k : ties === 'skip' ? tieStart : k - 1;
      tieStart = k;
    }
    close(sequence.length - 1);
  }
}

/**
 * ptd labels a trend point by one direction: the step to the next point when
 * that point is in a trend too, otherwise the step from the previous point
 * (ptd_special_cause_type(); it matters for the point shared by two trends).
 */
export function ptdTrendSides(
  sequences: readonly number[][],
  y: Float64Array,
  flags: Uint16Array,
  sides: Int8Array,
): void {
  for (const sequence of sequences) {
    for (let k = 0; k < sequence.length; k++) {
      const i = sequence[k];
      if ((flags[i] & TREND) === 0) continue;
      const next = k + 1 < sequence.length ? sequence[k + 1] : -1;
      const [a, b] = next >= 0 && (flags[next] & TREND) !== 0 ? [i, next] : [sequence[k - 1], i];
      sides[i] = y[b] > y[a] ? 1 : -1;
    }
  }
}
