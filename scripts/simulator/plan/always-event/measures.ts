import type { CategoryCounts, MeasureFrequency } from '../../../../src/domain/measure';
import { addDays, periodEnd, periodsBetween, periodStart } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { AlwaysEventSpec } from './spec';

export interface MeasureIds {
  outcome: string;
  process: string;
  balancing: string | null;
}

/** One period's value as the team will report it. */
export interface PlannedPoint {
  period: string;
  numerator: number;
  denominator: number;
  categoryCounts: CategoryCounts | null;
  submittedOn: string;
}

/** Defines and links the family of measures: outcome, process and, for some, balancing. */
export function defineMeasures(
  spec: AlwaysEventSpec,
  timeline: Timeline,
  id: (label: string) => string,
  on: string,
): MeasureIds {
  const ae = { alwaysEventId: spec.alwaysEventId };
  const ids: MeasureIds = {
    outcome: id(`${spec.label}/measure/outcome`),
    process: id(`${spec.label}/measure/process`),
    balancing: spec.balancing ? id(`${spec.label}/measure/balancing`) : null,
  };
  const { outcome, process, balancing } = spec;
  timeline.add(on, 'DefineMeasure', {
    ...ae,
    measureId: ids.outcome,
    role: 'Outcome',
    name: outcome.name,
    operationalDefinition: outcome.definition,
    numeratorDefinition: outcome.numerator,
    denominatorDefinition: outcome.denominator,
    dataSource: outcome.survey ? 'PatientSurvey' : 'Log',
    ...(outcome.survey ? { responseScale: 'NeverSometimesUsuallyAlways', countsAsSuccess: ['Always'] } : {}),
    frequency: outcome.frequency,
    targetPct: spec.aim.targetPct,
    improvementDirection: 'increase',
  });
  timeline.add(on, 'DefineMeasure', {
    ...ae,
    measureId: ids.process,
    role: 'Process',
    name: process.name,
    operationalDefinition: process.definition,
    numeratorDefinition: process.numerator,
    denominatorDefinition: process.denominator,
    dataSource: 'Audit',
    frequency: process.frequency,
    targetPct: 95,
    improvementDirection: 'increase',
  });
  if (balancing && ids.balancing) {
    timeline.add(on, 'DefineMeasure', {
      ...ae,
      measureId: ids.balancing,
      role: 'Balancing',
      name: balancing.name,
      operationalDefinition: balancing.definition,
      numeratorDefinition: balancing.numerator,
      denominatorDefinition: balancing.denominator,
      dataSource: 'Observation',
      frequency: 'Monthly',
      targetPct: 10,
      improvementDirection: 'decrease',
    });
  }
  timeline.add(on, 'LinkMeasure', { ...ae, measureId: ids.outcome, role: 'Outcome' });
  timeline.add(on, 'LinkMeasure', { ...ae, measureId: ids.process, role: 'Process' });
  if (ids.balancing) timeline.add(on, 'LinkMeasure', { ...ae, measureId: ids.balancing, role: 'Balancing' });
  return ids;
}

/** Answers on the Never/Sometimes/Usually/Always scale whose Always count is the numerator. */
function categoryCounts(prng: Prng, numerator: number, denominator: number): CategoryCounts {
  const rest = denominator - numerator;
  const usually = prng.binomial(rest, 0.55);
  const sometimes = prng.binomial(rest - usually, 0.6);
  return { always: numerator, usually, sometimes, never: rest - usually - sometimes };
}

export interface SeriesOptions {
  from: string;
  to: string;
  frequency: MeasureFrequency;
  /** Expected proportion (0..1) in a period, by the period's first day. */
  level: (periodStartOn: string) => number;
  denominator: number;
  survey: boolean;
  /** Share of periods reported weeks after they end (late returns). */
  lateShare: number;
}

/** A period-by-period series drawn around `level`, each reported a few days after it ends (some late). */
export function drawSeries(prng: Prng, options: SeriesOptions): PlannedPoint[] {
  return periodsBetween(options.from, options.to, options.frequency).flatMap((period) => {
    const denominator = Math.max(1, Math.round(options.denominator * (0.75 + prng.next() * 0.5)));
    const p = Math.min(1, Math.max(0, options.level(periodStart(period))));
    const numerator = p >= 1 ? denominator : prng.binomial(denominator, p);
    const late = prng.chance(options.lateShare);
    const submittedOn = addDays(periodEnd(period), late ? prng.int(30, 75) : prng.int(2, 12));
    if (submittedOn > options.to) return [];
    return [
      {
        period,
        numerator,
        denominator,
        categoryCounts: options.survey ? categoryCounts(prng, numerator, denominator) : null,
        submittedOn,
      },
    ];
  });
}

/** A correction of a reported period: a few answers added or removed after the fact. */
export function corrected(prng: Prng, point: PlannedPoint, survey: boolean): PlannedPoint {
  const denominator = point.denominator + prng.int(1, 3);
  const numerator = Math.min(denominator, point.numerator + prng.int(0, 2));
  return {
    ...point,
    numerator,
    denominator,
    categoryCounts: survey ? categoryCounts(prng, numerator, denominator) : null,
  };
}

export const CORRECTION_REASONS = [
  'Late survey returns added',
  'Returns from the weekend shift added',
  'Transcription error corrected',
] as const;

/** A smooth step from `from` to `to`, starting `start` and taking `periods` periods of `frequency`. */
export function ramp(
  from: number,
  to: number,
  start: string | null,
  periods: number,
  frequency: MeasureFrequency,
): (periodStartOn: string) => number {
  const stepDays = frequency === 'Weekly' ? 7 : 30;
  return (day) => {
    if (start === null || day < start) return from;
    const progressed = Math.min(1, (Date.parse(day) - Date.parse(start)) / (periods * stepDays * 86_400_000));
    return from + (to - from) * progressed;
  };
}
