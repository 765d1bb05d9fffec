import type { RegionCode } from '../../../src/domain/organisation';
import type { RoleCategory } from '../../../src/domain/participation';

/** Posts that held the executive sponsorship (identified Board-level leadership). Posts, never names. */
export const BOARD_SPONSOR_POSTS = [
  'Chief Nurse',
  'Director of Nursing and Quality',
  'Director of Nursing, Therapies and Patient Partnership',
  'Medical Director',
  'Chief Executive',
  'Director of Nursing and Patient Experience',
] as const;

/** Posts below Board level: an enrolled organisation led from here has no senior support. */
export const BELOW_BOARD_POSTS = ['Deputy Director of Nursing', 'Head of Patient Experience'] as const;

/** A GP partnership's board is its partners. */
export const PRACTICE_SPONSOR_POSTS = ['Senior Partner', 'GP Partner and Clinical Lead'] as const;

export const LOCAL_LEAD_ROLES: readonly RoleCategory[] = [
  'PatientExperienceLead',
  'QualityImprovementLead',
  'ClinicalLead',
];

/** An oversight team with senior support, QI, patient experience and patient partners. */
export const OVERSIGHT_TEAM_ROLES: readonly RoleCategory[] = [
  'BoardExecutive',
  'SeniorLeader',
  'QualityImprovementLead',
  'PatientExperienceLead',
  'PatientOrCarerPartner',
  'PointOfCareStaff',
];

/**
 * GP practice codes are a letter and five digits; the letter follows the old
 * regional offices, so a practice's code fits its region. These practices are
 * the simulator's invention (the register holds trusts only).
 */
export const PRACTICE_CODE_LETTERS: Readonly<Partial<Record<RegionCode, readonly string[]>>> = {
  Y56: ['E', 'F'],
  Y58: ['J', 'L'],
  Y59: ['G', 'H', 'K'],
  Y60: ['C', 'M'],
  Y61: ['D'],
  Y62: ['N', 'P'],
  Y63: ['A', 'B'],
};

export const PRACTICE_NAME_STEMS = [
  'Riverside',
  'Parkview',
  'Meadowbank',
  'Oakwood',
  'Hillside',
  'Brookfield',
  'Castle Street',
  'Market Square',
  'Station Road',
  'The Green',
  'Millbrook',
  'Westgate',
  'Northgate',
  'Elmwood',
  'Ashgrove',
  'Willow Tree',
  'Orchard',
  'Church Lane',
] as const;

export const PRACTICE_NAME_SUFFIXES = [
  'Medical Practice',
  'Surgery',
  'Health Centre',
  'Family Practice',
] as const;

/** Titles of learning an organisation shared (a commitment: willingness to share with other providers). */
export const LEARNING_TITLES = [
  'What we learnt co-designing with patients',
  'Starting from a blank canvas',
  'Our first PDSA cycles',
  'Measuring reliability and experience',
  'Scaling up across the organisation',
] as const;
