import { consecutivePeriodsAtTarget } from '../measure';
import { DomainError, ensure } from '../shared';
import { ConfirmSustainment, DeclareAimAchieved, RecordSustainmentLoss } from './commands';
import { AimAchieved, SustainmentConfirmed, SustainmentLost } from './events';
import { ensureOpen, ensurePhase } from './guards';
import { AlwaysEventState, unitIdsOf } from './state';
import { CareUnit } from './values';

/**
 * The evidence is recomputed here from the measure's folded series: the
 * caller names the measure, never the periods or the verdict.
 */
export function declareAimAchieved(command: DeclareAimAchieved, state: AlwaysEventState): AimAchieved[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['Implementing'], 'implementation-not-started', 'DeclareAimAchieved');
  const { measureId } = command.data;
  ensure(
    state.measures[measureId] === 'Outcome',
    'measure-not-linked-as-outcome',
    `Measure ${measureId} is not linked to this Always Event as an Outcome measure`,
    'invalid',
    'measureId',
  );
  const series = command.facts.measure;
  if (series === null || series.alwaysEventId !== subject.alwaysEventId) {
    throw new DomainError(
      'measure-not-found',
      `There is no measure ${measureId} of this Always Event`,
      'invalid',
      'measureId',
    );
  }
  const homeUnit = state.homeUnit as CareUnit;
  const unitId = command.data.unitId ?? homeUnit.unitId;
  ensure(
    unitIdsOf(state).includes(unitId),
    'unit-not-found',
    `Unit ${unitId} is neither the home unit nor a scale-up unit`,
    'invalid',
    'unitId',
  );
  const evidence = consecutivePeriodsAtTarget(series, unitId);
  ensure(
    evidence.achieved,
    'aim-not-achieved',
    `${evidence.rule} needs the latest ${evidence.parameters.requiredPeriods} consecutive periods at or beyond ` +
      `${evidence.parameters.targetPct}% (${evidence.parameters.improvementDirection}); ` +
      `unit ${unitId} has ${evidence.periods.length}`,
  );
  const shift = command.facts.improvingShift[unitId];
  ensure(
    shift !== undefined && shift.periods.length > 0,
    'aim-not-achieved',
    `The periods are at target, but the ${shift?.profile ?? 'run'} chart of unit ${unitId} shows no shift on the improving side yet`,
  );
  return [
    {
      type: 'AimAchieved',
      data: {
        ...subject,
        setting: homeUnit.setting,
        measureId,
        unitId,
        evidence: { ...evidence, shift, measureRevision: command.facts.measureRevision },
        achievedAt: command.context.occurredAt,
      },
    },
  ];
}

export function confirmSustainment(
  command: ConfirmSustainment,
  state: AlwaysEventState,
): SustainmentConfirmed[] {
  const subject = ensureOpen(state);
  ensurePhase(
    state,
    ['AimAchieved', 'Sustaining', 'SustainmentLost'],
    'sustainment-needs-aim-achieved',
    'ConfirmSustainment',
  );
  const { reviewDate, periodsReviewed, periodsAtTarget } = command.data;
  ensure(
    periodsReviewed > 0,
    'no-periods-reviewed',
    'A sustainment review covers at least one period',
    'invalid',
    'periodsReviewed',
  );
  ensure(
    periodsAtTarget <= periodsReviewed,
    'periods-at-target-exceed-reviewed',
    `${periodsAtTarget} periods at target out of ${periodsReviewed} reviewed`,
    'invalid',
    'periodsAtTarget',
  );
  return [
    {
      type: 'SustainmentConfirmed',
      data: {
        ...subject,
        reviewDate,
        periodsReviewed,
        periodsAtTarget,
        pctPeriodsAtTarget: (periodsAtTarget / periodsReviewed) * 100,
      },
    },
  ];
}

export function recordSustainmentLoss(
  command: RecordSustainmentLoss,
  state: AlwaysEventState,
): SustainmentLost[] {
  const subject = ensureOpen(state);
  ensurePhase(
    state,
    ['AimAchieved', 'Sustaining'],
    'sustainment-loss-needs-aim-achieved',
    'RecordSustainmentLoss',
  );
  const { measureId, detectedOn, reason } = command.data;
  ensure(
    measureId in state.measures,
    'measure-not-linked',
    `Measure ${measureId} is not linked to this Always Event`,
    'invalid',
    'measureId',
  );
  return [{ type: 'SustainmentLost', data: { ...subject, measureId, detectedOn, reason } }];
}
