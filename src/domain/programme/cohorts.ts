import { ensure } from '../shared';
import { ensureNotBefore, ensureNotInFuture } from '../shared/fact-dates';
import { CloseCohort, LaunchCohort, ScheduleCohort } from './commands';
import { CohortClosed, CohortLaunched, CohortScheduled } from './events';
import { ensurePhaseDefined, ensureProgrammeActive, existingCohort } from './guards';
import { ProgrammeState } from './state';

export function scheduleCohort(command: ScheduleCohort, state: ProgrammeState): CohortScheduled[] {
  ensureProgrammeActive(state);
  const { cohortId, phaseId } = command.data;
  ensure(
    state.cohorts[cohortId] === undefined,
    'cohort-already-scheduled',
    `Cohort ${cohortId} is already scheduled`,
    'conflict',
    'cohortId',
  );
  ensurePhaseDefined(state, phaseId);
  return [
    {
      type: 'CohortScheduled',
      data: { ...command.data, location: command.data.location ?? null },
    },
  ];
}

export function launchCohort(command: LaunchCohort, state: ProgrammeState): CohortLaunched[] {
  ensureProgrammeActive(state);
  const cohort = existingCohort(state, command.data.cohortId);
  ensure(
    cohort.status === 'scheduled',
    'cohort-not-scheduled',
    `Cohort ${cohort.cohortId} can be launched only while scheduled; it is ${cohort.status}`,
  );
  ensureNotInFuture(command.data.launchedOn, command.context, 'launchedOn');
  return [{ type: 'CohortLaunched', data: { ...command.data, phaseId: cohort.phaseId } }];
}

export function closeCohort(command: CloseCohort, state: ProgrammeState): CohortClosed[] {
  ensureProgrammeActive(state);
  const cohort = existingCohort(state, command.data.cohortId);
  ensure(cohort.status !== 'closed', 'cohort-already-closed', `Cohort ${cohort.cohortId} is already closed`);
  ensureNotInFuture(command.data.closedOn, command.context, 'closedOn');
  if (cohort.launchedOn !== null) {
    ensureNotBefore(
      command.data.closedOn,
      cohort.launchedOn,
      'cohort-closes-before-launch',
      'closedOn',
      'its launch',
    );
  }
  return [
    {
      type: 'CohortClosed',
      data: { ...command.data, phaseId: cohort.phaseId, wasLaunched: cohort.status === 'launched' },
    },
  ];
}
