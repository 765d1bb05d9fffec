import {
  ConfirmExecutiveSponsor,
  EnrolOrganisation,
  ExpressInterest,
  participationDecider,
  SignParticipationCommitment,
} from '../../../src/domain/participation';
import { deciderSpec } from '../support/decider-spec';
import {
  ALL_COMMITMENTS,
  CHIEF_NURSE,
  COHORT,
  commitmentSigned,
  draftProgramme,
  enrolled,
  enrolledHistory,
  HEAD_OF_EXPERIENCE,
  interestExpressed,
  ODS,
  participationCommand,
  programmeOf,
  readyToEnrol,
  registerOf,
  SLUG,
  sponsorConfirmed,
  sponsorVacated,
  unregistered,
  withdrew,
  world,
} from './participation-fixtures';
import { cohortClosed } from '../programme/programme-fixtures';

const spec = deciderSpec(participationDecider);
const key = { programmeSlug: SLUG, odsCode: ODS };
const dissolvedOn = (effectiveDate: string) =>
  registerOf({ type: 'OrganisationDissolved', data: { odsCode: ODS, effectiveDate, reason: null } });
const closedProgramme = programmeOf({
  type: 'ProgrammeClosed',
  data: { programmeSlug: SLUG, closedOn: '2017-06-30', reason: 'Ended' },
});

