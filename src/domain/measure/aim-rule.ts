import { nextPeriod } from './periods';
import { MeasureSeries, SeriesPoint } from './series';
import { ImprovementDirection } from './values';

/**
 * The aim rule (docs/architecture/domain-model.md, "Aim achieved") is "3
 * consecutive periods at target and a shift signal"; the shift check comes
 * with the analytics engine, so this is the first half, stated as its own rule so the evidence says which was used.
 */
export const CONSECUTIVE_PERIODS_AT_TARGET = 'ConsecutivePeriodsAtTarget';
export const DEFAULT_REQUIRED_PERIODS = 3;

/**
 * The second half of the aim rule: a shift on the improving side of a run
 * chart, computed by the analytics engine in the application layer (the
 * decider only checks it), with the chart, profile and every parameter used.
 */
export const RUN_CHART_SHIFT = 'RunChartShift';
export interface ShiftEvidence {
  rule: typeof RUN_CHART_SHIFT;
  chart: string;
  profile: string;
  parameters: Record<string, unknown>;
  /** Periods in a shift on the improving side; empty when there is none. */
  periods: string[];
}

export interface AimRuleEvidence {
  rule: typeof CONSECUTIVE_PERIODS_AT_TARGET;
  parameters: {
    requiredPeriods: number;
    targetPct: number;
    improvementDirection: ImprovementDirection;
    unitId: string;
    definitionVersion: number | null;
  };
  /** The run the decision rests on: the latest periods at or beyond target, oldest first. */
  periods: Array<Pick<SeriesPoint, 'period' | 'numerator' | 'denominator' | 'pct'>>;
  achieved: boolean;
}

/** Integer arithmetic where it can be, so 19/20 meets a 95% target exactly. */
export function isAtTarget(point: SeriesPoint, targetPct: number, direction: ImprovementDirection): boolean {
  const scaled = point.numerator * 100;
  const target = targetPct * point.denominator;
  return direction === 'increase' ? scaled >= target : scaled <= target;
}

/**
 * Achieved when the unit's latest `requiredPeriods` or more periods are
 * consecutive (no missing period), under one definition version, and each at
 * or beyond that version's target. The run must reach the latest period: an
 * aim met once and lost since is not achieved now.
 */
export function consecutivePeriodsAtTarget(
  series: MeasureSeries,
  unitId: string,
  requiredPeriods = DEFAULT_REQUIRED_PERIODS,
): AimRuleEvidence {
  const points = series.units[unitId] ?? [];
  const latest = points[points.length - 1];
  const phase = series.phases.find((p) => p.definitionVersion === latest?.definitionVersion);
  const targetPct = phase?.targetPct ?? series.phases[series.phases.length - 1]?.targetPct ?? 100;
  const run: SeriesPoint[] = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    const joinsRun =
      point.definitionVersion === latest.definitionVersion &&
      (run.length === 0 || nextPeriod(point.period) === run[0].period) &&
      isAtTarget(point, targetPct, series.improvementDirection);
    if (!joinsRun) break;
    run.unshift(point);
  }
  return {
    rule: CONSECUTIVE_PERIODS_AT_TARGET,
    parameters: {
      requiredPeriods,
      targetPct,
      improvementDirection: series.improvementDirection,
      unitId,
      definitionVersion: latest?.definitionVersion ?? null,
    },
    periods: run.map(({ period, numerator, denominator, pct }) => ({ period, numerator, denominator, pct })),
    achieved: run.length >= requiredPeriods,
  };
}
