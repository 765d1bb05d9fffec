import { OrganisationState } from '../organisation';
import { ProgrammeState } from '../programme';
import { Command, IsoDate } from '../shared';
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

/** Every participation command names its stream: one organisation in one programme. */
export interface ParticipationKey {
  programmeSlug: string;
  odsCode: string;
}

/** The organisation register's view of the organisation (a fold of `organisation-<ODS>`). */
export type OrganisationFacts = Pick<OrganisationState, 'status' | 'openDate' | 'closeDate'>;
/** The programme as its own stream says (a fold of `programme-<slug>`). */
export type ProgrammeFacts = Pick<ProgrammeState, 'status' | 'closedOn' | 'phases' | 'cohorts'>;

export type ExpressInterest = Command<
  'ExpressInterest',
  ParticipationKey & { expressedOn: IsoDate; channel?: InterestChannel; contactRole?: RoleCategory },
  { organisation: OrganisationFacts; programme: ProgrammeFacts }
>;
export type ConfirmExecutiveSponsor = Command<
  'ConfirmExecutiveSponsor',
  ParticipationKey & { sponsor: ExecutiveSponsor; confirmedOn: IsoDate }
>;
export type SignParticipationCommitment = Command<
  'SignParticipationCommitment',
  ParticipationKey & { commitments: ParticipationCommitments; signedOn: IsoDate }
>;
export type EnrolOrganisation = Command<
  'EnrolOrganisation',
  ParticipationKey & {
    enrolledOn: IsoDate;
    phaseId: string;
    enrolmentRoute: EnrolmentRoute;
    cohortId?: string;
  },
  { organisation: OrganisationFacts; programme: ProgrammeFacts }
>;
export type AssignToCohort = Command<
  'AssignToCohort',
  ParticipationKey & { cohortId: string; assignedOn: IsoDate },
  { programme: ProgrammeFacts }
>;
export type AppointLocalLead = Command<
  'AppointLocalLead',
  ParticipationKey & { lead: PersonRef; appointedOn: IsoDate }
>;
export type EstablishOversightTeam = Command<
  'EstablishOversightTeam',
  ParticipationKey & { members: PersonRef[]; chairPersonId: string; establishedOn: IsoDate }
>;
export type ChangeExecutiveSponsor = Command<
  'ChangeExecutiveSponsor',
  ParticipationKey & { sponsor: ExecutiveSponsor; changedOn: IsoDate }
>;
export type RecordSponsorVacancy = Command<'RecordSponsorVacancy', ParticipationKey & { vacatedOn: IsoDate }>;
export type PauseParticipation = Command<
  'PauseParticipation',
  ParticipationKey & { pausedOn: IsoDate; reason: StepBackReason; expectedResumeOn?: IsoDate }
>;
export type ResumeParticipation = Command<'ResumeParticipation', ParticipationKey & { resumedOn: IsoDate }>;
export type WithdrawOrganisation = Command<
  'WithdrawOrganisation',
  ParticipationKey & { withdrawnOn: IsoDate; reason: StepBackReason }
>;
export type CompleteParticipation = Command<
  'CompleteParticipation',
  ParticipationKey & { completedOn: IsoDate; reason: CompletionReason }
>;

export type ParticipationCommand =
  | ExpressInterest
  | ConfirmExecutiveSponsor
  | SignParticipationCommitment
  | EnrolOrganisation
  | AssignToCohort
  | AppointLocalLead
  | EstablishOversightTeam
  | ChangeExecutiveSponsor
  | RecordSponsorVacancy
  | PauseParticipation
  | ResumeParticipation
  | WithdrawOrganisation
  | CompleteParticipation;
