import { AssignToCohort, participationDecider } from '../../../src/domain/participation';
import { ProgrammeEvent } from '../../../src/domain/programme';
import { deciderSpec } from '../support/decider-spec';
import {
  COHORT,
  enrolled,
  enrolledHistory,
  interestExpressed,
  ODS,
  participationCommand,
  paused,
  programmeOf,
  SLUG,
  sponsorConfirmed,
  world,
} from './participation-fixtures';
import { cohortClosed } from '../programme/programme-fixtures';

const spec = deciderSpec(participationDecider);
const key = { programmeSlug: SLUG, odsCode: ODS };
const MARCH = 'march-2018';
const marchCohort: ProgrammeEvent = {
  type: 'CohortScheduled',
  data: {
    programmeSlug: SLUG,
    cohortId: MARCH,
    phaseId: 'spread',
    name: 'March 2018',
    plannedLaunchDate: '2018-03-20',
    location: null,
  },
};
const withMarch = { programme: programmeOf(marchCohort) };
const assign = (cohortId = COHORT, facts = { programme: world.programme }, assignedOn = '2018-01-05') =>
  participationCommand<AssignToCohort>('AssignToCohort', { cohortId, assignedOn }, facts);
const assignedTo = (cohortId: string, previousCohortId: string | null, assignedOn = '2018-01-05') => ({
  type: 'OrganisationAssignedToCohort' as const,
  data: { ...key, cohortId, phaseId: 'spread', previousCohortId, assignedOn },
});

describe('Participation decider: AssignToCohort', () => {
  it('assigns a participation with a confirmed sponsor to a launched cohort', () => {
    spec
      .given([interestExpressed, sponsorConfirmed()])
      .when(assign())
      .then([assignedTo(COHORT, null)]);
  });
  it('assigns an enrolled organisation to a scheduled cohort, naming the cohort it leaves', () => {
    const enrolledInCohort = { ...enrolled, data: { ...enrolled.data, cohortId: COHORT } };
    spec
      .given([...enrolledHistory.slice(0, -1), enrolledInCohort])
      .when(assign(MARCH, withMarch))
      .then([assignedTo(MARCH, COHORT)]);
  });
  it('refuses an interested organisation without a confirmed sponsor', () => {
    spec
      .given([interestExpressed])
      .when(assign())
      .thenThrows('assign-to-cohort-requires-sponsor-confirmed-or-enrolled', 'conflict');
  });
  it('refuses a paused participation', () => {
    spec
      .given([...enrolledHistory, paused])
      .when(assign())
      .thenThrows('assign-to-cohort-requires-sponsor-confirmed-or-enrolled', 'conflict');
  });
  it('refuses an unknown cohort', () => {
    spec.given(enrolledHistory).when(assign('leeds')).thenThrows('cohort-not-found', 'invalid', 'cohortId');
  });
  it('refuses a closed cohort', () => {
    spec
      .given(enrolledHistory)
      .when(assign(COHORT, { programme: programmeOf(cohortClosed) }))
      .thenThrows('cohort-closed', 'conflict', 'cohortId');
  });
  it('refuses the cohort the organisation is already in', () => {
    spec
      .given([...enrolledHistory, assignedTo(COHORT, null)])
      .when(assign())
      .thenThrows('already-in-cohort', 'conflict', 'cohortId');
  });
  it('refuses a date in the future', () => {
    spec
      .given(enrolledHistory)
      .when(assign(COHORT, { programme: world.programme }, '2018-04-02'))
      .thenThrows('date-in-future', 'invalid', 'assignedOn');
  });
});
