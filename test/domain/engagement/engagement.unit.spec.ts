import { fold } from '../../../src/domain/decider';
import {
  AmendMonthlyReturn,
  EngagementCommand,
  engagementDecider,
  EngagementEvent,
  EngagementFacts,
  MonthlyReturnSubmitted,
  RecordLearningShared,
  RecordSupportContact,
  SubmitMonthlyReturn,
} from '../../../src/domain/engagement';
import { ParticipationStatus } from '../../../src/domain/participation';
import { context, deciderSpec } from '../support/decider-spec';

const spec = deciderSpec(engagementDecider);
const key = { programmeSlug: 'always-events-england', odsCode: 'RYX' };
const facts = (status: ParticipationStatus = 'enrolled'): EngagementFacts => ({ participation: { status } });
const command = <C extends EngagementCommand>(
  type: C['type'],
  data: Omit<C['data'], 'programmeSlug' | 'odsCode'>,
  status: ParticipationStatus = 'enrolled',
): C => ({ type, data: { ...key, ...data }, context: context(), facts: facts(status) }) as C;
const ALWAYS_EVENT = '6f1e2d3c-4b5a-4697-8876-a5b4c3d2e1f0';

describe('Engagement log decider', () => {
  describe('RecordSupportContact', () => {
    const contact = (data: Partial<RecordSupportContact['data']> = {}, status?: ParticipationStatus) =>
      command<RecordSupportContact>(
        'RecordSupportContact',
        {
          contactType: 'Webinar',
          heldOn: '2018-02-06',
          attendeesCount: 4,
          sessionRef: 'webex-session-5',
          ...data,
        },
        status,
      );
    const recorded: EngagementEvent = {
      type: 'SupportContactRecorded',
      data: {
        ...key,
        contactType: 'Webinar',
        heldOn: '2018-02-06',
        attendeesCount: 4,
        sessionRef: 'webex-session-5',
      },
    };
    it('records a webinar attended by an enrolled organisation', () => {
      spec.given([]).when(contact()).then([recorded]);
    });
    it('records contacts for a paused participation too', () => {
      spec.given([]).when(contact({}, 'paused')).then([recorded]);
    });
    it('records contacts without a session reference, as many as there were', () => {
      const visit = contact({ contactType: 'SiteVisit', sessionRef: undefined });
      const visited: EngagementEvent = {
        type: 'SupportContactRecorded',
        data: { ...key, contactType: 'SiteVisit', heldOn: '2018-02-06', attendeesCount: 4, sessionRef: null },
      };
      spec.given([visited]).when(visit).then([visited]);
    });
    it('refuses a session recorded before', () => {
      spec
        .given([recorded])
        .when(contact())
        .thenThrows('support-contact-already-recorded', 'conflict', 'sessionRef');
    });
    it('refuses a participation not enrolled', () => {
      spec
        .given([])
        .when(contact({}, 'sponsorConfirmed'))
        .thenThrows('participation-not-enrolled', 'conflict');
    });
    it('refuses a participation that was withdrawn', () => {
      spec.given([]).when(contact({}, 'withdrawn')).thenThrows('participation-not-enrolled', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given([])
        .when(contact({ heldOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'heldOn');
    });
  });

  describe('SubmitMonthlyReturn', () => {
    const content = { alwaysEventIds: [ALWAYS_EVENT], measuresReported: 3 };
    const submit = (data: Partial<SubmitMonthlyReturn['data']> = {}, status?: ParticipationStatus) =>
      command<SubmitMonthlyReturn>(
        'SubmitMonthlyReturn',
        { period: '2018-02', submittedOn: '2018-03-05', ...content, ...data },
        status,
      );
    const submitted: MonthlyReturnSubmitted = {
      type: 'MonthlyReturnSubmitted',
      data: { ...key, period: '2018-02', submittedOn: '2018-03-05', ...content },
    };
    it('records the return for a period', () => {
      spec.given([]).when(submit()).then([submitted]);
    });
    it('accepts a late return: lateness is for the evaluators to see, not to refuse', () => {
      spec
        .given([])
        .when(submit({ period: '2017-11' }))
        .then([{ ...submitted, data: { ...submitted.data, period: '2017-11' } }]);
    });
    it('accepts a return for the current month', () => {
      spec
        .given([])
        .when(submit({ period: '2018-04', submittedOn: '2018-04-01' }))
        .then([{ ...submitted, data: { ...submitted.data, period: '2018-04', submittedOn: '2018-04-01' } }]);
    });
    it('refuses a period in the future', () => {
      spec
        .given([])
        .when(submit({ period: '2018-05', submittedOn: '2018-04-01' }))
        .thenThrows('period-in-future', 'invalid', 'period');
    });
    it('refuses a submission dated before its period began', () => {
      spec
        .given([])
        .when(submit({ period: '2018-03', submittedOn: '2018-02-28' }))
        .thenThrows('submitted-before-period', 'invalid', 'submittedOn');
    });
    it('refuses a second return for the same period: it must be amended', () => {
      spec
        .given([submitted])
        .when(submit({ submittedOn: '2018-03-20' }))
        .thenThrows('monthly-return-already-submitted', 'conflict', 'period');
    });
    it('refuses a participation not enrolled', () => {
      spec.given([]).when(submit({}, 'interested')).thenThrows('participation-not-enrolled', 'conflict');
    });
    it('refuses a submission date in the future', () => {
      spec
        .given([])
        .when(submit({ submittedOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'submittedOn');
    });

    describe('AmendMonthlyReturn', () => {
      const amend = (data: Partial<AmendMonthlyReturn['data']> = {}, status?: ParticipationStatus) =>
        command<AmendMonthlyReturn>(
          'AmendMonthlyReturn',
          {
            period: '2018-02',
            amendedOn: '2018-03-20',
            alwaysEventIds: [ALWAYS_EVENT],
            measuresReported: 4,
            ...data,
          },
          status,
        );
      const amended = (amendmentNumber: number, measuresReported: number): EngagementEvent => ({
        type: 'MonthlyReturnAmended',
        data: {
          ...key,
          period: '2018-02',
          amendedOn: '2018-03-20',
          alwaysEventIds: [ALWAYS_EVENT],
          measuresReported,
          amendmentNumber,
          submittedOn: '2018-03-05',
        },
      });
      it('amends a submitted return, keeping the original submission date', () => {
        spec
          .given([submitted])
          .when(amend())
          .then([amended(1, 4)]);
      });
      it('numbers later amendments', () => {
        spec
          .given([submitted, amended(1, 4)])
          .when(amend({ measuresReported: 5 }))
          .then([amended(2, 5)]);
        const state = fold(engagementDecider, [submitted, amended(1, 4), amended(2, 5)]);
        expect(state.returns['2018-02']).toMatchObject({
          measuresReported: 5,
          amendments: 2,
          submittedOn: '2018-03-05',
        });
      });
      it('refuses a period with no return yet', () => {
        spec.given([]).when(amend()).thenThrows('monthly-return-not-submitted', 'conflict', 'period');
      });
      it('refuses an amendment that changes nothing', () => {
        spec
          .given([submitted])
          .when(amend({ measuresReported: 3 }))
          .thenThrows('monthly-return-unchanged', 'invalid');
      });
      it('refuses an amendment dated before the submission', () => {
        spec
          .given([submitted])
          .when(amend({ amendedOn: '2018-03-04' }))
          .thenThrows('amended-before-submission', 'invalid', 'amendedOn');
      });
      it('refuses a participation not enrolled', () => {
        spec
          .given([submitted])
          .when(amend({}, 'completed'))
          .thenThrows('participation-not-enrolled', 'conflict');
      });
      it('refuses a date in the future', () => {
        spec
          .given([submitted])
          .when(amend({ amendedOn: '2018-04-02' }))
          .thenThrows('date-in-future', 'invalid', 'amendedOn');
      });
    });
  });

  describe('RecordLearningShared', () => {
    const share = (data: Partial<RecordLearningShared['data']> = {}, status?: ParticipationStatus) =>
      command<RecordLearningShared>(
        'RecordLearningShared',
        { channel: 'CaseStudy', sharedOn: '2018-03-01', ...data },
        status,
      );
    it('records learning shared about an Always Event', () => {
      spec
        .given([])
        .when(share({ alwaysEventId: ALWAYS_EVENT, title: 'Supporting people moving on in care' }))
        .then([
          {
            type: 'LearningShared',
            data: {
              ...key,
              channel: 'CaseStudy',
              sharedOn: '2018-03-01',
              alwaysEventId: ALWAYS_EVENT,
              title: 'Supporting people moving on in care',
            },
          },
        ]);
    });
    it('records learning not tied to one Always Event', () => {
      spec
        .given([])
        .when(share({ channel: 'Conference' }))
        .then([
          {
            type: 'LearningShared',
            data: { ...key, channel: 'Conference', sharedOn: '2018-03-01', alwaysEventId: null, title: null },
          },
        ]);
    });
    it('refuses a participation not enrolled', () => {
      spec.given([]).when(share({}, 'none')).thenThrows('participation-not-enrolled', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given([])
        .when(share({ sharedOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'sharedOn');
    });
  });
});