describe('Participation decider: interest, sponsor, commitment, enrolment', () => {
  describe('ExpressInterest', () => {
    const express = (facts = world, data: Partial<ExpressInterest['data']> = {}) =>
      participationCommand<ExpressInterest>(
        'ExpressInterest',
        { expressedOn: '2017-09-01', channel: 'NationalTeam', contactRole: 'PatientExperienceLead', ...data },
        facts,
      );
    it('records interest from a registered organisation in a launched programme', () => {
      spec.given([]).when(express()).then([interestExpressed]);
    });
    it('records an unknown channel and contact role as null', () => {
      spec
        .given([])
        .when(express(world, { channel: undefined, contactRole: undefined }))
        .then([
          {
            type: 'InterestExpressed',
            data: { ...key, expressedOn: '2017-09-01', channel: null, contactRole: null },
          },
        ]);
    });
    it('refuses interest expressed before', () => {
      spec.given([interestExpressed]).when(express()).thenThrows('interest-already-expressed', 'conflict');
    });
    it('refuses a withdrawn organisation: one participation per programme', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(express())
        .thenThrows('interest-already-expressed');
    });
    it('refuses an ODS code not in the register, naming the field', () => {
      spec
        .given([])
        .when(express({ ...world, organisation: unregistered }))
        .thenThrows('organisation-not-registered', 'invalid', 'odsCode');
    });
    it('refuses an organisation dissolved on or before the date', () => {
      spec
        .given([])
        .when(express({ ...world, organisation: dissolvedOn('2017-09-01') }))
        .thenThrows('organisation-dissolved', 'invalid', 'odsCode');
    });
    it('accepts backfilled interest from before a later dissolution', () => {
      spec
        .given([])
        .when(express({ ...world, organisation: dissolvedOn('2020-04-01') }))
        .then([interestExpressed]);
    });
    it('refuses a date before the organisation opened', () => {
      spec
        .given([])
        .when(express(world, { expressedOn: '2009-01-01' }))
        .thenThrows('organisation-not-yet-open', 'invalid', 'odsCode');
    });
    it('refuses a programme not launched, naming the field', () => {
      spec
        .given([])
        .when(express({ ...world, programme: draftProgramme }))
        .thenThrows('programme-not-launched', 'invalid', 'programmeSlug');
    });
    it('refuses a closed programme', () => {
      spec
        .given([])
        .when(express({ ...world, programme: closedProgramme }))
        .thenThrows('programme-closed', 'conflict');
    });
    it('accepts interest dated before the programme closed, reported after it', () => {
      spec
        .given([])
        .when(express({ ...world, programme: closedProgramme }, { expressedOn: '2017-06-29' }))
        .then([
          {
            type: 'InterestExpressed',
            data: {
              ...key,
              expressedOn: '2017-06-29',
              channel: 'NationalTeam',
              contactRole: 'PatientExperienceLead',
            },
          },
        ]);
    });
    it('refuses a date in the future', () => {
      spec
        .given([])
        .when(express(world, { expressedOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'expressedOn');
    });
  });

  describe('ConfirmExecutiveSponsor', () => {
    const confirm = (sponsor = CHIEF_NURSE, confirmedOn = '2017-09-15') =>
      participationCommand<ConfirmExecutiveSponsor>('ConfirmExecutiveSponsor', { sponsor, confirmedOn });
    it('confirms a Board-level sponsor: senior support', () => {
      spec.given([interestExpressed]).when(confirm()).then([sponsorConfirmed()]);
    });
    it('confirms a sponsor below Board level, without senior support', () => {
      spec
        .given([interestExpressed])
        .when(confirm(HEAD_OF_EXPERIENCE))
        .then([sponsorConfirmed(HEAD_OF_EXPERIENCE)]);
      expect(sponsorConfirmed(HEAD_OF_EXPERIENCE).data).toMatchObject({ seniorSupport: false });
    });
    it('refuses before interest is expressed', () => {
      spec.given([]).when(confirm()).thenThrows('confirm-sponsor-requires-interested', 'conflict');
    });
    it('refuses a second confirmation: a later sponsor is a change', () => {
      spec
        .given([interestExpressed, sponsorConfirmed()])
        .when(confirm(HEAD_OF_EXPERIENCE))
        .thenThrows('confirm-sponsor-requires-interested', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given([interestExpressed])
        .when(confirm(CHIEF_NURSE, '2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'confirmedOn');
    });
  });

  describe('SignParticipationCommitment', () => {
    const sign = (commitments = ALL_COMMITMENTS, signedOn = '2017-09-20') =>
      participationCommand<SignParticipationCommitment>('SignParticipationCommitment', {
        commitments,
        signedOn,
      });
    const partial = { ...ALL_COMMITMENTS, monthlyDataReporting: false };
    it('records a complete commitment', () => {
      spec.given([interestExpressed, sponsorConfirmed()]).when(sign()).then([commitmentSigned()]);
    });
    it('records a partial commitment as not complete', () => {
      spec
        .given([interestExpressed])
        .when(sign(partial))
        .then([commitmentSigned(partial)]);
      expect(commitmentSigned(partial).data).toMatchObject({ complete: false });
    });
    it('refuses once enrolled', () => {
      spec
        .given(enrolledHistory)
        .when(sign())
        .thenThrows('sign-commitment-requires-interested-or-sponsor-confirmed', 'conflict');
    });
    it('refuses before interest is expressed', () => {
      spec.given([]).when(sign()).thenThrows('sign-commitment-requires-interested-or-sponsor-confirmed');
    });
    it('refuses a date in the future', () => {
      spec
        .given([interestExpressed])
        .when(sign(ALL_COMMITMENTS, '2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'signedOn');
    });
  });

  describe('EnrolOrganisation', () => {
    const enrol = (data: Partial<EnrolOrganisation['data']> = {}, facts = world) =>
      participationCommand<EnrolOrganisation>(
        'EnrolOrganisation',
        { enrolledOn: '2017-10-01', phaseId: 'spread', enrolmentRoute: 'Direct', ...data },
        facts,
      );
    it('enrols with a Board-level sponsor and every commitment, carrying what projections need', () => {
      spec.given(readyToEnrol).when(enrol()).then([enrolled]);
    });
    it('enrols through a cohort launch, naming the cohort', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ enrolmentRoute: 'CohortLaunch', cohortId: COHORT }))
        .then([
          { ...enrolled, data: { ...enrolled.data, enrolmentRoute: 'CohortLaunch', cohortId: COHORT } },
        ]);
    });
    it('carries the cohort the organisation was assigned to before enrolling', () => {
      const assigned = {
        type: 'OrganisationAssignedToCohort' as const,
        data: {
          ...key,
          cohortId: COHORT,
          phaseId: 'spread',
          previousCohortId: null,
          assignedOn: '2017-09-25',
        },
      };
      spec
        .given([...readyToEnrol, assigned])
        .when(enrol({ enrolmentRoute: 'CohortLaunch' }))
        .then([
          { ...enrolled, data: { ...enrolled.data, enrolmentRoute: 'CohortLaunch', cohortId: COHORT } },
        ]);
    });
    it('enrols once a partial commitment is replaced by a complete one', () => {
      const partial = commitmentSigned({ ...ALL_COMMITMENTS, shareLearning: false });
      spec
        .given([interestExpressed, sponsorConfirmed(), partial, commitmentSigned()])
        .when(enrol())
        .then([enrolled]);
    });
    it('refuses a second enrolment: at most once per programme', () => {
      spec.given(enrolledHistory).when(enrol()).thenThrows('organisation-already-enrolled', 'conflict');
    });
    it('refuses to enrol again after withdrawing', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(enrol())
        .thenThrows('organisation-already-enrolled');
    });
    it('refuses before interest is expressed', () => {
      spec.given([]).when(enrol()).thenThrows('interest-not-expressed', 'conflict');
    });
    it('refuses without a confirmed sponsor', () => {
      spec
        .given([interestExpressed, commitmentSigned()])
        .when(enrol())
        .thenThrows('executive-sponsor-not-confirmed', 'conflict');
    });
    it('refuses a sponsor below Board level', () => {
      spec
        .given([interestExpressed, sponsorConfirmed(HEAD_OF_EXPERIENCE), commitmentSigned()])
        .when(enrol())
        .thenThrows('executive-sponsor-not-board-level', 'conflict');
    });
    it("refuses while the sponsor's post is vacant", () => {
      spec
        .given([...readyToEnrol, sponsorVacated])
        .when(enrol())
        .thenThrows('executive-sponsor-vacant', 'conflict');
    });
    it('refuses without a signed commitment', () => {
      spec
        .given([interestExpressed, sponsorConfirmed()])
        .when(enrol())
        .thenThrows('participation-commitment-incomplete', 'conflict');
    });
    it('refuses a partial commitment', () => {
      spec
        .given([
          interestExpressed,
          sponsorConfirmed(),
          commitmentSigned({ ...ALL_COMMITMENTS, attendCalls: false }),
        ])
        .when(enrol())
        .thenThrows('participation-commitment-incomplete', 'conflict');
    });
    it('refuses an organisation not in the register', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({}, { ...world, organisation: unregistered }))
        .thenThrows('organisation-not-registered', 'invalid', 'odsCode');
    });
    it('refuses an organisation dissolved by the enrolment date', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({}, { ...world, organisation: dissolvedOn('2017-09-30') }))
        .thenThrows('organisation-dissolved', 'invalid', 'odsCode');
    });
    it('refuses a programme not launched', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({}, { ...world, programme: draftProgramme }))
        .thenThrows('programme-not-launched', 'invalid', 'programmeSlug');
    });
    it('refuses a closed programme', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({}, { ...world, programme: closedProgramme }))
        .thenThrows('programme-closed', 'conflict');
    });
    it('refuses a phase the programme has not defined', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ phaseId: 'primary-care' }))
        .thenThrows('phase-not-defined', 'invalid', 'phaseId');
    });
    it('refuses an unknown cohort', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ cohortId: 'leeds-2018-03' }))
        .thenThrows('cohort-not-found', 'invalid', 'cohortId');
    });
    it('refuses a closed cohort', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ cohortId: COHORT }, { ...world, programme: programmeOf(cohortClosed) }))
        .thenThrows('cohort-closed', 'conflict', 'cohortId');
    });
    it('refuses a cohort of another phase', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ phaseId: 'toolkit-test', cohortId: COHORT }))
        .thenThrows('cohort-not-in-phase', 'invalid', 'cohortId');
    });
    it('refuses the cohort-launch route without a cohort', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ enrolmentRoute: 'CohortLaunch' }))
        .thenThrows('cohort-launch-route-needs-cohort', 'invalid', 'cohortId');
    });
    it('refuses an enrolment date in the future', () => {
      spec
        .given(readyToEnrol)
        .when(enrol({ enrolledOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'enrolledOn');
    });
  });
});
