/**
 * The runs of consecutive points a multi-point rule looks along. Excluded
 * points are never in them; an undefined value is dropped (`bridge`) or ends
 * the run (`gap`); a recalculation ends it unless the rule crosses phases.
 */
import type { ChartSeries } from './chart-series';
import type { SpcParameters } from './spc-parameters';

export function ruleSequences(
  series: ChartSeries,
  crossesRecalculation: boolean,
  undefinedPoints: SpcParameters['undefinedPoints'],
): number[][] {
  const sequences: number[][] = [];
  let current: number[] = [];
  const close = () => {
    if (current.length > 0) sequences.push(current);
    current = [];
  };
  for (let i = 0; i < series.count; i++) {
    if (!crossesRecalculation && i > 0 && series.phaseOf[i] !== series.phaseOf[i - 1]) close();
    if (series.excluded[i] === 1) continue;
    if (Number.isNaN(series.y[i])) {
      if (undefinedPoints === 'gap') close();
      continue;
    }
    current.push(i);
  }
  close();
  return sequences;
}
