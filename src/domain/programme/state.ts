import { IsoDate } from '../shared';
import { EnrolmentTargetSet, ProgrammeEvent, ProgrammePhaseDefined } from './events';
import { CohortFormat, CohortStatus } from './programme-types';

/** A phase as its event defined it. */
export type ProgrammePhase = Omit<ProgrammePhaseDefined['data'], 'programmeSlug'>;
export type EnrolmentTarget = Omit<EnrolmentTargetSet['data'], 'programmeSlug'>;

export interface Cohort {
  cohortId: string;
  phaseId: string;
  name: string;
  plannedLaunchDate: IsoDate;
  location: string | null;
  status: CohortStatus;
  launchedOn: IsoDate | null;
  format: CohortFormat | null;
  closedOn: IsoDate | null;
}

/** `draft` is a programme not yet launched: its stream is empty. */
export interface ProgrammeState {
  status: 'draft' | 'active' | 'closed';
  programmeSlug: string | null;
  name: string | null;
  sponsors: string[];
  startDate: IsoDate | null;
  closedOn: IsoDate | null;
  phases: Record<string, ProgrammePhase>;
  targets: Record<string, EnrolmentTarget>;
  cohorts: Record<string, Cohort>;
  /** Phases closed, with the date. */
  closedPhases: Record<string, IsoDate>;
}

export const initialState = (): ProgrammeState => ({
  status: 'draft',
  programmeSlug: null,
  name: null,
  sponsors: [],
  startDate: null,
  closedOn: null,
  phases: {},
  targets: {},
  cohorts: {},
  closedPhases: {},
});

function withCohort(state: ProgrammeState, cohortId: string, change: Partial<Cohort>): ProgrammeState {
  return { ...state, cohorts: { ...state.cohorts, [cohortId]: { ...state.cohorts[cohortId], ...change } } };
}

export function evolve(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeLaunched':
      return { ...state, ...event.data, status: 'active' };
    case 'ProgrammePhaseDefined': {
      const { programmeSlug: _, ...phase } = event.data;
      return { ...state, phases: { ...state.phases, [phase.phaseId]: phase } };
    }
    case 'EnrolmentTargetSet': {
      const { programmeSlug: _, ...target } = event.data;
      return { ...state, targets: { ...state.targets, [target.targetId]: target } };
    }
    case 'CohortScheduled': {
      const { programmeSlug: _, ...cohort } = event.data;
      return withCohort(state, cohort.cohortId, {
        ...cohort,
        status: 'scheduled',
        launchedOn: null,
        format: null,
        closedOn: null,
      });
    }
    case 'CohortLaunched':
      return withCohort(state, event.data.cohortId, {
        status: 'launched',
        launchedOn: event.data.launchedOn,
        format: event.data.format,
      });
    case 'CohortClosed':
      return withCohort(state, event.data.cohortId, { status: 'closed', closedOn: event.data.closedOn });
    case 'ProgrammeClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    case 'ProgrammePhaseClosed':
      return { ...state, closedPhases: { ...state.closedPhases, [event.data.phaseId]: event.data.closedOn } };
    case 'ReportingWindowSet':
    case 'WorklistThresholdsSet':
      return state;
  }
}
