/** How an organisation came to be enrolled (domain proposal §8.4). */
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
 * Role categories for the people a participation names. People are held only
 * as a pseudonymous id with one of these: never a name or contact details.
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
  /** Pseudonymous id (a UUID issued upstream), never a name. */
  personId: string;
  role: RoleCategory;
}

export interface ExecutiveSponsor {
  personId: string;
  /** The post, e.g. "Chief Nurse"; not a name. */
  title: string;
  isBoardLevel: boolean;
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
