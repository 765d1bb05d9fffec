import { fold } from '../../../src/domain/decider';
import {
  AppointLocalLead,
  ChangeExecutiveSponsor,
  EstablishOversightTeam,
  ExecutiveSponsor,
  participationDecider,
  PersonRef,
  RecordSponsorVacancy,
} from '../../../src/domain/participation';
import { deciderSpec } from '../support/decider-spec';
import {
  CHIEF_NURSE,
  enrolledHistory,
  HEAD_OF_EXPERIENCE,
  interestExpressed,
  ODS,
  participationCommand,
  SLUG,
  sponsorConfirmed,
  sponsorVacated,
  withdrew,
} from './participation-fixtures';

const spec = deciderSpec(participationDecider);
const key = { programmeSlug: SLUG, odsCode: ODS };
const QI_LEAD: PersonRef = {
  personId: '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c05',
  role: 'QualityImprovementLead',
};
const EXPERIENCE_LEAD: PersonRef = {
  personId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a06',
  role: 'PatientExperienceLead',
};
const PATIENT_PARTNER: PersonRef = {
  personId: '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e07',
  role: 'PatientOrCarerPartner',
};
const DIRECTOR_OF_NURSING: ExecutiveSponsor = {
  personId: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a08',
  title: 'Director of Nursing',
  isBoardLevel: true,
};

