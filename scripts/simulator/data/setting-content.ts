import type { CareSetting } from '../../../src/domain/always-event';
import type { OrganisationType } from '../../../src/domain/organisation';
import { COMMUNITY_SETTINGS } from './setting-content-community';
import { HOSPITAL_SETTINGS } from './setting-content-hospital';

/** A measure's wording; the numbers come from the measurement model. */
export interface MeasureWording {
  name: string;
  definition: string;
  numerator: string;
  denominator: string;
}

/**
 * One Always Event a team might co-design: the theme heard, the vision in the
 * patient's words and the measures. Wording is modelled on the published
 * examples and topics (docs/architecture/improvement-method.md: flexible visiting, communication
 * at discharge, involvement in care planning, support moving on in care);
 * these statements are illustrative, not any real team's.
 */
export interface StatementContent {
  theme: string;
  heard: string;
  vision: string;
  /** The aim's behaviour or outcome, completing "<population> ..." */
  behaviour: string;
  outcome: MeasureWording;
  process: MeasureWording;
  changeIdeas: readonly string[];
}

export interface SettingContent {
  /** Wards, teams or services a unit of this setting may be. */
  units: readonly string[];
  /** Who the Always Event is for; `{unit}` is the unit's name. */
  population: string;
  /** Who carries out PDSA tests in this setting (roles, never names). */
  testers: readonly string[];
  statements: readonly StatementContent[];
}

export const SETTING_CONTENT: Readonly<Partial<Record<CareSetting, SettingContent>>> = {
  ...HOSPITAL_SETTINGS,
  ...COMMUNITY_SETTINGS,
};

/** Which settings an organisation runs Always Events in, by its register type (weights). */
export const SETTINGS_BY_TYPE: Readonly<
  Partial<Record<OrganisationType, ReadonlyArray<readonly [CareSetting, number]>>>
> = {
  AcuteTrust: [
    ['AcuteInpatient', 35],
    ['Maternity', 20],
    ['Outpatients', 20],
    ['Children', 15],
  ],
  MentalHealthTrust: [
    ['MentalHealth', 50],
    ['LearningDisability', 20],
    ['SecureMentalHealth', 15],
    ['Children', 10],
  ],
  CommunityTrust: [
    ['CommunityNursing', 55],
    ['Children', 20],
    ['LearningDisability', 15],
  ],
  GPPractice: [['PrimaryCare', 1]],
};

/** Trusts whose name does not say what they run (the register's `Unknown`) run a bit of everything. */
export const MIXED_SETTINGS: ReadonlyArray<readonly [CareSetting, number]> = [
  ['AcuteInpatient', 20],
  ['CommunityNursing', 20],
  ['MentalHealth', 15],
  ['Maternity', 10],
  ['Outpatients', 10],
  ['Children', 10],
  ['LearningDisability', 10],
  ['SecureMentalHealth', 5],
];

/** Balancing measures: checks that the change costs nothing elsewhere (docs/architecture/improvement-method.md, "Measures"). */
export const BALANCING_MEASURES: readonly MeasureWording[] = [
  {
    name: 'Shifts where the change delayed other care',
    definition: 'Nurse in charge records at handover whether the change delayed planned care',
    numerator: 'Shifts reporting a delay',
    denominator: 'Shifts audited',
  },
  {
    name: 'Staff reporting the change adds pressure',
    definition: 'Monthly pulse question to staff on the unit',
    numerator: 'Staff answering yes',
    denominator: 'Staff answering',
  },
  {
    name: 'Concerns raised about the new way of working',
    definition: 'Concerns logged by patients, families or staff about the change',
    numerator: 'Contacts that were concerns about the change',
    denominator: 'Contacts logged about the unit',
  },
];
