import { alwaysEventDecider, AlwaysEventCommand, CoDesignMember } from '../../../src/domain/always-event';
import { decided } from '../support/history';
import { deciderSpec, NOW } from '../support/decider-spec';
import {
  agreed,
  aim,
  carer,
  command,
  commands,
  DRAFT,
  eventsOf,
  HOME,
  inCoDesign,
  inDiscovery,
  manager,
  nurse,
  patient,
  subject,
} from './fixtures';

const spec = deciderSpec(alwaysEventDecider);

const coDesignWith = (...members: CoDesignMember[]): AlwaysEventCommand[] => [
  commands.initiate(),
  commands.formTeam(...members),
  commands.listen(),
  commands.theme(),
  commands.startCoDesign(),
];
/** A drafted, assessed statement with the given team, ready for agreement. */
const readyToAgree = (members: CoDesignMember[], ...more: AlwaysEventCommand[]) =>
  eventsOf(...coDesignWith(...members), commands.draft(), commands.assess(), ...more);
const unmet = { met: false, rationale: 'No agreed way to count it yet' };

describe('Always Event: statement', () => {
  describe('DraftStatement', () => {
    it('drafts a vision and aim', () => {
      spec
        .given(inCoDesign)
        .when(commands.draft())
        .then([
          {
            type: 'AlwaysEventStatementDrafted',
            data: {
              ...subject,
              draftId: DRAFT,
              visionStatement: 'We will always be able to contact people who are important to us 24hrs a day',
              visionVoice: 'PatientWords',
              aim,
            },
          },
        ]);
    });
    it('refuses before co-design', () => {
      spec.given(inDiscovery).when(commands.draft()).thenThrows('drafting-needs-co-design', 'conflict');
    });
    it('refuses a draft id already used', () => {
      spec
        .given(eventsOf(...coDesignWith(patient, nurse), commands.draft()))
        .when(commands.draft())
        .thenThrows('draft-already-exists');
    });
  });

  describe('AssessCriteria', () => {
    const drafted = eventsOf(...coDesignWith(patient, nurse), commands.draft());
    it('records the assessment of the four criteria', () => {
      const met = commands.assess().data.important;
      spec
        .given(drafted)
        .when(commands.assess())
        .then([
          {
            type: 'AlwaysEventCriteriaAssessed',
            data: {
              ...subject,
              draftId: DRAFT,
              important: met,
              evidenceBased: met,
              measurable: met,
              affordableSustainable: met,
              allMet: true,
              unmet: [],
            },
          },
        ]);
    });
    it('names the criteria not met', () => {
      const [event] = decided(alwaysEventDecider, drafted, commands.assess(unmet));
      expect(event.type === 'AlwaysEventCriteriaAssessed' && [event.data.allMet, event.data.unmet]).toEqual([
        false,
        ['measurable'],
      ]);
    });
    it('refuses an unknown draft', () => {
      spec.given(inCoDesign).when(commands.assess()).thenThrows('draft-not-found', 'invalid', 'draftId');
    });
    it('refuses outside co-design', () => {
      spec.given(agreed).when(commands.assess()).thenThrows('assessment-needs-co-design');
    });
  });

  describe('AgreeStatement', () => {
    it('agrees the statement with the team make-up at agreement', () => {
      spec
        .given(readyToAgree([patient, nurse]))
        .when(commands.agree())
        .then([
          {
            type: 'AlwaysEventStatementAgreed',
            data: {
              ...subject,
              draftId: DRAFT,
              statementVersion: 1,
              visionStatement: commands.draft().data.visionStatement,
              visionVoice: 'PatientWords',
              aim,
              homeUnit: HOME,
              agreedByCategories: { PatientOrServiceUser: 1, PointOfCareStaff: 1 },
              patientOrCarerShare: 0.5,
              warnings: [],
              agreedAt: NOW,
            },
          },
        ]);
    });
    it('agrees with a family member or carer in place of a patient', () => {
      const [event] = decided(alwaysEventDecider, readyToAgree([carer, nurse]), commands.agree());
      expect(event.type).toBe('AlwaysEventStatementAgreed');
    });
    it('flags, without refusing, a team less than half patients and carers', () => {
      const [event] = decided(alwaysEventDecider, readyToAgree([patient, nurse, manager]), commands.agree());
      expect(event.type === 'AlwaysEventStatementAgreed' && event.data.warnings).toEqual([
        'patient-or-carer-share-below-half',
      ]);
    });
    it('refuses without a patient, service user or carer on the team', () => {
      spec
        .given(readyToAgree([nurse, manager]))
        .when(commands.agree())
        .thenThrows('co-design-team-lacks-patient-or-carer', 'conflict');
    });
    it('refuses once the only patient has left the team', () => {
      spec
        .given(
          readyToAgree(
            [patient, nurse],
            command('RemoveCoDesignTeamMember', { memberId: patient.memberId, reason: null }),
          ),
        )
        .when(commands.agree())
        .thenThrows('co-design-team-lacks-patient-or-carer');
    });
    it('refuses without point-of-care staff on the team', () => {
      spec
        .given(readyToAgree([patient, manager]))
        .when(commands.agree())
        .thenThrows('co-design-team-lacks-point-of-care-staff', 'conflict');
    });
    it('refuses a draft not assessed against the criteria', () => {
      spec
        .given(eventsOf(...coDesignWith(patient, nurse), commands.draft()))
        .when(commands.agree())
        .thenThrows('criteria-not-assessed');
    });
    it('refuses when the latest assessment does not meet every criterion', () => {
      spec
        .given(readyToAgree([patient, nurse], commands.assess(unmet)))
        .when(commands.agree())
        .thenThrows('criteria-not-met', 'conflict');
    });
    it('counts only the latest assessment, so a later pass lifts an earlier failure', () => {
      const history = eventsOf(
        ...coDesignWith(patient, nurse),
        commands.draft(),
        commands.assess(unmet),
        commands.assess(),
      );
      const [event] = decided(alwaysEventDecider, history, commands.agree());
      expect(event.type).toBe('AlwaysEventStatementAgreed');
    });
    it("refuses a vision in staff's words", () => {
      spec
        .given(
          eventsOf(
            ...coDesignWith(patient, nurse),
            commands.draft({ visionVoice: 'StaffWords' }),
            commands.assess(),
          ),
        )
        .when(commands.agree())
        .thenThrows('vision-not-in-patient-words', 'conflict');
    });
    it.each([
      ['aim-needs-population', { ...aim, population: ' ' }],
      ['aim-target-out-of-range', { ...aim, targetPct: 0 }],
      ['aim-needs-deadline-or-review-cadence', { ...aim, deadline: null }],
    ])('refuses an incomplete aim: %s', (rule, incomplete) => {
      spec
        .given(
          eventsOf(...coDesignWith(patient, nurse), commands.draft({ aim: incomplete }), commands.assess()),
        )
        .when(commands.agree())
        .thenThrows(rule, 'conflict');
    });
    it('accepts an ongoing aim with a review cadence instead of a deadline', () => {
      const ongoing = { ...aim, deadline: null, reviewCadence: 'SixMonthly' as const };
      const history = eventsOf(
        ...coDesignWith(patient, nurse),
        commands.draft({ aim: ongoing }),
        commands.assess(),
      );
      const [event] = decided(alwaysEventDecider, history, commands.agree());
      expect(event.type === 'AlwaysEventStatementAgreed' && event.data.aim).toEqual(ongoing);
    });
    it('refuses an unknown draft', () => {
      spec
        .given(inCoDesign)
        .when(command('AgreeStatement', { draftId: subject.alwaysEventId }))
        .thenThrows('draft-not-found', 'invalid', 'draftId');
    });
    it('refuses agreeing again once agreed', () => {
      spec.given(agreed).when(commands.agree()).thenThrows('agreement-needs-co-design', 'conflict');
    });
  });

  describe('ReviseAim', () => {
    const revised = { ...aim, targetPct: 98, deadline: '2018-09-30' };
    it('revises the aim as a new statement version, keeping the previous aim', () => {
      spec
        .given(agreed)
        .when(command('ReviseAim', { aim: revised, reason: 'Reached 95% early' }))
        .then([
          {
            type: 'AimStatementRevised',
            data: {
              ...subject,
              statementVersion: 2,
              previousAim: aim,
              aim: revised,
              reason: 'Reached 95% early',
              revisedAt: NOW,
            },
          },
        ]);
    });
    it('refuses before a statement is agreed', () => {
      spec
        .given(inCoDesign)
        .when(command('ReviseAim', { aim: revised, reason: 'x' }))
        .thenThrows('statement-not-agreed', 'conflict');
    });
    it('refuses an incomplete aim, naming the field', () => {
      spec
        .given(agreed)
        .when(command('ReviseAim', { aim: { ...aim, targetPct: 0 }, reason: 'x' }))
        .thenThrows('aim-target-out-of-range', 'invalid', 'aim.targetPct');
    });
    it('refuses the current aim', () => {
      spec
        .given(agreed)
        .when(command('ReviseAim', { aim, reason: 'x' }))
        .thenThrows('aim-unchanged', 'invalid', 'aim');
    });
  });
});
