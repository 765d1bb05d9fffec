/**
 * Centre lines and limits of the value charts: the run chart (median, no
 * limits) and the XmR chart (mean and moving ranges), phase by phase.
 */
import type { ChartSeries } from './chart-series';
import { calculationIndices, ChartLines, definedValues, emptyLines, includedIndices } from './chart-lines';
import { averageMovingRange, movingRanges } from './moving-ranges';
import type { SpcParameters } from './spc-parameters';
import { mean, median } from './statistics';

/** 3/d2 for n = 2 rounded, as MDC and ptd use it; qicharts2 divides by d2 = 1.128 instead. */
const MDC_LIMIT_FACTOR = 2.66;
/** ptd's `limitclose <- 2 * (limit / 3)`; the SQL query's `* 2.66 * (2 / 3.0)` differs in the last bit at most. */
const MDC_TWO_SIGMA_FACTOR = 2 * (MDC_LIMIT_FACTOR / 3);
const D2 = 1.128;

export function runChartLines(series: ChartSeries): ChartLines {
  const lines = emptyLines(series.count, series.phases.length);
  for (const phase of series.phases) {
    const centre = median(definedValues(series.y, calculationIndices(series, phase)));
    lines.centre.fill(centre, phase.start, phase.end);
  }
  return lines;
}

export function individualsChartLines(series: ChartSeries, parameters: SpcParameters): ChartLines {
  const lines = emptyLines(series.count, series.phases.length);
  const qicharts = parameters.individualsSigma === 'mr-over-1.128';
  series.phases.forEach((phase, p) => {
    const indices = calculationIndices(series, phase);
    let centre = mean(definedValues(series.y, indices));
    const ranges = movingRanges(series.y, indices, parameters.undefinedPoints, qicharts ? centre : 0);
    const { average, screenedOut } = averageMovingRange(ranges, parameters.movingRangeScreening);
    if (parameters.movingRangeScreening === 'mdc-sql' && screenedOut.size > 0) {
      // MDC SQL v2.6 step 4e: the mean is recomputed without the points whose moving range was screened out.
      centre = mean(
        definedValues(
          series.y,
          indices.filter((i) => !screenedOut.has(i)),
        ),
      );
    }
    lines.phaseAverageMovingRange[p] = average;
    const sigma = qicharts ? average / D2 : NaN;
    const upper = qicharts ? centre + 3 * sigma : centre + MDC_LIMIT_FACTOR * average;
    const lower = qicharts ? centre - 3 * sigma : centre - MDC_LIMIT_FACTOR * average;
    const upperTwo = qicharts ? centre + 2 * sigma : centre + MDC_TWO_SIGMA_FACTOR * average;
    const lowerTwo = qicharts ? centre - 2 * sigma : centre - MDC_TWO_SIGMA_FACTOR * average;
    lines.centre.fill(centre, phase.start, phase.end);
    lines.upper.fill(upper, phase.start, phase.end);
    lines.lower.fill(lower, phase.start, phase.end);
    lines.upperTwoSigma.fill(upperTwo, phase.start, phase.end);
    lines.lowerTwoSigma.fill(lowerTwo, phase.start, phase.end);
    const shown = movingRanges(
      series.y,
      includedIndices(series, phase.start, phase.end),
      parameters.undefinedPoints,
    );
    for (const { index, range } of shown) lines.movingRange[index] = range;
  });
  return lines;
}
