export const EVALUATION_SCOPES = ['Pilot', 'Spread', 'Programme'] as const;
export type EvaluationScope = (typeof EVALUATION_SCOPES)[number];

export const FINDING_KINDS = ['Facilitator', 'Challenge', 'Impact', 'Recommendation'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Who answered a survey or gave an interview: categories and counts, never people. */
export const RESPONDENT_ROLES = [
  'PatientOrCarer',
  'PointOfCareStaff',
  'Manager',
  'QILead',
  'ExecSponsor',
  'ProgrammeTeam',
  'Other',
] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export interface RoleCount {
  role: RespondentRole;
  count: number;
}

/** What a finding rests on: data cuts of this evaluation, and the Always Events it speaks of. */
export interface FindingEvidence {
  dataCutIds: string[];
  alwaysEventIds: string[];
}
