import { DomainEvent, IsoDate } from '../shared';
import { ParticipationKey } from './commands';
import {
  CompletionReason,
  EnrolmentRoute,
  ExecutiveSponsor,
  InterestChannel,
  ParticipationCommitments,
  PersonRef,
  RoleCategory,
  StepBackReason,
} from './participation-types';

/*
 * Every payload carries the programme slug and ODS code, and every sponsor
 * event says whether the organisation has senior support afterwards, so the
 * "enrolled with senior support" projection is a fold of these events alone.
 */

export type InterestExpressed = DomainEvent<
  'InterestExpressed',
  ParticipationKey & {
    expressedOn: IsoDate;
    channel: InterestChannel | null;
    contactRole: RoleCategory | null;
  }
>;
export type ExecutiveSponsorConfirmed = DomainEvent<
  'ExecutiveSponsorConfirmed',
  ParticipationKey & { sponsor: ExecutiveSponsor; confirmedOn: IsoDate; seniorSupport: boolean }
>;
export type ParticipationCommitmentSigned = DomainEvent<
  'ParticipationCommitmentSigned',
  ParticipationKey & {
    commitments: ParticipationCommitments;
    signedOn: IsoDate;
    /** Every commitment given: only then may the organisation enrol. */
    complete: boolean;
  }
>;
export type OrganisationEnrolled = DomainEvent<
  'OrganisationEnrolled',
  ParticipationKey & {
    enrolledOn: IsoDate;
    phaseId: string;
    enrolmentRoute: EnrolmentRoute;
    cohortId: string | null;
    sponsorPersonId: string;
    sponsorIsBoardLevel: boolean;
    seniorSupport: boolean;
  }
>;
export type OrganisationAssignedToCohort = DomainEvent<
  'OrganisationAssignedToCohort',
  ParticipationKey & {
    cohortId: string;
    /** The cohort's phase, so projections by phase need not read the programme. */
    phaseId: string;
    previousCohortId: string | null;
    assignedOn: IsoDate;
  }
>;
export type LocalLeadAppointed = DomainEvent<
  'LocalLeadAppointed',
  ParticipationKey & { lead: PersonRef; previousLeadPersonId: string | null; appointedOn: IsoDate }
>;
export type OversightTeamEstablished = DomainEvent<
  'OversightTeamEstablished',
  ParticipationKey & { members: PersonRef[]; chairPersonId: string; establishedOn: IsoDate }
>;
export type ExecutiveSponsorChanged = DomainEvent<
  'ExecutiveSponsorChanged',
  ParticipationKey & {
    /** Null when the post was vacant. */
    previousSponsorPersonId: string | null;
    sponsor: ExecutiveSponsor;
    changedOn: IsoDate;
    seniorSupport: boolean;
  }
>;
export type ExecutiveSponsorVacated = DomainEvent<
  'ExecutiveSponsorVacated',
  ParticipationKey & { sponsorPersonId: string; vacatedOn: IsoDate; seniorSupport: false }
>;
export type ParticipationPaused = DomainEvent<
  'ParticipationPaused',
  ParticipationKey & { pausedOn: IsoDate; reason: StepBackReason; expectedResumeOn: IsoDate | null }
>;
export type ParticipationResumed = DomainEvent<
  'ParticipationResumed',
  ParticipationKey & { resumedOn: IsoDate; pausedOn: IsoDate }
>;
export type OrganisationWithdrew = DomainEvent<
  'OrganisationWithdrew',
  ParticipationKey & { withdrawnOn: IsoDate; reason: StepBackReason }
>;
export type ParticipationCompleted = DomainEvent<
  'ParticipationCompleted',
  ParticipationKey & { completedOn: IsoDate; reason: CompletionReason }
>;

export type ParticipationEvent =
  | InterestExpressed
  | ExecutiveSponsorConfirmed
  | ParticipationCommitmentSigned
  | OrganisationEnrolled
  | OrganisationAssignedToCohort
  | LocalLeadAppointed
  | OversightTeamEstablished
  | ExecutiveSponsorChanged
  | ExecutiveSponsorVacated
  | ParticipationPaused
  | ParticipationResumed
  | OrganisationWithdrew
  | ParticipationCompleted;
