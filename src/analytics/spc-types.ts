/**
 * The request and response of the SPC engine, in the exact shapes of
 * `POST /v1/analytics/spc`. Undefined numbers are `null`, never NaN, so a
 * result serialises to JSON unchanged.
 */
import type { SpcParameterOverrides, SpcParameters } from './spc-parameters';

export const CHART_TYPES = ['run', 'xmr', 'p', 'pprime', 'u', 'c'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const PROFILE_NAMES = ['mdc', 'mdc-sql', 'ptd', 'ihi', 'qic'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const IMPROVEMENT_DIRECTIONS = ['increase', 'decrease', 'neither'] as const;
export type ImprovementDirection = (typeof IMPROVEMENT_DIRECTIONS)[number];

/** The order in which a point's rules are listed. */
export const RULE_NAMES = ['outside-limits', 'shift', 'trend', 'two-of-three', 'runs'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export type Variation = 'improvement' | 'concern' | 'neither' | 'common-cause';

export type VariationIcon =
  | 'improvement-high'
  | 'improvement-low'
  | 'concern-high'
  | 'concern-low'
  | 'neither-high'
  | 'neither-low'
  | 'common-cause';

export type AssuranceIcon = 'pass' | 'fail' | 'hit-or-miss';

/** One period: either a `value`, or a `numerator` over a `denominator`. */
export interface SpcInputPoint {
  date?: string | null;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface SpcRequest {
  chart: ChartType;
  profile: ProfileName;
  points: SpcInputPoint[];
  improvementDirection?: ImprovementDirection;
  target?: number | null;
  /** Fix the centre line and limits after this many points ("baseline", "freeze"). */
  baselinePoints?: number | null;
  /** 1-based point numbers that each start a new phase (recalculation, rebase, part). */
  recalculateAt?: number[];
  /** 1-based point numbers left out of the calculations. */
  exclude?: number[];
  /** Scale applied to values, centre lines and limits after the calculation (e.g. 100 for %). */
  multiply?: number | null;
  overrides?: SpcParameterOverrides;
  /**
   * Each phase's own baseline, in phase order: its lines are fixed after that
   * many points (null: computed from the whole phase). Recorded decisions say
   * which phase each baseline belongs to, so the profile's policy for one
   * baseline with recalculations does not apply. Not with `baselinePoints`.
   */
  phaseBaselinePoints?: Array<number | null> | null;
  /**
   * The values the series can take, in plotted units (after `multiply`), e.g.
   * 0 and 100 for a percentage: limits and two-sigma lines beyond them are
   * reported at the edge. Rules and icons use the lines as calculated (no value
   * can lie beyond the range, so no signal changes); a warning gives those values.
   */
  valueRange?: { lower: number | null; upper: number | null } | null;
}

export interface SpcPointResult {
  n: number;
  date: string | null;
  y: number | null;
  centre: number | null;
  lower: number | null;
  upper: number | null;
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
  movingRange: number | null;
  excluded: boolean;
  phase: number;
  rules: RuleName[];
  variation: Variation;
}

/** Runs analysis of one phase: Anhøj statistics and Perla Table 1 limits. */
export interface PhaseRunsResult {
  usefulObservations: number;
  longestRun: number | null;
  longestRunLimit: number | null;
  crossings: number | null;
  crossingsLimit: number | null;
  runs: number | null;
  runsLowerLimit: number | null;
  runsUpperLimit: number | null;
  /** Result of the profile's runs test; null when the profile has none or it cannot be evaluated. */
  signal: boolean | null;
}

export interface SpcWarning {
  code: string;
  message: string;
}

/** Every parameter the engine used: the profile's, the overrides, and the request's own. */
export interface SpcParametersUsed extends SpcParameters {
  improvementDirection: ImprovementDirection;
  target: number | null;
  baselinePoints: number | null;
  recalculateAt: number[];
  exclude: number[];
  multiply: number;
  /** Present only when the request gave phase baselines. */
  phaseBaselinePoints?: Array<number | null>;
  /** Present only when the request gave a value range. */
  valueRange?: { lower: number | null; upper: number | null };
}

export interface SpcResult {
  chart: ChartType;
  profile: ProfileName;
  parameters: SpcParametersUsed;
  points: SpcPointResult[];
  /** MR̄ behind the latest phase's limits (XmR charts only; after screening, times `multiply`). */
  averageMovingRange: number | null;
  runs: PhaseRunsResult[];
  icons: { variation: VariationIcon | null; assurance: AssuranceIcon | null };
  warnings: SpcWarning[];
}
