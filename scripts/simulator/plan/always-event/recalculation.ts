import {
  measureChartInput,
  proposeRecalculations,
  recalculationRule,
  SpcRequest,
} from '../../../../src/analytics';
import { addDays, periodOf } from '../../dates';
import { Timeline } from '../timeline';
import { Correction } from './aim-evidence';
import { PlannedPoint } from './measures';
import { AlwaysEventSpec } from './spec';

/** A team reviews its chart at its next weekly meeting after the rules say the shift is sustained. */
const MEETING_DAYS = 7;

/**
 * The recalculation a real team records on a chart: once Making Data
 * Count's rule (GET .../recalculation-proposals, the same engine) proposes
 * one for a shift upwards that began after a known change (the first adopted
 * change idea for the outcome, implementation for the process measure), the
 * team records it at its next meeting, naming that change as the cause. The proposal is read off the chart as the service will
 * hold it just before the decision: the points reported by then, corrections
 * applied, the established baseline.
 */
export function planRecalculation(
  spec: AlwaysEventSpec,
  timeline: Timeline,
  args: {
    measureId: string;
    points: readonly PlannedPoint[];
    corrections: readonly Correction[];
    baselinePeriods: readonly string[];
    baselineOn: string;
    /** A definition revision: the service starts a new phase where it takes effect. */
    revised?: { on: string; period: string } | null;
    targetPct: number;
    /** The known change (an adopted idea, implementation) and the day it came; null: none, so no recalculation. */
    cause: { since: string; reason: string } | null;
    horizon: string;
    blocked: (day: string) => boolean;
  },
): void {
  const cause = args.cause;
  if (cause === null) return;
  const changedFrom = periodOf(cause.since, spec.outcome.frequency);
  // A proposal the team acts on is a run from the change on, sustained for the rule's points: before
  // that many points since the change are in, the chart cannot show one, so those days go unchecked.
  const firstIn = new Map<string, string>();
  for (const p of args.points) {
    const known = firstIn.get(p.period);
    if (p.period >= changedFrom && (known === undefined || p.submittedOn < known))
      firstIn.set(p.period, p.submittedOn);
  }
  const arrivals = [...firstIn.values()].sort();
  const sustained = recalculationRule(chartRequest(args, [], cause.since)).sustainedPoints;
  if (arrivals.length < sustained) return;
  const possibleFrom = arrivals[sustained - 1];
  const days = [...new Set(args.points.map((p) => p.submittedOn))]
    .filter((d) => d > cause.since && d >= possibleFrom)
    .sort();
  for (const day of days) {
    const proposal = proposalOn(spec, args, day);
    if (proposal === null || proposal.period < changedFrom) continue;
    const on = addDays(day, MEETING_DAYS);
    if (on >= args.horizon || args.blocked(on)) return;
    const decided = proposalOn(spec, args, on);
    if (decided === null) return;
    timeline.add(on, 'RecalculateLimits', {
      measureId: args.measureId,
      unitId: spec.homeUnit.unitId,
      period: decided.period,
      reason: cause.reason.slice(0, 500),
    });
    return;
  }
}

/** The first upward proposal on the chart as known at the end of `day`, or null. */
function proposalOn(
  spec: AlwaysEventSpec,
  args: Parameters<typeof planRecalculation>[2],
  day: string,
): { period: string } | null {
  const byPeriod = new Map<string, PlannedPoint>();
  for (const point of args.points) if (point.submittedOn <= day) byPeriod.set(point.period, point);
  for (const { point, on } of args.corrections)
    if (on <= day && byPeriod.has(point.period)) byPeriod.set(point.period, point);
  const periods = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  const request = chartRequest(args, periods, day);
  const [first] = proposeRecalculations(request, { limit: 1 }).proposals;
  return first?.side === 'above' ? { period: periods[first.n - 1].period } : null;
}

/** The chart as the service will hold it at the end of `day`, with these points. */
function chartRequest(
  args: Parameters<typeof planRecalculation>[2],
  periods: readonly PlannedPoint[],
  day: string,
): SpcRequest {
  const baselineThrough = args.baselineOn <= day ? (args.baselinePeriods.at(-1) ?? null) : null;
  return measureChartInput(
    {
      periods: periods.map((p) => ({ period: p.period, value: (p.numerator / p.denominator) * 100 })),
      phaseStarts: args.revised && args.revised.on <= day ? [args.revised.period] : [],
      decidedPhases: [{ from: null, baselineThrough }],
    },
    {
      chart: 'xmr',
      profile: 'mdc',
      improvementDirection: 'increase',
      target: args.targetPct,
      valueRange: { lower: 0, upper: 100 },
    },
  );
}
