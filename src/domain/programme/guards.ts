import { ensure } from '../shared';
import { Cohort, ProgrammeState } from './state';

/** Everything but the launch needs a launched programme that has not closed. */
export function ensureProgrammeActive(state: ProgrammeState): void {
  ensure(state.status !== 'draft', 'programme-not-launched', 'The programme has not been launched');
  ensure(state.status !== 'closed', 'programme-closed', `The programme closed on ${state.closedOn}`);
}

export function ensurePhaseDefined(state: Pick<ProgrammeState, 'phases'>, phaseId: string): void {
  ensure(
    state.phases[phaseId] !== undefined,
    'phase-not-defined',
    `The programme has no phase ${phaseId}`,
    'invalid',
    'phaseId',
  );
}

export function existingCohort(state: Pick<ProgrammeState, 'cohorts'>, cohortId: string): Cohort {
  const cohort = state.cohorts[cohortId];
  ensure(
    cohort !== undefined,
    'cohort-not-found',
    `The programme has no cohort ${cohortId}`,
    'invalid',
    'cohortId',
  );
  return cohort;
}
