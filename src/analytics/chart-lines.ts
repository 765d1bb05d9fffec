/** The lines of a chart, point by point; NaN stands for undefined until the result is built. */
import type { ChartSeries, Phase } from './chart-series';

export interface ChartLines {
  centre: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  lowerTwoSigma: Float64Array;
  upperTwoSigma: Float64Array;
  /** Moving range shown against each point (XmR only). */
  movingRange: Float64Array;
  /** MR̄ behind each phase's limits (XmR only; NaN otherwise). */
  phaseAverageMovingRange: number[];
}

export function emptyLines(count: number, phases: number): ChartLines {
  const nan = () => new Float64Array(count).fill(NaN);
  return {
    centre: nan(),
    lower: nan(),
    upper: nan(),
    lowerTwoSigma: nan(),
    upperTwoSigma: nan(),
    movingRange: nan(),
    phaseAverageMovingRange: new Array<number>(phases).fill(NaN),
  };
}

/** Included points of [from, to) in order. */
export function includedIndices(series: ChartSeries, from: number, to: number): number[] {
  const indices: number[] = [];
  for (let i = from; i < to; i++) if (series.excluded[i] === 0) indices.push(i);
  return indices;
}

/** Included points a phase computes its lines from. */
export function calculationIndices(series: ChartSeries, phase: Phase): number[] {
  return includedIndices(series, phase.start, phase.calcEnd);
}

/** Defined values at the given points. */
export function definedValues(values: Float64Array, indices: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of indices) if (!Number.isNaN(values[i])) out.push(values[i]);
  return out;
}
