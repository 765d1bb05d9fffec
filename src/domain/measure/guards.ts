import { ensure } from '../shared';
import { periodMatchesFrequency } from './periods';
import { MeasureState } from './state';

/** The measure exists and still takes data; returns its ids for the events. */
export function ensureMeasureOpen(state: MeasureState): { measureId: string; alwaysEventId: string } {
  ensure(state.status !== 'Undefined', 'measure-not-defined', 'The measure has not been defined');
  ensure(state.status !== 'Retired', 'measure-retired', 'The measure is retired and takes no more changes');
  return { measureId: state.measureId as string, alwaysEventId: state.alwaysEventId as string };
}

export function ensurePeriodOfMeasure(state: MeasureState, period: string, field: string): void {
  ensure(
    periodMatchesFrequency(period, state.frequency ?? 'Monthly'),
    'period-does-not-match-frequency',
    state.frequency === 'Weekly'
      ? `${field} ${period} is not an ISO week (YYYY-Www) of this weekly measure`
      : `${field} ${period} is not a month (YYYY-MM) of this monthly measure`,
    'invalid',
    field,
  );
}

export function ensureTargetInRange(targetPct: number, field: string): void {
  ensure(
    targetPct > 0 && targetPct <= 100,
    'target-out-of-range',
    `${field} must be more than 0 and at most 100`,
    'invalid',
    field,
  );
}
