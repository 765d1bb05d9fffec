/** The pure analytics engine: run charts and SPC (see README.md in this folder). */
export { computeChart } from './compute-chart';
export { validateSpcRequest } from './validate-spc-request';
export { SpcValidationError } from './validation-errors';
export type { SpcValidation, SpcValidationIssue } from './validation-errors';
export { PROFILES } from './profiles';
export type { SpcProfile } from './profiles';
export { resolveParameters } from './resolve-parameters';
export { PARAMETER_DOMAINS, PARAMETER_NAMES } from './spc-parameters';
export type { SpcParameterName, SpcParameterOverrides, SpcParameters } from './spc-parameters';
export { MAX_POINTS } from './validate-points';
export * from './spc-types';
export { longestRunLimit, crossingsLimit } from './anhoej-limits';
export { perlaRunsLimits } from './perla-runs-table';
export { decideAimAchieved } from './aim-achieved';
export type { AimDecision, AimRuleInput } from './aim-achieved';
export { measureChartInput } from './measure-chart-input';
export type {
  MeasureAnnotation,
  MeasureChartOptions,
  MeasurePeriod,
  MeasureSeries,
} from './measure-chart-input';
export { proposeRecalculations, recalculationRule } from './recalculation-proposals';
export type {
  RecalculationProposal,
  RecalculationProposals,
  RecalculationRule,
} from './recalculation-proposals';
