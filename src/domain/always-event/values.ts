import { IsoDate } from '../shared';

export const CARE_SETTINGS = [
  'Maternity',
  'Children',
  'LearningDisability',
  'MentalHealth',
  'SecureMentalHealth',
  'Outpatients',
  'AcuteInpatient',
  'CommunityNursing',
  'PrimaryCare',
  'CareHome',
  'Other',
] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** A ward, team or service where the Always Event runs. */
export interface CareUnit {
  unitId: string;
  name: string;
  setting: CareSetting;
}

export const CO_DESIGN_MEMBER_CATEGORIES = [
  'PatientOrServiceUser',
  'FamilyOrCarer',
  'PointOfCareStaff',
  'Manager',
  'QILead',
  'ExecSponsor',
  'Other',
] as const;
export type CoDesignMemberCategory = (typeof CO_DESIGN_MEMBER_CATEGORIES)[number];

/** The people whose experience an Always Event is about; co-production needs them in the room. */
export const PATIENT_OR_CARER: readonly CoDesignMemberCategory[] = ['PatientOrServiceUser', 'FamilyOrCarer'];

/** A co-design team member: a pseudonymous id and a category, never a name. */
export interface CoDesignMember {
  memberId: string;
  category: CoDesignMemberCategory;
}

export const LISTENING_METHODS = [
  'Conversation',
  'FocusGroup',
  'Survey',
  'ComplaintsReview',
  'FFTReview',
  'Observation',
  'EBCD',
  'Other',
] as const;
export type ListeningMethod = (typeof LISTENING_METHODS)[number];

/** Who took part in a listening activity, as counts. */
export interface ListeningParticipants {
  patientsOrServiceUsers: number;
  familiesOrCarers: number;
  staff: number;
  others: number;
}

export const VISION_VOICES = ['PatientWords', 'StaffWords'] as const;
export type VisionVoice = (typeof VISION_VOICES)[number];

/** For aims with no deadline that are reviewed instead (CLCH: "reviewed every 6 months"). */
export const REVIEW_CADENCES = ['Monthly', 'Quarterly', 'SixMonthly', 'Annually'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** An aim statement: population, behaviour or outcome, target % and a deadline or review cadence. */
export interface Aim {
  population: string;
  behaviourOrOutcome: string;
  targetPct: number;
  deadline: IsoDate | null;
  reviewCadence: ReviewCadence | null;
}

/** The four criteria every Always Event must meet (docs/architecture/improvement-method.md). */
export const CRITERIA = ['important', 'evidenceBased', 'measurable', 'affordableSustainable'] as const;
export type Criterion = (typeof CRITERIA)[number];
export interface CriterionAssessment {
  met: boolean;
  rationale: string;
}
export type CriteriaAssessment = Record<Criterion, CriterionAssessment>;

export const CHANGE_IDEA_ORIGINS = [
  'CoDesignSession',
  'PatientSuggestion',
  'StaffSuggestion',
  'Literature',
  'OtherSite',
] as const;
export type ChangeIdeaOrigin = (typeof CHANGE_IDEA_ORIGINS)[number];
/** Origins that honour the blank-canvas principle: ideas from the people, not brought in. */
export const CO_DESIGNED_ORIGINS: readonly ChangeIdeaOrigin[] = ['CoDesignSession', 'PatientSuggestion'];

export const CLOSURE_REASONS = ['Completed', 'Abandoned', 'MergedIntoAnother', 'OrgWithdrew'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** IHI's project progress scale: 0.5 (intent) to 5.0 (outstanding, sustainable results) in half steps. */
export const PROGRESS_SCORES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const;

export const ALWAYS_EVENT_PHASES = [
  'Initiated',
  'Discovery',
  'CoDesign',
  'StatementAgreed',
  'Testing',
  'Implementing',
  'AimAchieved',
  'Sustaining',
  'SustainmentLost',
] as const;
export type AlwaysEventPhase = (typeof ALWAYS_EVENT_PHASES)[number];

/** How an Always Event derived from another: at another organisation (spread) or the same one (scale-up). */
export type Lineage = 'Spread' | 'ScaleUp';
