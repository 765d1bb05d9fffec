import { fold } from '../../../src/domain/decider';
import { OrganisationEvent, organisationDecider, OrganisationState } from '../../../src/domain/organisation';
import {
  ExecutiveSponsor,
  ParticipationCommand,
  ParticipationCommitments,
  OrganisationEnrolled,
  ParticipationEvent,
  ParticipationPaused,
} from '../../../src/domain/participation';
import { programmeDecider, ProgrammeEvent, ProgrammeState } from '../../../src/domain/programme';
import {
  cohortLaunched,
  cohortScheduled,
  launched,
  pilotPhase,
  SLUG,
  spreadPhase,
  toolkitPhase,
} from '../programme/programme-fixtures';
import { context } from '../support/decider-spec';

export { COHORT, SLUG } from '../programme/programme-fixtures';
export const ODS = 'RYX';
const key = { programmeSlug: SLUG, odsCode: ODS };

export const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: {
    odsCode: ODS,
    name: 'Central London Community Healthcare NHS Trust',
    type: 'CommunityTrust',
    regionCode: 'Y56',
    region: 'London',
    isNhsTrust: true,
    openDate: '2010-11-01',
  },
};
export const registerOf = (...events: OrganisationEvent[]): OrganisationState =>
  fold(organisationDecider, [registered, ...events]);
export const programmeOf = (...events: ProgrammeEvent[]): ProgrammeState =>
  fold(programmeDecider, [
    launched,
    pilotPhase,
    toolkitPhase,
    spreadPhase,
    cohortScheduled,
    cohortLaunched,
    ...events,
  ]);

export const unregistered: OrganisationState = fold(organisationDecider, []);
export const draftProgramme: ProgrammeState = fold(programmeDecider, []);

/** The world as a participation's cross-aggregate rules see it: registered trust, launched programme. */
export const world = { organisation: registerOf(), programme: programmeOf() };

export const participationCommand = <C extends ParticipationCommand>(
  type: C['type'],
  data: Omit<C['data'], 'programmeSlug' | 'odsCode'>,
  facts?: C['facts'],
): C => ({ type, data: { ...key, ...data }, context: context(), facts }) as C;

export const CHIEF_NURSE: ExecutiveSponsor = {
  personId: '0b6f3c52-4c1e-4f0e-9a55-2d1f3b7e8a01',
  title: 'Chief Nurse',
  isBoardLevel: true,
};
export const HEAD_OF_EXPERIENCE: ExecutiveSponsor = {
  personId: '5d2a9e10-7b3c-4d8e-8f21-6c4b2a1e9d02',
  title: 'Head of Patient Experience',
  isBoardLevel: false,
};
export const ALL_COMMITMENTS: ParticipationCommitments = {
  monthlyDataReporting: true,
  attendCalls: true,
  patientEngagement: true,
  teamInPlace: true,
  activeTesting: true,
  shareLearning: true,
};

export const interestExpressed: ParticipationEvent = {
  type: 'InterestExpressed',
  data: { ...key, expressedOn: '2017-09-01', channel: 'NationalTeam', contactRole: 'PatientExperienceLead' },
};
export const sponsorConfirmed = (sponsor = CHIEF_NURSE): ParticipationEvent => ({
  type: 'ExecutiveSponsorConfirmed',
  data: { ...key, sponsor, confirmedOn: '2017-09-15', seniorSupport: sponsor.isBoardLevel },
});
export const commitmentSigned = (commitments = ALL_COMMITMENTS): ParticipationEvent => ({
  type: 'ParticipationCommitmentSigned',
  data: {
    ...key,
    commitments,
    signedOn: '2017-09-20',
    complete: Object.values(commitments).every(Boolean),
  },
});
export const enrolled: OrganisationEnrolled = {
  type: 'OrganisationEnrolled',
  data: {
    ...key,
    enrolledOn: '2017-10-01',
    phaseId: 'spread',
    enrolmentRoute: 'Direct',
    cohortId: null,
    sponsorPersonId: CHIEF_NURSE.personId,
    sponsorIsBoardLevel: true,
    seniorSupport: true,
  },
};
export const sponsorVacated: ParticipationEvent = {
  type: 'ExecutiveSponsorVacated',
  data: { ...key, sponsorPersonId: CHIEF_NURSE.personId, vacatedOn: '2018-01-31', seniorSupport: false },
};
export const paused: ParticipationPaused = {
  type: 'ParticipationPaused',
  data: { ...key, pausedOn: '2018-01-10', reason: 'Capacity', expectedResumeOn: null },
};
export const withdrew: ParticipationEvent = {
  type: 'OrganisationWithdrew',
  data: { ...key, withdrawnOn: '2018-02-01', reason: 'Merger' },
};

/** Interest, a Board-level sponsor and every commitment: ready to enrol. */
export const readyToEnrol = [interestExpressed, sponsorConfirmed(), commitmentSigned()];
export const enrolledHistory = [...readyToEnrol, enrolled];
