import { addDays, minDate, periodEnd, periodOf } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { Correction } from './aim-evidence';
import { corrected, CORRECTION_REASONS, drawSeries, MeasureIds, PlannedPoint, ramp } from './measures';
import { AlwaysEventSpec } from './spec';

/**
 * The home unit's outcome series: flat at baseline until the first change is
 * adopted, then rising to the final level (or not, for Always Events whose
 * changes do not work); for some, a dip below target a year or so later that
 * sustainment reviews will catch. Baseline periods are now and then corrected.
 */
export function drawOutcome(
  spec: AlwaysEventSpec,
  prng: Prng,
  args: { definedOn: string; testingOn: string; adoptedOn: string | null },
): { points: PlannedPoint[]; corrections: Correction[] } {
  const { baselinePct, finalPct, denominator } = spec.trajectory;
  const rise = ramp(baselinePct, finalPct, args.adoptedOn, prng.int(3, 8), spec.outcome.frequency);
  const dipFrom =
    args.adoptedOn && spec.trajectory.improves && spec.caseStudy === null && prng.chance(0.12)
      ? addDays(args.adoptedOn, prng.int(250, 450))
      : null;
  const dipTo = dipFrom ? addDays(dipFrom, prng.int(60, 150)) : null;
  const points = drawSeries(prng, {
    from: args.definedOn,
    to: spec.endOn,
    frequency: spec.outcome.frequency,
    level: (day) =>
      dipFrom && dipTo && day >= dipFrom && day <= dipTo ? spec.aim.targetPct / 100 - 0.15 : rise(day),
    denominator,
    survey: spec.outcome.survey,
    lateShare: 0.07,
  });
  const corrections = points
    .filter((point) => periodEnd(point.period) < args.testingOn && prng.chance(0.06))
    .map((point) => ({
      point: corrected(prng, point, spec.outcome.survey),
      on: addDays(point.submittedOn, prng.int(7, 40)),
    }))
    .filter((correction) => correction.on < spec.endOn);
  return { points, corrections };
}

const measurement = (measureId: string, unitId: string, point: PlannedPoint) => ({
  measureId,
  period: point.period,
  unitId,
  numerator: point.numerator,
  denominator: point.denominator,
  ...(point.categoryCounts ? { categoryCounts: point.categoryCounts } : {}),
});

/**
 * Sends every measurement as the team would report it, up to the horizon and
 * not during a pause: outcome (with corrections and a frozen baseline),
 * process (improving once implementation starts) and balancing (flat; retired
 * for some). Returns the outcome points actually reported.
 */
export function emitMeasurements(
  timeline: Timeline,
  measures: MeasureIds,
  spec: AlwaysEventSpec,
  prng: Prng,
  args: {
    outcome: readonly PlannedPoint[];
    corrections: readonly Correction[];
    definedOn: string;
    testingOn: string;
    implementedOn: string | null;
    horizon: string;
    skip: (day: string) => boolean;
    retireBalancingOn: string | null;
  },
): {
  reported: PlannedPoint[];
  baselinePeriods: string[];
  process: PlannedPoint[];
  processRevised: { on: string; period: string } | null;
} {
  const home = spec.homeUnit.unitId;
  const reported = (point: PlannedPoint) =>
    point.submittedOn <= args.horizon && !args.skip(point.submittedOn);
  const outcome = args.outcome.filter(reported);
  for (const point of outcome)
    timeline.add(point.submittedOn, 'RecordMeasurement', measurement(measures.outcome, home, point));
  for (const { point, on } of args.corrections) {
    if (on > args.horizon || args.skip(on) || !outcome.some((p) => p.period === point.period)) continue;
    timeline.add(on, 'CorrectMeasurement', {
      ...measurement(measures.outcome, home, point),
      reason: prng.pick(CORRECTION_REASONS),
    });
  }
  const baseline = outcome.filter(
    (p) => p.submittedOn < args.testingOn && periodEnd(p.period) < args.testingOn,
  );
  const baselinePeriods =
    baseline.length >= 3 && args.testingOn <= args.horizon && !args.skip(args.testingOn)
      ? baseline.slice(-104).map((p) => p.period)
      : [];
  if (baselinePeriods.length > 0) {
    timeline.add(args.testingOn, 'EstablishBaseline', {
      measureId: measures.outcome,
      unitId: home,
      periods: baselinePeriods,
    });
  }

  const processFrom = prng.int(30, 60) / 100;
  const processTo = args.implementedOn ? prng.int(90, 99) / 100 : processFrom + prng.int(0, 10) / 100;
  const weekly = spec.process.frequency === 'Weekly';
  const process = drawSeries(prng, {
    from: args.definedOn,
    to: args.horizon,
    frequency: spec.process.frequency,
    level: ramp(processFrom, processTo, args.implementedOn, prng.int(2, 4), spec.process.frequency),
    denominator: weekly ? prng.int(10, 30) : prng.int(20, 60),
    survey: false,
    lateShare: 0.05,
  }).filter(reported);
  for (const point of process)
    timeline.add(point.submittedOn, 'RecordMeasurement', measurement(measures.process, home, point));
  const reviseOn = addDays(args.testingOn, 50);
  let processRevised: { on: string; period: string } | null = null;
  if (prng.chance(0.05) && reviseOn < args.horizon && !args.skip(reviseOn)) {
    processRevised = { on: reviseOn, period: periodOf(addDays(reviseOn, 10), spec.process.frequency) };
    timeline.add(reviseOn, 'ReviseMeasureDefinition', {
      measureId: measures.process,
      effectiveFromPeriod: processRevised.period,
      operationalDefinition: `${spec.process.definition}, night shifts included`,
      reason: 'Audit widened to night shifts',
    });
  }

  if (measures.balancing) {
    const retireOn =
      args.retireBalancingOn && args.retireBalancingOn < args.horizon ? args.retireBalancingOn : null;
    const level = prng.int(3, 12) / 100;
    const balancing = drawSeries(prng, {
      from: args.definedOn,
      to: retireOn ?? args.horizon,
      frequency: 'Monthly',
      level: () => level,
      denominator: prng.int(20, 60),
      survey: false,
      lateShare: 0.05,
    }).filter(reported);
    for (const point of balancing)
      timeline.add(point.submittedOn, 'RecordMeasurement', measurement(measures.balancing, home, point));
    if (retireOn && !args.skip(retireOn)) {
      timeline.add(minDate(retireOn, args.horizon), 'RetireMeasure', {
        measureId: measures.balancing,
        reason: 'No unintended effects seen since the aim was achieved',
      });
    }
  }
  return { reported: outcome, baselinePeriods, process, processRevised };
}
