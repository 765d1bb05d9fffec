/**
 * Shift: `length` or more consecutive points on one side of their centre line
 * (strict). MDC and ptd let a point on the line break the shift; IHI skips it,
 * so it neither counts nor breaks, and it is not flagged.
 */
import { SHIFT_HIGH, SHIFT_LOW } from './rule-flags';
import type { SpcParameters } from './spc-parameters';

export function flagShifts(
  sequences: readonly number[][],
  y: Float64Array,
  centre: Float64Array,
  length: number,
  centreLinePoints: SpcParameters['centreLinePoints'],
  flags: Uint16Array,
): void {
  for (const sequence of sequences) {
    let side = 0;
    let run: number[] = [];
    const close = () => {
      if (side !== 0 && run.length >= length) {
        for (const i of run) flags[i] |= side > 0 ? SHIFT_HIGH : SHIFT_LOW;
      }
    };
    for (const i of sequence) {
      const s = y[i] > centre[i] ? 1 : y[i] < centre[i] ? -1 : 0;
      if (s === 0 && centreLinePoints === 'skip' && !Number.isNaN(centre[i])) continue;
      if (s !== side || s === 0) {
        close();
        side = s;
        run = [];
      }
      if (s !== 0) run.push(i);
    }
    close();
  }
}
