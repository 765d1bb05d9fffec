/**
 * computeChart(): the whole SPC calculation for one request, pure and
 * deterministic. Lines are computed unscaled; `multiply` scales values and
 * lines afterwards and the limit rules compare the scaled numbers, as
 * qicharts2 does (qic.agg()).
 */
import { cChartLines, pChartLines, pPrimeChartLines, uChartLines } from './attribute-charts';
import type { ChartLines } from './chart-lines';
import { ChartSeries, isUsable, prepareSeries } from './chart-series';
import { Classification, classifyPoint } from './classify-variation';
import { individualsChartLines, runChartLines } from './individuals-chart';
import { resolveParameters } from './resolve-parameters';
import { ruleNames } from './rule-flags';
import { ruleSequences } from './rule-sequences';
import { analyseRuns } from './runs-analysis';
import { flagShifts } from './shift-rule';
import { flagOutsideLimits, flagTwoOfThree } from './sigma-rules';
import type { SpcParametersUsed, SpcPointResult, SpcRequest, SpcResult, SpcWarning } from './spc-types';
import { assuranceIcon, variationIcon } from './summary-icons';
import { flagTrends, ptdTrendSides } from './trend-rule';
import { validateSpcRequest } from './validate-spc-request';
import { SpcValidationError } from './validation-errors';
import { collectWarnings } from './chart-warnings';

function chartLines(request: SpcRequest, series: ChartSeries, parameters: SpcParametersUsed): ChartLines {
  switch (request.chart) {
    case 'run':
      return runChartLines(series);
    case 'xmr':
      return individualsChartLines(series, parameters);
    case 'p':
      return pChartLines(series);
    case 'pprime':
      return pPrimeChartLines(series, parameters);
    case 'u':
      return uChartLines(series);
    case 'c':
      return cChartLines(series);
  }
}

/** Loops rather than `Float64Array.prototype.map`, whose per-element callback made it most of a chart's cost. */
function scaled(values: Float64Array, k: number): Float64Array {
  if (k === 1) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * k;
  return out;
}
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

function blankLimits(lines: ChartLines): void {
  for (const line of [lines.lower, lines.upper, lines.lowerTwoSigma, lines.upperTwoSigma]) line.fill(NaN);
}

/** Shift and trend read the unscaled values; the limit rules read the scaled ones (`shown`, `y`). */
function flagRules(
  series: ChartSeries,
  lines: ChartLines,
  shown: ChartLines,
  y: Float64Array,
  p: SpcParametersUsed,
): Uint16Array {
  const flags = new Uint16Array(series.count);
  const limitTested: number[] = [];
  for (let i = 0; i < series.count; i++) {
    if (!Number.isNaN(series.y[i]) && (series.excluded[i] === 0 || p.excludedPoints === 'limits-only')) {
      limitTested.push(i);
    }
  }
  flagOutsideLimits(limitTested, y, shown, flags);
  if (p.shiftRule === 'fixed') {
    const sequences = ruleSequences(series, p.shiftCrossesRecalculation, p.undefinedPoints);
    flagShifts(sequences, series.y, lines.centre, p.shiftPoints, p.centreLinePoints, flags);
  }
  if (p.trendPoints > 0) {
    const sequences = ruleSequences(series, p.trendCrossesRecalculation, p.undefinedPoints);
    flagTrends(sequences, series.y, p.trendPoints, p.trendTies, flags);
  }
  if (p.twoOfThree !== 'off') {
    const sequences = ruleSequences(series, p.twoOfThreeCrossesRecalculation, p.undefinedPoints);
    flagTwoOfThree(sequences, y, shown, p.twoOfThree, flags);
  }
  return flags;
}

const format = (x: number) => String(Math.round(x * 100) / 100);

/**
 * When the series cannot leave `range` (a percentage, say), a limit beyond it
 * is drawn at its edge (`limitAsDrawn`), and a warning per phase keeps the
 * calculated values. Only what is reported changes; rules and icons read the
 * calculated lines, and no value lies beyond the range.
 */
function warnOfClampedLimits(
  lines: ChartLines,
  range: { lower: number | null; upper: number | null },
  series: ChartSeries,
  warnings: SpcWarning[],
): void {
  const lower = range.lower ?? -Infinity;
  const upper = range.upper ?? Infinity;
  series.phases.forEach((phase, p) => {
    // The phase's lowest lower limit and highest upper limit, undefined (NaN) points left out.
    let low = Infinity;
    let high = -Infinity;
    for (let i = phase.start; i < phase.end; i++) {
      if (lines.lower[i] < low) low = lines.lower[i];
      if (lines.upper[i] > high) high = lines.upper[i];
    }
    const beyond = [
      ...(low < lower ? [`lower limit ${format(low)}`] : []),
      ...(high > upper ? [`upper limit ${format(high)}`] : []),
    ];
    if (beyond.length > 0) {
      warnings.push({
        code: 'limits-clamped',
        message: `Phase ${p + 1}: the ${beyond.join(' and the ')} ${beyond.length > 1 ? 'lie' : 'lies'} beyond the values the measure can take (${range.lower ?? '−∞'} to ${range.upper ?? '∞'}) and ${beyond.length > 1 ? 'are' : 'is'} drawn at its edge.`,
      });
    }
  });
}

