/**
 * Warnings: results that are valid but that an evaluator should read with care,
 * mostly where a request asks for something the profile's reference does not do.
 */
import type { ChartSeries } from './chart-series';
import { isUsable } from './chart-series';
import { PROFILES } from './profiles';
import type { PhaseRunsResult, SpcParametersUsed, SpcRequest, SpcWarning } from './spc-types';

const list = (numbers: number[]) =>
  numbers.length > 10
    ? `${numbers.slice(0, 10).join(', ')} and ${numbers.length - 10} more`
    : numbers.join(', ');

export function collectWarnings(
  request: SpcRequest,
  series: ChartSeries,
  parameters: SpcParametersUsed,
  usable: number,
  runs: PhaseRunsResult[],
): SpcWarning[] {
  const warnings: SpcWarning[] = [];
  const profile = PROFILES[request.profile];
  const warn = (code: string, message: string) => warnings.push({ code, message });
  if (!profile.charts.includes(request.chart)) {
    warn(
      'chart-not-in-reference',
      `${profile.reference} draws no ${request.chart} chart; its rules were applied to one.`,
    );
  }
  if (parameters.exclude.length > 0 && !profile.excludes) {
    warn(
      'exclusion-not-in-reference',
      `${profile.reference} cannot exclude points; they were ghosted as in the MDC SQL query.`,
    );
  }
  if (usable < parameters.minimumPoints) {
    warn(
      'too-few-points',
      `${usable} usable points: limits, special cause and icons need ${parameters.minimumPoints}.`,
    );
  }
  const undefinedPoints: number[] = [];
  for (let i = 0; i < series.count; i++) if (Number.isNaN(series.y[i])) undefinedPoints.push(i + 1);
  if (undefinedPoints.length > 0) {
    const how =
      parameters.undefinedPoints === 'bridge' ? 'left out, their neighbours joined' : 'left as gaps';
    warn(
      'undefined-points',
      `Points ${list(undefinedPoints)} have no value (missing or 0/0) and were ${how}.`,
    );
  }
  const lines = request.chart === 'run' ? 'a trial centre line' : 'trial limits';
  const usableIn = (from: number, to: number) => {
    let count = 0;
    for (let i = from; i < to; i++) if (isUsable(series, i)) count++;
    return count;
  };
  series.phases.forEach((phase, p) => {
    const count = usableIn(phase.start, phase.end);
    if (count < parameters.shortPhaseWarningBelow) {
      warn(
        'short-phase',
        `Phase ${p + 1} has ${count} usable points (fewer than ${parameters.shortPhaseWarningBelow}): ${lines}.`,
      );
    }
    const baseline = usableIn(phase.start, phase.calcEnd);
    if (phase.baseline && baseline < parameters.minimumBaselinePoints) {
      warn(
        'baseline-too-short',
        `Phase ${p + 1}'s baseline has ${baseline} usable points; ${profile.reference} asks for at least ${parameters.minimumBaselinePoints}.`,
      );
    }
    if (parameters.runsTest === 'ihi-table' && runs[p].signal === null) {
      warn(
        'runs-test-not-evaluated',
        `Phase ${p + 1} has ${runs[p].usefulObservations} useful observations; Perla's Table 1 covers 10 to 60.`,
      );
    }
  });
  return warnings;
}
