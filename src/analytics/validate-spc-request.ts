/**
 * validateSpcRequest(): every "bad input" rule of the SPC endpoint, each error
 * naming its field. On success it returns a clean copy holding only known fields.
 */
import { PARAMETER_DOMAINS, SpcParameterName, SpcParameterOverrides } from './spc-parameters';
import {
  CHART_TYPES,
  ChartType,
  IMPROVEMENT_DIRECTIONS,
  ImprovementDirection,
  PROFILE_NAMES,
  ProfileName,
  SpcRequest,
} from './spc-types';
import { checkPhaseBaselines, checkValueRange } from './validate-phase-options';
import { checkPoints } from './validate-points';
import {
  checkNumber,
  checkUnknownKeys,
  isRecord,
  SpcValidation,
  SpcValidationIssue,
} from './validation-errors';

export const REQUEST_FIELDS = [
  'chart',
  'profile',
  'points',
  'improvementDirection',
  'target',
  'baselinePoints',
  'recalculateAt',
  'exclude',
  'multiply',
  'overrides',
  'phaseBaselinePoints',
  'valueRange',
] as const;

/** A response lists every error, but a series of 100,000 bad points is told in its first hundred. */
const MAX_ISSUES = 100;

function checkEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  rule: string,
  issues: SpcValidationIssue[],
): T | null {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push({
    field,
    rule: value === undefined ? 'required' : rule,
    message: `${field} must be one of ${allowed.join(', ')}`,
  });
  return null;
}

function checkPointNumbers(
  raw: unknown,
  field: string,
  min: number,
  count: number,
  issues: SpcValidationIssue[],
): number[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push({ field, rule: 'type', message: `${field} must be an array of point numbers` });
    return [];
  }
  const numbers: number[] = [];
  raw.forEach((n, i) => {
    const at = `${field}/${i}`;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      issues.push({ field: at, rule: 'integer', message: `${at} must be a whole point number` });
    } else if (n < min || n > count) {
      issues.push({ field: at, rule: 'out-of-range', message: `${at} must be between ${min} and ${count}` });
    } else if (numbers.length > 0 && n <= numbers[numbers.length - 1]) {
      issues.push({ field: at, rule: 'not-increasing', message: `${field} must be strictly increasing` });
    } else {
      numbers.push(n);
    }
  });
  return numbers;
}

function checkOverrides(raw: unknown, issues: SpcValidationIssue[]): SpcParameterOverrides {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) {
    issues.push({ field: 'overrides', rule: 'type', message: 'overrides must be an object' });
    return {};
  }
  const overrides: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const field = `overrides/${name}`;
    const domain = PARAMETER_DOMAINS[name as SpcParameterName];
    if (domain === undefined) {
      issues.push({ field, rule: 'unknown-parameter', message: `${name} is not an SPC parameter` });
    } else if (domain.kind === 'enum') {
      if (checkEnum(value, domain.values, field, 'enum', issues) !== null) overrides[name] = value;
    } else if (domain.kind === 'boolean') {
      if (typeof value === 'boolean') overrides[name] = value;
      else issues.push({ field, rule: 'type', message: `${field} must be true or false` });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push({ field, rule: 'integer', message: `${field} must be a whole number` });
    } else if (value < domain.min) {
      issues.push({ field, rule: 'out-of-range', message: `${field} must be at least ${domain.min}` });
    } else {
      overrides[name] = value;
    }
  }
  return overrides as SpcParameterOverrides;
}

export function validateSpcRequest(input: unknown): SpcValidation<SpcRequest> {
  const issues: SpcValidationIssue[] = [];
  if (!isRecord(input)) {
    return { ok: false, errors: [{ field: '', rule: 'type', message: 'the request must be a JSON object' }] };
  }
  checkUnknownKeys(input, REQUEST_FIELDS, '', issues);
  const chart = checkEnum<ChartType>(input.chart, CHART_TYPES, 'chart', 'unknown-chart', issues);
  const profile = checkEnum<ProfileName>(input.profile, PROFILE_NAMES, 'profile', 'unknown-profile', issues);
  const points = checkPoints(input.points, chart, issues);
  const count = Array.isArray(input.points) ? input.points.length : 0;
  const direction =
    input.improvementDirection === undefined || input.improvementDirection === null
      ? 'neither'
      : checkEnum<ImprovementDirection>(
          input.improvementDirection,
          IMPROVEMENT_DIRECTIONS,
          'improvementDirection',
          'enum',
          issues,
        );
  const target = checkNumber(input.target, 'target', issues);
  const multiply = checkNumber(input.multiply, 'multiply', issues);
  if (typeof multiply === 'number' && multiply <= 0) {
    issues.push({ field: 'multiply', rule: 'not-positive', message: 'multiply must be greater than 0' });
  }
  const baseline = input.baselinePoints;
  if (baseline !== undefined && baseline !== null) {
    if (typeof baseline !== 'number' || !Number.isInteger(baseline)) {
      issues.push({
        field: 'baselinePoints',
        rule: 'integer',
        message: 'baselinePoints must be a whole number',
      });
    } else if (baseline < 1 || baseline > count) {
      issues.push({
        field: 'baselinePoints',
        rule: 'out-of-range',
        message: `baselinePoints must be 1 to ${count}`,
      });
    }
  }
  const recalculateAt = checkPointNumbers(input.recalculateAt, 'recalculateAt', 2, count, issues);
  const exclude = checkPointNumbers(input.exclude, 'exclude', 1, count, issues);
  const overrides = checkOverrides(input.overrides, issues);
  const phaseBaselinePoints = checkPhaseBaselines(
    input.phaseBaselinePoints,
    baseline,
    count,
    recalculateAt,
    issues,
  );
  const valueRange = checkValueRange(input.valueRange, issues);
  if (issues.length > 0) {
    const errors = issues.slice(0, MAX_ISSUES);
    if (issues.length > MAX_ISSUES) {
      errors.push({
        field: '',
        rule: 'too-many-errors',
        message: `${issues.length - MAX_ISSUES} more errors not listed`,
      });
    }
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      chart: chart as ChartType,
      profile: profile as ProfileName,
      points,
      improvementDirection: direction as ImprovementDirection,
      target: target as number | null,
      baselinePoints: (baseline as number | null | undefined) ?? null,
      recalculateAt,
      exclude,
      multiply: (multiply as number | null) ?? 1,
      overrides,
      ...(phaseBaselinePoints ? { phaseBaselinePoints } : {}),
      ...(valueRange ? { valueRange } : {}),
    },
  };
}
