/**
 * P, P′ (Laney), U and C charts as qicharts2 computes them (qic.p, qic.pp,
 * qic.u, qic.c; Montgomery 2009, Laney 2002): the centre line from the phase's
 * calculation points, sigma per point from its own denominator.
 */
import type { ChartSeries } from './chart-series';
import { calculationIndices, ChartLines, definedValues, emptyLines } from './chart-lines';
import { averageMovingRange, movingRanges } from './moving-ranges';
import type { SpcParameters } from './spc-parameters';
import { mean } from './statistics';

const D2 = 1.128;

type Sigma = (centre: number, denominator: number) => number;

const binomialSigma: Sigma = (p, n) => Math.sqrt((p * (1 - p)) / n);
const poissonRateSigma: Sigma = (u, n) => Math.sqrt(u / n);

/** Σ numerators / Σ denominators: a 0/0 period adds nothing to either. */
function weightedCentre(series: ChartSeries, indices: readonly number[]): number {
  let numerator = 0;
  let denominator = 0;
  for (const i of indices) {
    numerator += series.numerator[i];
    denominator += series.denominator[i];
  }
  return numerator / denominator;
}

/** A zero denominator gives infinite sigma; qicharts2 then drops the limits (set to NA). */
function setLimits(
  lines: ChartLines,
  i: number,
  centre: number,
  sigma: number,
  clampUpperAtOne: boolean,
): void {
  const high = (x: number) => (!Number.isFinite(x) ? NaN : clampUpperAtOne && x > 1 ? 1 : x);
  const low = (x: number) => (!Number.isFinite(x) ? NaN : x < 0 ? 0 : x);
  lines.upper[i] = high(centre + 3 * sigma);
  lines.upperTwoSigma[i] = high(centre + 2 * sigma);
  lines.lower[i] = low(centre - 3 * sigma);
  lines.lowerTwoSigma[i] = low(centre - 2 * sigma);
}

function proportionOrRateLines(series: ChartSeries, sigmaOf: Sigma, clampUpperAtOne: boolean): ChartLines {
  const lines = emptyLines(series.count, series.phases.length);
  for (const phase of series.phases) {
    const centre = weightedCentre(series, calculationIndices(series, phase));
    for (let i = phase.start; i < phase.end; i++) {
      lines.centre[i] = centre;
      setLimits(lines, i, centre, sigmaOf(centre, series.denominator[i]), clampUpperAtOne);
    }
  }
  return lines;
}

export const pChartLines = (series: ChartSeries): ChartLines =>
  proportionOrRateLines(series, binomialSigma, true);

export const uChartLines = (series: ChartSeries): ChartLines =>
  proportionOrRateLines(series, poissonRateSigma, false);

export function cChartLines(series: ChartSeries): ChartLines {
  const lines = emptyLines(series.count, series.phases.length);
  for (const phase of series.phases) {
    const centre = mean(definedValues(series.y, calculationIndices(series, phase)));
    for (let i = phase.start; i < phase.end; i++) {
      lines.centre[i] = centre;
      setLimits(lines, i, centre, Math.sqrt(centre), false);
    }
  }
  return lines;
}

/**
 * Laney's P′: the binomial sigma of each point times σz, the moving-range
 * estimate of the spread of the z-scores of the calculation points, which
 * absorbs the between-period variation that very large denominators expose.
 */
export function pPrimeChartLines(series: ChartSeries, parameters: SpcParameters): ChartLines {
  const lines = emptyLines(series.count, series.phases.length);
  for (const phase of series.phases) {
    const indices = calculationIndices(series, phase);
    const centre = weightedCentre(series, indices);
    const z = new Float64Array(series.count).fill(NaN);
    for (const i of indices) {
      const score = (series.y[i] - centre) / binomialSigma(centre, series.denominator[i]);
      z[i] = Number.isFinite(score) ? score : NaN;
    }
    const ranges = movingRanges(z, indices, parameters.undefinedPoints);
    const sigmaZ = averageMovingRange(ranges, parameters.movingRangeScreening).average / D2;
    for (let i = phase.start; i < phase.end; i++) {
      lines.centre[i] = centre;
      setLimits(lines, i, centre, binomialSigma(centre, series.denominator[i]) * sigmaZ, true);
    }
  }
  return lines;
}
