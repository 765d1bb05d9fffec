import { fold } from '../../../src/domain/decider';
import {
  CloseCohort,
  LaunchCohort,
  programmeDecider,
  ProgrammeEvent,
  ScheduleCohort,
} from '../../../src/domain/programme';
import { deciderSpec } from '../support/decider-spec';
import {
  COHORT,
  cohortClosed,
  cohortLaunched,
  cohortScheduled,
  launched,
  programmeCommand,
  spreadPhase,
} from './programme-fixtures';

const spec = deciderSpec(programmeDecider);

describe('Programme decider: cohorts', () => {
  describe('ScheduleCohort', () => {
    const schedule = (data: Partial<ScheduleCohort['data']> = {}) =>
      programmeCommand<ScheduleCohort>('ScheduleCohort', {
        cohortId: COHORT,
        phaseId: 'spread',
        name: 'Central London, January 2018',
        plannedLaunchDate: '2018-01-15',
        location: 'Central London',
        ...data,
      });
    it('schedules a cohort in a defined phase', () => {
      spec.given([launched, spreadPhase]).when(schedule()).then([cohortScheduled]);
    });
    it('records a cohort without a location as null', () => {
      spec
        .given([launched, spreadPhase])
        .when(schedule({ location: undefined }))
        .then([{ ...cohortScheduled, data: { ...cohortScheduled.data, location: null } }]);
    });
    it('refuses a phase the programme has not defined', () => {
      spec
        .given([launched, spreadPhase])
        .when(schedule({ phaseId: 'pilot' }))
        .thenThrows('phase-not-defined', 'invalid', 'phaseId');
    });
    it('refuses a cohort id scheduled before', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled])
        .when(schedule())
        .thenThrows('cohort-already-scheduled', 'conflict', 'cohortId');
    });
    it('refuses a programme not launched', () => {
      spec.given([]).when(schedule()).thenThrows('programme-not-launched');
    });
  });

  describe('LaunchCohort', () => {
    const launch = (launchedOn = '2018-01-16') =>
      programmeCommand<LaunchCohort>('LaunchCohort', { cohortId: COHORT, launchedOn, format: 'FaceToFace' });
    it('launches a scheduled cohort, naming its phase', () => {
      spec.given([launched, spreadPhase, cohortScheduled]).when(launch()).then([cohortLaunched]);
    });
    it('refuses a cohort already launched: only a scheduled cohort launches', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled, cohortLaunched])
        .when(launch())
        .thenThrows('cohort-not-scheduled', 'conflict');
    });
    it('refuses a closed cohort', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled, cohortLaunched, cohortClosed])
        .when(launch())
        .thenThrows('cohort-not-scheduled', 'conflict');
    });
    it('refuses an unknown cohort', () => {
      spec
        .given([launched, spreadPhase])
        .when(launch())
        .thenThrows('cohort-not-found', 'invalid', 'cohortId');
    });
    it('refuses a launch date in the future', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled])
        .when(launch('2018-05-01'))
        .thenThrows('date-in-future', 'invalid', 'launchedOn');
    });
  });

  describe('CloseCohort', () => {
    const close = (closedOn = '2018-03-31') =>
      programmeCommand<CloseCohort>('CloseCohort', { cohortId: COHORT, closedOn });
    it('closes a launched cohort', () => {
      spec.given([launched, spreadPhase, cohortScheduled, cohortLaunched]).when(close()).then([cohortClosed]);
    });
    it('calls off a scheduled cohort that never launched', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled])
        .when(close('2018-01-10'))
        .then([
          {
            type: 'CohortClosed',
            data: { ...cohortClosed.data, closedOn: '2018-01-10', wasLaunched: false },
          },
        ]);
    });
    it('refuses to close twice', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled, cohortLaunched, cohortClosed])
        .when(close())
        .thenThrows('cohort-already-closed', 'conflict');
    });
    it('refuses a close before the launch', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled, cohortLaunched])
        .when(close('2018-01-15'))
        .thenThrows('cohort-closes-before-launch', 'invalid', 'closedOn');
    });
    it('refuses an unknown cohort', () => {
      spec.given([launched, spreadPhase]).when(close()).thenThrows('cohort-not-found', 'invalid', 'cohortId');
    });
    it('refuses a close date in the future', () => {
      spec
        .given([launched, spreadPhase, cohortScheduled, cohortLaunched])
        .when(close('2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'closedOn');
    });
  });

  it('folds each cohort through Scheduled, Launched and Closed', () => {
    const at = (events: ProgrammeEvent[]) => fold(programmeDecider, events).cohorts[COHORT];
    expect(at([launched, spreadPhase, cohortScheduled])).toMatchObject({
      status: 'scheduled',
      launchedOn: null,
    });
    expect(at([launched, spreadPhase, cohortScheduled, cohortLaunched])).toMatchObject({
      status: 'launched',
      launchedOn: '2018-01-16',
      format: 'FaceToFace',
    });
    expect(at([launched, spreadPhase, cohortScheduled, cohortLaunched, cohortClosed])).toMatchObject({
      status: 'closed',
      closedOn: '2018-03-31',
    });
  });
});
