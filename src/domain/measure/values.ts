/** The family of measures (docs/architecture/improvement-method.md, "Measures"): outcome, process, balancing. */
export const MEASURE_ROLES = ['Outcome', 'Process', 'Balancing'] as const;
export type MeasureRole = (typeof MEASURE_ROLES)[number];

export const IMPROVEMENT_DIRECTIONS = ['increase', 'decrease'] as const;
export type ImprovementDirection = (typeof IMPROVEMENT_DIRECTIONS)[number];

export const DATA_SOURCES = [
  'PatientSurvey',
  'Audit',
  'Observation',
  'RecordReview',
  'Log',
  'Other',
] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** The CAHPS frequency scale Picker referenced, or a yes/no question. */
export const RESPONSE_SCALES = ['NeverSometimesUsuallyAlways', 'YesNo'] as const;
export type ResponseScale = (typeof RESPONSE_SCALES)[number];

export const RESPONSE_CATEGORIES = ['Always', 'Usually', 'Sometimes', 'Never'] as const;
export type ResponseCategory = (typeof RESPONSE_CATEGORIES)[number];

/** Aggregate answers on the Never/Sometimes/Usually/Always scale for one period: counts, never people. */
export interface CategoryCounts {
  always: number;
  usually: number;
  sometimes: number;
  never: number;
}

export const categoryKey = (category: ResponseCategory): keyof CategoryCounts =>
  category.toLowerCase() as keyof CategoryCounts;

/** One period's value for one unit as recorded (or as corrected). */
export interface MeasuredValue {
  numerator: number;
  denominator: number;
  categoryCounts: CategoryCounts | null;
}

/** What a definition revision may change; frequency, scale and direction stay, so a series stays one series. */
export interface MeasureDefinitionText {
  name: string;
  operationalDefinition: string;
  numeratorDefinition: string;
  denominatorDefinition: string;
  dataSource: DataSource;
  targetPct: number;
}

/** A definition version and the first period it applies to (null: from the start). */
export interface DefinitionPhase {
  definitionVersion: number;
  effectiveFromPeriod: string | null;
  targetPct: number;
}

/** The Always Event a measure belongs to, as the application folded it for a rule. */
export interface AlwaysEventForMeasure {
  programmeSlug: string;
  odsCode: string;
  initiatedAt: string;
  /** The home unit first, then every scale-up unit. */
  unitIds: string[];
  closed: boolean;
}
