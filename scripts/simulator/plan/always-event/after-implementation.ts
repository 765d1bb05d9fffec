import { addDays } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { reviewPeriods } from './aim-evidence';
import { drawSeries, PlannedPoint } from './measures';
import { ScoreStep } from './progress-scores';
import { AlwaysEventSpec } from './spec';

const CADENCE_MONTHS = { Monthly: 1, Quarterly: 3, SixMonthly: 6, Annually: 12 } as const;
/** A unit that goes live starts a little above the home unit's baseline and catches up over about 20 weeks. */
const UNIT_CATCH_UP_MS = 140 * 86_400_000;

/**
 * Sustainment reviews after the aim is achieved, at the aim's review cadence
 * (six-monthly by default): confirmed when at least half the periods since
 * the last review met the target, a loss recorded otherwise.
 */
export function planSustainment(
  spec: AlwaysEventSpec,
  timeline: Timeline,
  args: {
    declaredOn: string;
    horizon: string;
    points: readonly PlannedPoint[];
    measureId: string;
    blocked: (day: string) => boolean;
  },
): ScoreStep[] {
  const steps: ScoreStep[] = [];
  const everyDays = 30 * CADENCE_MONTHS[spec.aim.reviewCadence ?? 'SixMonthly'];
  let lost = false;
  let previous = args.declaredOn;
  for (
    let review = addDays(previous, everyDays);
    review < args.horizon;
    review = addDays(review, everyDays)
  ) {
    if (args.blocked(review)) continue;
    const { reviewed, atTarget } = reviewPeriods(args.points, previous, review, spec.aim.targetPct);
    if (reviewed === 0) continue;
    previous = review;
    const alwaysEventId = spec.alwaysEventId;
    if (atTarget * 2 >= reviewed) {
      timeline.add(review, 'ConfirmSustainment', {
        alwaysEventId,
        reviewDate: review,
        periodsReviewed: reviewed,
        periodsAtTarget: atTarget,
      });
      steps.push([review, 5]);
      lost = false;
    } else if (!lost) {
      timeline.add(review, 'RecordSustainmentLoss', {
        alwaysEventId,
        measureId: args.measureId,
        detectedOn: review,
        reason: `${atTarget} of ${reviewed} periods since the last review met the target`,
      });
      steps.push([review, 3.5]);
      lost = true;
    }
  }
  return steps;
}

/**
 * Scale-up within the organisation: more units adopt the Always Event
 * once it is being implemented at home; each reports the outcome measure from
 * the day it goes live, and now and then one stops.
 */
export function planScaleUp(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  args: {
    implementedOn: string;
    horizon: string;
    outcomeMeasureId: string;
    finalPct: number;
    blocked: (day: string) => boolean;
  },
): number {
  const alwaysEventId = spec.alwaysEventId;
  let addOn = addDays(args.implementedOn, prng.int(30, 150));
  let live = 0;
  for (const unit of spec.scaleUpUnits) {
    const plannedGoLive = addDays(addOn, prng.int(14, 45));
    const goLiveOn = addDays(plannedGoLive, prng.int(-3, 10));
    if (goLiveOn >= args.horizon || args.blocked(addOn) || args.blocked(goLiveOn)) break;
    timeline.add(addOn, 'AddScaleUpUnit', { alwaysEventId, unit, plannedGoLive });
    timeline.add(goLiveOn, 'RecordUnitGoLive', { alwaysEventId, unitId: unit.unitId, goLiveDate: goLiveOn });
    live++;
    const stopOn = prng.chance(0.1) ? addDays(goLiveOn, prng.int(120, 300)) : null;
    const stops = stopOn !== null && stopOn < args.horizon && !args.blocked(stopOn);
    const lastDay = stops ? stopOn : args.horizon;
    const start = spec.trajectory.baselinePct + 0.1;
    const points = drawSeries(prng, {
      from: goLiveOn,
      to: lastDay,
      frequency: spec.outcome.frequency,
      level: (day) =>
        start +
        (args.finalPct - start) * Math.min(1, (Date.parse(day) - Date.parse(goLiveOn)) / UNIT_CATCH_UP_MS),
      denominator: spec.trajectory.denominator,
      survey: spec.outcome.survey,
      lateShare: 0.05,
    });
    for (const point of points) {
      timeline.add(point.submittedOn, 'RecordMeasurement', {
        measureId: args.outcomeMeasureId,
        period: point.period,
        unitId: unit.unitId,
        numerator: point.numerator,
        denominator: point.denominator,
        ...(point.categoryCounts ? { categoryCounts: point.categoryCounts } : {}),
      });
    }
    if (stops) {
      timeline.add(stopOn, 'StopUnit', {
        alwaysEventId,
        unitId: unit.unitId,
        stoppedOn: stopOn,
        reason: prng.pick([
          'Ward closed for refurbishment',
          'Service reconfigured',
          'Team merged with another',
        ]),
      });
    }
    addOn = addDays(goLiveOn, prng.int(20, 60));
  }
  return live;
}
