import { DomainError, ensure, withChanges } from '../shared';
import { CorrectMeasurement, RecordMeasurement, RetractMeasurement } from './commands';
import { MeasurementCorrected, MeasurementRecorded, MeasurementRetracted } from './events';
import { ensureMeasureOpen, ensurePeriodOfMeasure } from './guards';
import { periodEndsBefore, periodIsInFuture, periodStart } from './periods';
import { CurrentValue, definitionVersionAt, MeasureState } from './state';
import { categoryKey, MeasuredValue, MeasureRole, RESPONSE_CATEGORIES } from './values';

/** The rules on the numbers themselves, whatever else is recorded. */
function ensureValidValue(state: MeasureState, value: MeasuredValue): void {
  const { numerator, denominator, categoryCounts } = value;
  ensure(
    denominator > 0,
    'denominator-not-positive',
    'denominator must be more than 0',
    'invalid',
    'denominator',
  );
  ensure(numerator >= 0, 'numerator-negative', 'numerator must not be negative', 'invalid', 'numerator');
  ensure(
    numerator <= denominator,
    'numerator-exceeds-denominator',
    `numerator ${numerator} is more than denominator ${denominator}`,
    'invalid',
    'numerator',
  );
  if (categoryCounts === null) return;
  ensure(
    state.responseScale === 'NeverSometimesUsuallyAlways',
    'category-counts-need-response-scale',
    'categoryCounts apply only to a measure on the NeverSometimesUsuallyAlways scale',
    'invalid',
    'categoryCounts',
  );
  const counts = Object.values(categoryCounts);
  const total = counts.reduce((sum, count) => sum + count, 0);
  ensure(
    counts.every((count) => count >= 0) && total === denominator,
    'category-counts-do-not-sum-to-denominator',
    `categoryCounts add up to ${total}, the denominator is ${denominator}`,
    'invalid',
    'categoryCounts',
  );
  const successes = (state.countsAsSuccess ?? []).reduce(
    (sum, category) => sum + categoryCounts[categoryKey(category)],
    0,
  );
  ensure(
    successes === numerator,
    'category-successes-differ-from-numerator',
    `The answers that count as success (${(state.countsAsSuccess ?? []).join(', ')}) add up to ${successes}, the numerator is ${numerator}`,
    'invalid',
    'numerator',
  );
}

function currentValue(state: MeasureState, unitId: string, period: string): CurrentValue {
  const value = state.values[unitId]?.[period];
  if (!value) {
    throw new DomainError(
      'measurement-not-found',
      `There is no current measurement for unit ${unitId} in ${period}`,
    );
  }
  return value;
}

const point = (state: MeasureState, unitId: string, period: string) => ({
  measureId: state.measureId as string,
  alwaysEventId: state.alwaysEventId as string,
  unitId,
  period,
  periodStart: periodStart(period),
  definitionVersion: definitionVersionAt(state.phases, period),
});

export function recordMeasurement(command: RecordMeasurement, state: MeasureState): MeasurementRecorded[] {
  ensureMeasureOpen(state);
  const { data, facts, context } = command;
  ensurePeriodOfMeasure(state, data.period, 'period');
  ensureValidValue(state, data);
  ensure(
    !periodIsInFuture(data.period, context.now),
    'period-in-future',
    `Period ${data.period} has not started yet`,
    'invalid',
    'period',
  );
  const alwaysEvent = facts.alwaysEvent;
  if (alwaysEvent === null) {
    throw new DomainError('always-event-not-found', `There is no Always Event ${state.alwaysEventId}`);
  }
  ensure(
    !periodEndsBefore(data.period, alwaysEvent.initiatedAt),
    'period-before-initiation',
    `Period ${data.period} ended before the Always Event was initiated (${alwaysEvent.initiatedAt.slice(0, 10)})`,
    'invalid',
    'period',
  );
  ensure(
    alwaysEvent.unitIds.includes(data.unitId),
    'unit-not-in-always-event',
    `Unit ${data.unitId} is neither the home unit nor a scale-up unit of the Always Event`,
    'invalid',
    'unitId',
  );
  ensure(
    !state.values[data.unitId]?.[data.period],
    'measurement-already-recorded',
    `Unit ${data.unitId} already has a measurement for ${data.period}; send CorrectMeasurement to change it`,
  );
  return [
    {
      type: 'MeasurementRecorded',
      data: withChanges(point(state, data.unitId, data.period), {
        role: state.role as MeasureRole,
        numerator: data.numerator,
        denominator: data.denominator,
        categoryCounts: data.categoryCounts,
      }),
    },
  ];
}

function sameValue(a: MeasuredValue, b: MeasuredValue): boolean {
  const counts = [a.categoryCounts, b.categoryCounts];
  const sameCounts =
    counts[0] === null || counts[1] === null
      ? counts[0] === counts[1]
      : RESPONSE_CATEGORIES.every(
          (category) => counts[0]?.[categoryKey(category)] === counts[1]?.[categoryKey(category)],
        );
  return a.numerator === b.numerator && a.denominator === b.denominator && sameCounts;
}

export function correctMeasurement(command: CorrectMeasurement, state: MeasureState): MeasurementCorrected[] {
  ensureMeasureOpen(state);
  const { data } = command;
  ensurePeriodOfMeasure(state, data.period, 'period');
  const previous = currentValue(state, data.unitId, data.period);
  ensureValidValue(state, data);
  ensure(
    !sameValue(previous, data),
    'correction-changes-nothing',
    'The corrected values are the current values',
    'invalid',
  );
  return [
    {
      type: 'MeasurementCorrected',
      data: withChanges(point(state, data.unitId, data.period), {
        numerator: data.numerator,
        denominator: data.denominator,
        categoryCounts: data.categoryCounts,
        previous: {
          numerator: previous.numerator,
          denominator: previous.denominator,
          categoryCounts: previous.categoryCounts,
        },
        reason: data.reason,
      }),
    },
  ];
}

export function retractMeasurement(command: RetractMeasurement, state: MeasureState): MeasurementRetracted[] {
  ensureMeasureOpen(state);
  const { data } = command;
  ensurePeriodOfMeasure(state, data.period, 'period');
  const retracted = currentValue(state, data.unitId, data.period);
  return [
    {
      type: 'MeasurementRetracted',
      data: withChanges(point(state, data.unitId, data.period), {
        retracted: {
          numerator: retracted.numerator,
          denominator: retracted.denominator,
          categoryCounts: retracted.categoryCounts,
        },
        reason: data.reason,
      }),
    },
  ];
}