describe('Participation decider: sponsor, local lead, oversight team', () => {
  describe('AppointLocalLead', () => {
    const appoint = (lead = QI_LEAD, appointedOn = '2017-10-15') =>
      participationCommand<AppointLocalLead>('AppointLocalLead', { lead, appointedOn });
    const appointed = (lead: PersonRef, previousLeadPersonId: string | null, appointedOn = '2017-10-15') => ({
      type: 'LocalLeadAppointed' as const,
      data: { ...key, lead, previousLeadPersonId, appointedOn },
    });
    it('appoints a local lead by pseudonymous id and role category', () => {
      spec
        .given(enrolledHistory)
        .when(appoint())
        .then([appointed(QI_LEAD, null)]);
    });
    it('replaces the local lead, naming the previous one', () => {
      spec
        .given([...enrolledHistory, appointed(QI_LEAD, null)])
        .when(appoint(EXPERIENCE_LEAD))
        .then([appointed(EXPERIENCE_LEAD, QI_LEAD.personId)]);
    });
    it('refuses before interest is expressed', () => {
      spec.given([]).when(appoint()).thenThrows('interest-not-expressed', 'conflict');
    });
    it('refuses after the organisation withdrew', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(appoint())
        .thenThrows('participation-ended', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(appoint(QI_LEAD, '2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'appointedOn');
    });
  });

  describe('EstablishOversightTeam', () => {
    const members = [QI_LEAD, EXPERIENCE_LEAD, PATIENT_PARTNER];
    const establish = (data: Partial<EstablishOversightTeam['data']> = {}) =>
      participationCommand<EstablishOversightTeam>('EstablishOversightTeam', {
        members,
        chairPersonId: QI_LEAD.personId,
        establishedOn: '2017-11-01',
        ...data,
      });
    it('records the members by role category and the chair', () => {
      spec
        .given(enrolledHistory)
        .when(establish())
        .then([
          {
            type: 'OversightTeamEstablished',
            data: { ...key, members, chairPersonId: QI_LEAD.personId, establishedOn: '2017-11-01' },
          },
        ]);
    });
    it('refuses a chair who is not a member', () => {
      spec
        .given(enrolledHistory)
        .when(establish({ chairPersonId: DIRECTOR_OF_NURSING.personId }))
        .thenThrows('oversight-chair-not-a-member', 'invalid', 'chairPersonId');
    });
    it('refuses a person listed twice', () => {
      spec
        .given(enrolledHistory)
        .when(establish({ members: [QI_LEAD, { ...QI_LEAD, role: 'ClinicalLead' }] }))
        .thenThrows('oversight-member-duplicated', 'invalid', 'members');
    });
    it('refuses after the organisation withdrew', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(establish())
        .thenThrows('participation-ended');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(establish({ establishedOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'establishedOn');
    });
  });

  describe('ChangeExecutiveSponsor', () => {
    const change = (sponsor: ExecutiveSponsor, changedOn = '2018-02-15') =>
      participationCommand<ChangeExecutiveSponsor>('ChangeExecutiveSponsor', { sponsor, changedOn });
    const changed = (sponsor: ExecutiveSponsor, previousSponsorPersonId: string | null) => ({
      type: 'ExecutiveSponsorChanged' as const,
      data: {
        ...key,
        previousSponsorPersonId,
        sponsor,
        changedOn: '2018-02-15',
        seniorSupport: sponsor.isBoardLevel,
      },
    });
    it('replaces a Board-level sponsor with one below Board level: senior support is lost', () => {
      spec
        .given(enrolledHistory)
        .when(change(HEAD_OF_EXPERIENCE))
        .then([changed(HEAD_OF_EXPERIENCE, CHIEF_NURSE.personId)]);
    });
    it('fills a vacancy with a Board-level sponsor: senior support is restored', () => {
      const history = [...enrolledHistory, sponsorVacated];
      spec
        .given(history)
        .when(change(DIRECTOR_OF_NURSING))
        .then([changed(DIRECTOR_OF_NURSING, null)]);
      const after = fold(participationDecider, [...history, changed(DIRECTOR_OF_NURSING, null)]);
      expect(after).toMatchObject({ status: 'enrolled', seniorSupport: true, sponsorVacatedOn: null });
    });
    it('records the same person moving to a Board-level post', () => {
      const promoted = { ...HEAD_OF_EXPERIENCE, title: 'Director of Patient Experience', isBoardLevel: true };
      spec
        .given([interestExpressed, sponsorConfirmed(HEAD_OF_EXPERIENCE)])
        .when(change(promoted))
        .then([changed(promoted, HEAD_OF_EXPERIENCE.personId)]);
    });
    it('refuses the current sponsor in the same post', () => {
      spec
        .given(enrolledHistory)
        .when(change(CHIEF_NURSE))
        .thenThrows('executive-sponsor-unchanged', 'invalid', 'sponsor');
    });
    it('refuses before a first sponsor is confirmed', () => {
      spec
        .given([interestExpressed])
        .when(change(CHIEF_NURSE))
        .thenThrows('executive-sponsor-not-confirmed', 'conflict');
    });
    it('refuses after the organisation withdrew', () => {
      spec
        .given([...enrolledHistory, withdrew])
        .when(change(DIRECTOR_OF_NURSING))
        .thenThrows('participation-ended', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(change(DIRECTOR_OF_NURSING, '2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'changedOn');
    });
  });

  describe('RecordSponsorVacancy', () => {
    const vacate = (vacatedOn = '2018-01-31') =>
      participationCommand<RecordSponsorVacancy>('RecordSponsorVacancy', { vacatedOn });
    it('records the vacancy: still enrolled, no longer with senior support', () => {
      spec.given(enrolledHistory).when(vacate()).then([sponsorVacated]);
      const after = fold(participationDecider, [...enrolledHistory, sponsorVacated]);
      expect(after).toMatchObject({ status: 'enrolled', seniorSupport: false, sponsor: null });
    });
    it('refuses a post already vacant', () => {
      spec
        .given([...enrolledHistory, sponsorVacated])
        .when(vacate())
        .thenThrows('executive-sponsor-already-vacant', 'conflict');
    });
    it('refuses before a first sponsor is confirmed', () => {
      spec
        .given([interestExpressed])
        .when(vacate())
        .thenThrows('executive-sponsor-not-confirmed', 'conflict');
    });
    it('refuses a date in the future', () => {
      spec
        .given(enrolledHistory)
        .when(vacate('2018-04-02'))
        .thenThrows('date-in-future', 'invalid', 'vacatedOn');
    });
  });
});
