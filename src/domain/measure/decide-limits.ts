import { ensure } from '../shared';
import { RecalculateLimits, SetBaseline } from './commands';
import { BaselineSet, LimitsRecalculated } from './events';
import { ensureMeasureOpen, ensurePeriodOfMeasure } from './guards';
import { limitPhases, phaseIndexOf } from './limit-phases';
import { MeasureState } from './state';

/**
 * Recalculating limits and setting a baseline are decisions a team records
 * with a reason (Making Data Count): they are events of the measure, so every
 * chart, profile and time-travelled view reads the same phases.
 */

function ensureMeasured(state: MeasureState, unitId: string, period: string, field: string): string[] {
  const periods = Object.keys(state.values[unitId] ?? {}).sort();
  ensure(
    periods.includes(period),
    'period-not-measured',
    `Unit ${unitId} has no measurement for ${period}; a decision on the chart names a measured period`,
    'invalid',
    field,
  );
  return periods;
}

export function recalculateLimits(command: RecalculateLimits, state: MeasureState): LimitsRecalculated[] {
  const subject = ensureMeasureOpen(state);
  const { unitId, period, reason } = command.data;
  ensurePeriodOfMeasure(state, period, 'period');
  const periods = ensureMeasured(state, unitId, period, 'period');
  ensure(
    period !== periods[0],
    'recalculation-at-first-period',
    `${period} is the unit's first measured period: the first phase already starts there`,
    'invalid',
    'period',
  );
  const decisions = state.limitDecisions[unitId];
  ensure(
    !(decisions?.recalculations ?? []).some((r) => r.period === period),
    'limits-already-recalculated',
    `The limits of unit ${unitId} were already recalculated at ${period}`,
  );
  const phases = limitPhases(decisions);
  const starts = phases.flatMap((p) => (p.recalculation ? [p.recalculation] : []));
  const phase = phases[phaseIndexOf(starts, period)];
  const from = phase.recalculation?.period ?? periods[0];
  ensure(
    phase.baseline === null || period > phase.baseline.throughPeriod,
    'recalculation-not-after-baseline',
    `${period} falls within the baseline of its phase (${from} to ${phase.baseline?.throughPeriod}); recalculate after the baseline, or set a shorter baseline first`,
    'invalid',
    'period',
  );
  return [
    {
      type: 'LimitsRecalculated',
      data: {
        ...subject,
        unitId,
        period,
        reason,
        phase: phases.length + 1,
        recalculatedAt: command.context.occurredAt,
      },
    },
  ];
}

export function setBaseline(command: SetBaseline, state: MeasureState): BaselineSet[] {
  const subject = ensureMeasureOpen(state);
  const { unitId, throughPeriod, reason } = command.data;
  ensurePeriodOfMeasure(state, throughPeriod, 'throughPeriod');
  const periods = ensureMeasured(state, unitId, throughPeriod, 'throughPeriod');
  const phases = limitPhases(state.limitDecisions[unitId]);
  const starts = phases.flatMap((p) => (p.recalculation ? [p.recalculation] : []));
  const phase = phases[phaseIndexOf(starts, throughPeriod)];
  ensure(
    phase.baseline?.throughPeriod !== throughPeriod,
    'baseline-unchanged',
    `The baseline of this phase already runs to ${throughPeriod}`,
    'invalid',
    'throughPeriod',
  );
  const fromPeriod = phase.recalculation?.period ?? null;
  return [
    {
      type: 'BaselineSet',
      data: {
        ...subject,
        unitId,
        fromPeriod,
        throughPeriod,
        points: periods.filter((p) => (fromPeriod === null || p >= fromPeriod) && p <= throughPeriod).length,
        reason,
        setAt: command.context.occurredAt,
      },
    },
  ];
}
