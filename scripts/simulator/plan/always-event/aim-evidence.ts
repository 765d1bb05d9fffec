import { decideAimAchieved } from '../../../../src/analytics';
import {
  consecutivePeriodsAtTarget,
  isAtTarget,
  MeasureSeries,
  SeriesPoint,
} from '../../../../src/domain/measure';
import { periodEnd } from '../../dates';
import { PlannedPoint } from './measures';

export interface Correction {
  point: PlannedPoint;
  on: string;
}

/** The values of a unit's series as known on `day`: reported by then, corrections applied. */
function knownOn(
  points: readonly PlannedPoint[],
  corrections: readonly Correction[],
  day: string,
): SeriesPoint[] {
  const byPeriod = new Map<string, PlannedPoint>();
  for (const point of points) if (point.submittedOn <= day) byPeriod.set(point.period, point);
  for (const { point, on } of corrections)
    if (on <= day && byPeriod.has(point.period)) byPeriod.set(point.period, point);
  return [...byPeriod.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((p) => ({
      period: p.period,
      numerator: p.numerator,
      denominator: p.denominator,
      pct: (p.numerator / p.denominator) * 100,
      categoryCounts: p.categoryCounts,
      definitionVersion: 1,
      corrected: false,
    }));
}

/**
 * The first day on or after `from` when the server's own aim rule says the
 * aim is achieved, on the series as reported by that day: the consecutive
 * periods at target (consecutivePeriodsAtTarget) and an improving shift on
 * the IHI run chart (the analytics engine's decideAimAchieved), as the
 * service computes them. The day the team can declare it; null if never.
 */
export function firstDayAimAchieved(
  points: readonly PlannedPoint[],
  corrections: readonly Correction[],
  targetPct: number,
  from: string,
): string | null {
  const days = [...new Set([...points.map((p) => p.submittedOn), ...corrections.map((c) => c.on)])]
    .filter((day) => day >= from)
    .sort();
  for (const day of days) {
    const series: MeasureSeries = {
      measureId: 'planned',
      alwaysEventId: 'planned',
      role: 'Outcome',
      frequency: 'Weekly',
      improvementDirection: 'increase',
      phases: [{ definitionVersion: 1, effectiveFromPeriod: null, targetPct }],
      units: { home: knownOn(points, corrections, day) },
    };
    const known = series.units.home;
    const shift = decideAimAchieved({
      points: known.map((p) => ({ date: p.period, value: p.pct })),
      target: targetPct,
      direction: 'increase',
    }).evidence.shift;
    if (consecutivePeriodsAtTarget(series, 'home').achieved && shift.length > 0) return day;
  }
  return null;
}

/** Periods that ended in (after, upTo] and were reported by `upTo`, and how many met the target. */
export function reviewPeriods(
  points: readonly PlannedPoint[],
  after: string,
  upTo: string,
  targetPct: number,
): { reviewed: number; atTarget: number } {
  const inWindow = points.filter(
    (p) => periodEnd(p.period) > after && periodEnd(p.period) <= upTo && p.submittedOn <= upTo,
  );
  const atTarget = inWindow.filter((p) =>
    isAtTarget({ ...p, pct: 0, definitionVersion: 1, corrected: false }, targetPct, 'increase'),
  ).length;
  return { reviewed: inWindow.length, atTarget };
}
