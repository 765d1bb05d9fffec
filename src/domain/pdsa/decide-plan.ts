import { DomainError, ensure } from '../shared';
import { PlanPdsaCycle } from './commands';
import { PdsaCyclePlanned } from './events';
import { PdsaState } from './state';
import { PdsaScale, PreviousPdsaCycle } from './values';

/** The Always Event phases in which changes are tested (docs/architecture/domain-model.md, "PDSA cycle"). */
export const PHASES_THAT_TEST_CHANGES = [
  'CoDesign',
  'StatementAgreed',
  'Testing',
  'Implementing',
  'Sustaining',
];

/** Small tests first: a jump of more than ten times the previous scale is flagged, not refused. */
const SCALE_JUMP_WARNING = 10;

const ratio = (next: number | null, previous: number | null): number =>
  next !== null && previous !== null && previous > 0 ? next / previous : 1;

function growth(next: PdsaScale, previous: PdsaScale): number {
  return Math.max(ratio(next.nPatients, previous.nPatients), ratio(next.durationDays, previous.durationDays));
}

function ensureFollows(command: PlanPdsaCycle, previous: PreviousPdsaCycle | null): string[] {
  const { previousCycleId, changeIdeaId, alwaysEventId, cycleNumber, scale } = command.data;
  if (previousCycleId === null) {
    ensure(
      cycleNumber === 1,
      'cycle-number-out-of-sequence',
      'A cycle without a previous cycle is cycle 1; name the previous cycle to continue a chain',
      'invalid',
      'cycleNumber',
    );
    return [];
  }
  if (previous === null) {
    throw new DomainError(
      'previous-cycle-not-found',
      `There is no PDSA cycle ${previousCycleId}`,
      'invalid',
      'previousCycleId',
    );
  }
  ensure(
    previous.changeIdeaId === changeIdeaId && previous.alwaysEventId === alwaysEventId,
    'previous-cycle-of-another-change-idea',
    `Cycle ${previousCycleId} tests change idea ${previous.changeIdeaId}, not ${changeIdeaId}`,
    'invalid',
    'previousCycleId',
  );
  ensure(
    previous.status === 'Completed',
    'previous-cycle-not-completed',
    `Cycle ${previousCycleId} is ${previous.status}; the next cycle follows its decision`,
  );
  ensure(
    previous.decision !== 'Abandon',
    'previous-cycle-abandoned',
    `Cycle ${previousCycleId} abandoned the change; test a new change idea instead`,
  );
  ensure(
    previous.decision === 'Adapt' || growth(scale, previous.scale) > 1,
    'previous-cycle-adopted-without-scale-up',
    `Cycle ${previousCycleId} adopted the change; a further cycle tests it at a larger scale`,
    'invalid',
    'scale',
  );
  ensure(
    cycleNumber === previous.cycleNumber + 1,
    'cycle-number-out-of-sequence',
    `The cycle after cycle ${previous.cycleNumber} is cycle ${previous.cycleNumber + 1}`,
    'invalid',
    'cycleNumber',
  );
  return growth(scale, previous.scale) > SCALE_JUMP_WARNING ? ['scale-jump-over-tenfold'] : [];
}

export function planPdsaCycle(command: PlanPdsaCycle, state: PdsaState): PdsaCyclePlanned[] {
  const { data, facts, context } = command;
  ensure(
    state.status === 'Unplanned',
    'pdsa-cycle-already-planned',
    `PDSA cycle ${data.pdsaCycleId} is already planned`,
  );
  ensure(
    data.predictions.length > 0,
    'plan-needs-prediction',
    'A PDSA plan states at least one prediction to compare the results with',
    'invalid',
    'predictions',
  );
  ensure(
    data.previousCycleId !== data.pdsaCycleId,
    'previous-cycle-is-itself',
    'A cycle cannot follow itself',
    'invalid',
    'previousCycleId',
  );
  const alwaysEvent = facts.alwaysEvent;
  if (alwaysEvent === null) {
    throw new DomainError(
      'always-event-not-found',
      `There is no Always Event ${data.alwaysEventId}`,
      'invalid',
      'alwaysEventId',
    );
  }
  ensure(
    PHASES_THAT_TEST_CHANGES.includes(alwaysEvent.phase),
    'always-event-not-testing-changes',
    `Changes are tested in ${PHASES_THAT_TEST_CHANGES.join(', ')}; the Always Event is in ${alwaysEvent.phase}`,
  );
  ensure(
    alwaysEvent.changeIdeaIds.includes(data.changeIdeaId),
    'change-idea-not-found',
    `No change idea ${data.changeIdeaId} on Always Event ${data.alwaysEventId}`,
    'invalid',
    'changeIdeaId',
  );
  const warnings = ensureFollows(command, facts.previousCycle);
  return [
    {
      type: 'PdsaCyclePlanned',
      data: {
        ...data,
        programmeSlug: alwaysEvent.programmeSlug,
        odsCode: alwaysEvent.odsCode,
        warnings,
        plannedAt: context.occurredAt,
      },
    },
  ];
}
