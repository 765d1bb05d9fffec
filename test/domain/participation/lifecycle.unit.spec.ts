import { fold } from '../../../src/domain/decider';
import {
  CompleteParticipation,
  participationDecider,
  ParticipationEvent,
  PauseParticipation,
  ResumeParticipation,
  WithdrawOrganisation,
} from '../../../src/domain/participation';
import { deciderSpec } from '../support/decider-spec';
import {
  enrolledHistory,
  interestExpressed,
  ODS,
  participationCommand,
  paused,
  readyToEnrol,
  SLUG,
  sponsorConfirmed,
  withdrew,
} from './participation-fixtures';

const spec = deciderSpec(participationDecider);
const key = { programmeSlug: SLUG, odsCode: ODS };
const completed: ParticipationEvent = {
  type: 'ParticipationCompleted',
  data: { ...key, completedOn: '2018-03-31', reason: 'ProgrammeClosed' },
};

describe('Participation decider: pause, resume, withdraw, complete', () => {
  describe('PauseParticipation', () => {
    const pause = (data: Partial<PauseParticipation['data']> = {}) =>
      participationCommand<PauseParticipation>('PauseParticipation', {
        pausedOn: '2018-01-10',
        reason: 'Capacity',
        ...data,
      });
    it('pauses an enrolled participation', () => {
      spec.given(enrolledHistory).when(pause()).then([paused]);
    });
    it('records when the organisation expects to resume', () => {
      spec
        .given(enrolledHistory)
        .when(pause({ expectedResumeOn: '2018-06-01' }))
        .then([{ ...paused, data: { ...paused.data, expectedResumeOn: '2018-06-01' } }]);
    });
    it('refuses an expected resumption not after the pause', () => {
      spec
        .given(enrolledHistory)
        .when(pause({ expectedResumeOn: '2018-01-10' }))
        .thenThrows('expected-resume-not-after-pause', 'invalid', 'expectedResumeOn');
    });
    it('refuses a participation not enrolled', () => {
      spec
        .given([interestExpressed, sponsorConfirmed()])
        .when(pause())
        .thenThrows('pause-requires-enrolled', 'conflict');
    });
    it('refuses a participation already paused', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(pause())
        .thenThrows('pause-requires-enrolled', 'conflict');
    });
    it('refuses a pause before the enrolment', () => {
      spec
        .given(enrolledHistory)
        .when(pause({ pausedOn: '2017-09-30' }))
        .thenThrows('date-before-enrolment', 'invalid', 'pausedOn');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(pause({ pausedOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'pausedOn');
    });
  });

  describe('ResumeParticipation', () => {
    const resume = (resumedOn = '2018-02-01') =>
      participationCommand<ResumeParticipation>('ResumeParticipation', { resumedOn });
    it('resumes a paused participation: enrolled again', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(resume())
        .then([
          { type: 'ParticipationResumed', data: { ...key, resumedOn: '2018-02-01', pausedOn: '2018-01-10' } },
        ]);
      const after = fold(participationDecider, [
        ...enrolledHistory,
        paused,
        { type: 'ParticipationResumed', data: { ...key, resumedOn: '2018-02-01', pausedOn: '2018-01-10' } },
      ]);
      expect(after).toMatchObject({ status: 'enrolled', pausedOn: null, seniorSupport: true });
    });
    it('refuses a participation not paused', () => {
      spec.given(enrolledHistory).when(resume()).thenThrows('resume-requires-paused', 'conflict');
    });
    it('refuses a resumption before the pause', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(resume('2018-01-09'))
        .thenThrows('resumed-before-paused', 'invalid', 'resumedOn');
    });
    it('refuses a date in the future', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(resume('2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'resumedOn');
    });
  });

  describe('WithdrawOrganisation', () => {
    const withdraw = (withdrawnOn = '2018-02-01') =>
      participationCommand<WithdrawOrganisation>('WithdrawOrganisation', { withdrawnOn, reason: 'Merger' });
    it('withdraws an enrolled organisation', () => {
      spec.given(enrolledHistory).when(withdraw()).then([withdrew]);
    });
    it('withdraws a paused organisation', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(withdraw())
        .then([withdrew]);
    });
    it('refuses an organisation that never enrolled', () => {
      spec
        .given(readyToEnrol)
        .when(withdraw())
        .thenThrows('withdraw-requires-enrolled-or-paused', 'conflict');
    });
    it('refuses an organisation that already withdrew', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(withdraw())
        .thenThrows('withdraw-requires-enrolled-or-paused', 'conflict');
    });
    it('refuses a withdrawal before the enrolment', () => {
      spec
        .given(enrolledHistory)
        .when(withdraw('2017-09-01'))
        .thenThrows('date-before-enrolment', 'invalid', 'withdrawnOn');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(withdraw('2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'withdrawnOn');
    });
  });

  describe('CompleteParticipation', () => {
    const complete = (completedOn = '2018-03-31') =>
      participationCommand<CompleteParticipation>('CompleteParticipation', {
        completedOn,
        reason: 'ProgrammeClosed',
      });
    it('completes an enrolled participation', () => {
      spec.given(enrolledHistory).when(complete()).then([completed]);
    });
    it('completes a paused participation', () => {
      spec
        .given([...enrolledHistory, paused])
        .when(complete())
        .then([completed]);
    });
    it('refuses an organisation that never enrolled', () => {
      spec
        .given(readyToEnrol)
        .when(complete())
        .thenThrows('complete-requires-enrolled-or-paused', 'conflict');
    });
    it('refuses completing twice', () => {
      spec
        .given([...enrolledHistory, completed])
        .when(complete())
        .thenThrows('complete-requires-enrolled-or-paused', 'conflict');
    });
    it('refuses a completion before the enrolment', () => {
      spec
        .given(enrolledHistory)
        .when(complete('2017-09-01'))
        .thenThrows('date-before-enrolment', 'invalid', 'completedOn');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(complete('2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'completedOn');
    });
  });

  it('folds the lifecycle Interested → SponsorConfirmed → Enrolled → Paused → Withdrawn', () => {
    const statuses = [...enrolledHistory, paused, withdrew].map(
      (_, i, all) => fold(participationDecider, all.slice(0, i + 1)).status,
    );
    expect(statuses).toEqual([
      'interested',
      'sponsorConfirmed',
      'sponsorConfirmed',
      'enrolled',
      'paused',
      'withdrawn',
    ]);
  });
});