/** A limit as a point reports it: null when undefined, else drawn within the range, if there is one. */
function limitAsDrawn(
  range: { lower: number | null; upper: number | null } | null,
): (v: number) => number | null {
  if (range === null) return orNull;
  const lower = range.lower ?? -Infinity;
  const upper = range.upper ?? Infinity;
  // Computed per point, not as clamped copies of the lines: most charts are short and computed often.
  return (v) => (Number.isNaN(v) ? null : Math.min(upper, Math.max(lower, v)));
}

export function computeChart(input: SpcRequest): SpcResult {
  const checked = validateSpcRequest(input);
  if (!checked.ok) throw new SpcValidationError(checked.errors);
  const request = checked.value;
  const parameters = resolveParameters(request);
  const warnings: SpcWarning[] = [];
  const series = prepareSeries(request, parameters, warnings);
  const lines = chartLines(request, series, parameters);
  let usable = 0;
  for (let i = 0; i < series.count; i++) if (isUsable(series, i)) usable++;
  const enough = usable >= parameters.minimumPoints;
  if (!enough) blankLimits(lines);

  const k = parameters.multiply;
  const y = scaled(series.y, k);
  const shown: ChartLines = {
    centre: scaled(lines.centre, k),
    lower: scaled(lines.lower, k),
    upper: scaled(lines.upper, k),
    lowerTwoSigma: scaled(lines.lowerTwoSigma, k),
    upperTwoSigma: scaled(lines.upperTwoSigma, k),
    movingRange: scaled(lines.movingRange, k),
    phaseAverageMovingRange: lines.phaseAverageMovingRange.map((v) => v * k),
  };
  const flags = enough ? flagRules(series, lines, shown, y, parameters) : new Uint16Array(series.count);
  const runs = analyseRuns(series, lines.centre, parameters, enough ? flags : null);

  const trendSides = new Int8Array(series.count);
  if (parameters.conflict === 'ptd-precedence' && parameters.trendPoints > 0) {
    const sequences = ruleSequences(series, parameters.trendCrossesRecalculation, parameters.undefinedPoints);
    ptdTrendSides(sequences, series.y, flags, trendSides);
  }
  const direction = parameters.improvementDirection;
  const range = request.valueRange ?? null;
  if (range) warnOfClampedLimits(shown, range, series, warnings);
  const drawn = limitAsDrawn(range);
  const classes: Classification[] = [];
  const points: SpcPointResult[] = request.points.map((point, i) => {
    const fallbackSide = series.y[i] >= lines.centre[i] ? 1 : -1;
    const classification = classifyPoint(
      flags[i],
      direction,
      parameters.conflict,
      trendSides[i],
      fallbackSide,
    );
    classes.push(classification);
    return {
      n: i + 1,
      date: point.date ?? null,
      y: orNull(y[i]),
      centre: orNull(shown.centre[i]),
      lower: drawn(shown.lower[i]),
      upper: drawn(shown.upper[i]),
      lowerTwoSigma: drawn(shown.lowerTwoSigma[i]),
      upperTwoSigma: drawn(shown.upperTwoSigma[i]),
      movingRange: orNull(shown.movingRange[i]),
      excluded: series.excluded[i] === 1,
      phase: series.phaseOf[i] + 1,
      rules: ruleNames(flags[i]),
      variation: classification.variation,
    };
  });

  let last = -1;
  for (let i = series.count - 1; i >= 0 && last < 0; i--) if (isUsable(series, i)) last = i;
  const showIcons = parameters.icons && enough && last >= 0;
  const variation = showIcons ? variationIcon(classes[last], direction) : null;
  const target = parameters.target;
  const assurance =
    showIcons &&
    target !== null &&
    direction !== 'neither' &&
    points[last].lower !== null &&
    points[last].upper !== null
      ? assuranceIcon(target, shown.lower[last], shown.upper[last], direction, parameters.assuranceOnLimit)
      : null;

  warnings.push(...collectWarnings(request, series, parameters, usable, runs));
  return {
    chart: request.chart,
    profile: request.profile,
    parameters,
    points,
    averageMovingRange:
      request.chart === 'xmr' ? orNull(shown.phaseAverageMovingRange[series.phases.length - 1]) : null,
    runs,
    icons: { variation, assurance },
    warnings,
  };
}
