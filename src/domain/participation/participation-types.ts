/** How an organisation came to be enrolled (docs/architecture/domain-model.md, "Participation"). */
export const ENROLMENT_ROUTES = ['PilotInvite', 'CohortLaunch', 'Direct'] as const;
export type EnrolmentRoute = (typeof ENROLMENT_ROUTES)[number];

/** Why an organisation pauses or withdraws. */
export const STEP_BACK_REASONS = ['Capacity', 'Merger', 'LeadershipChange', 'Other'] as const;
export type StepBackReason = (typeof STEP_BACK_REASONS)[number];

export const COMPLETION_REASONS = ['ProgrammeClosed', 'SelfSustaining', 'Other'] as const;
export type CompletionReason = (typeof COMPLETION_REASONS)[number];

/** Where interest came from: organisations spoke with the national team or attended a cohort launch. */
export const INTEREST_CHANNELS = [
  'NationalTeam',
  'CohortLaunchEvent',
  'Webinar',
  'PeerReferral',
  'Other',
] as const;
export type InterestChannel = (typeof INTEREST_CHANNELS)[number];

/**
 * Role categories for the people a participation names. Each person is a
 * pseudonymous id issued upstream; their name and post are
 * personal data, stored encrypted under that id's own key and erasable
 * (docs/governance/erasure-and-redaction.md).
 */
export const ROLE_CATEGORIES = [
  'BoardExecutive',
  'SeniorLeader',
  'QualityImprovementLead',
  'PatientExperienceLead',
  'ClinicalLead',
  'PointOfCareStaff',
  'PatientOrCarerPartner',
  'ImprovementAdvisor',
  'Other',
] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export interface PersonRef {
  /** Pseudonymous id (a UUID issued upstream): the data subject's id for erasure. */
  personId: string;
  role: RoleCategory;
  /** Personal data: the person's name, to contact them. `[erased]` once erased. */
  name?: string;
}

export interface ExecutiveSponsor {
  /** Pseudonymous id (a UUID issued upstream): the data subject's id for erasure. */
  personId: string;
  /** The post, e.g. "Chief Nurse": personal data, as it names one person at one organisation. `[erased]` once erased. */
  title: string;
  isBoardLevel: boolean;
  /** Personal data: the sponsor's name. `[erased]` once erased. */
  name?: string;
}

/** What NHS England asked of a participating organisation (Always Events journey). */
export interface ParticipationCommitments {
  monthlyDataReporting: boolean;
  attendCalls: boolean;
  patientEngagement: boolean;
  teamInPlace: boolean;
  activeTesting: boolean;
  shareLearning: boolean;
}
export const COMMITMENT_NAMES: ReadonlyArray<keyof ParticipationCommitments> = [
  'monthlyDataReporting',
  'attendCalls',
  'patientEngagement',
  'teamInPlace',
  'activeTesting',
  'shareLearning',
];

export interface OversightTeam {
  members: PersonRef[];
  chairPersonId: string;
}
