/**
 * Checks the points of a request: each is a value or a numerator over a
 * denominator, never both and never a mixture across the series; counts are
 * non-negative; a proportion's numerator never exceeds its denominator.
 */
import type { ChartType, SpcInputPoint } from './spc-types';
import { checkNumber, checkUnknownKeys, isRecord, SpcValidationIssue } from './validation-errors';

export const MAX_POINTS = 100_000;

export const POINT_FIELDS = ['date', 'value', 'numerator', 'denominator'] as const;
const RATIO_CHARTS: readonly ChartType[] = ['p', 'pprime', 'u'];
/** A U chart's count may exceed its exposure (e.g. 12 falls in 10 bed-days); a proportion's may not. */
const PROPORTION_CHARTS: readonly ChartType[] = ['run', 'xmr', 'p', 'pprime'];

type Kind = 'value' | 'ratio';

function checkPoint(
  raw: unknown,
  i: number,
  chart: ChartType | null,
  issues: SpcValidationIssue[],
): { point: SpcInputPoint; kind: Kind | null } | null {
  const at = `points/${i}`;
  if (!isRecord(raw)) {
    issues.push({ field: at, rule: 'type', message: `${at} must be an object` });
    return null;
  }
  checkUnknownKeys(raw, POINT_FIELDS, at, issues);
  const before = issues.length;
  if (raw.date !== undefined && raw.date !== null && typeof raw.date !== 'string') {
    issues.push({ field: `${at}/date`, rule: 'type', message: `${at}/date must be a string` });
  }
  // A chart is computed many times over (proposals, simulations): the field's name is spelt only for an issue.
  const number = (name: 'value' | 'numerator' | 'denominator') => {
    const given = raw[name];
    if (given === undefined || given === null) return null;
    if (typeof given === 'number' && Number.isFinite(given)) return given;
    return checkNumber(given, `${at}/${name}`, issues);
  };
  const checked = [number('value'), number('numerator'), number('denominator')];
  if (issues.length > before) return null;
  const [value, numerator, denominator] = checked as Array<number | null>;
  const hasValue = value !== null;
  const hasRatio = numerator !== null || denominator !== null;
  if (hasValue && hasRatio) {
    issues.push({ field: at, rule: 'mixed-value-and-ratio', message: `${at} has both a value and a ratio` });
    return null;
  }
  const kind: Kind | null = hasValue ? 'value' : hasRatio ? 'ratio' : null;
  const negative = (field: string) =>
    issues.push({
      field: `${at}/${field}`,
      rule: 'negative',
      message: `${at}/${field} is a count: not below 0`,
    });
  if (kind === 'ratio') {
    if (numerator === null)
      issues.push({ field: `${at}/numerator`, rule: 'required', message: 'needed with a denominator' });
    if (denominator === null)
      issues.push({ field: `${at}/denominator`, rule: 'required', message: 'needed with a numerator' });
    if (numerator === null || denominator === null) return null;
    if (numerator < 0) negative('numerator');
    if (denominator < 0) negative('denominator');
    if (denominator === 0 && numerator > 0) {
      issues.push({
        field: `${at}/denominator`,
        rule: 'numerator-over-zero-denominator',
        message: `${at} has a positive numerator over a zero denominator`,
      });
    }
    if (chart !== null && PROPORTION_CHARTS.includes(chart) && numerator > denominator && denominator > 0) {
      issues.push({
        field: `${at}/numerator`,
        rule: 'numerator-exceeds-denominator',
        message: `${at}/numerator is larger than its denominator`,
      });
    }
  }
  if (kind === 'value' && chart === 'c' && (value ?? 0) < 0) negative('value');
  const point: SpcInputPoint = {};
  if (typeof raw.date === 'string') point.date = raw.date;
  if (kind === 'value') point.value = value;
  if (kind === 'ratio') Object.assign(point, { numerator, denominator });
  return { point, kind };
}

export function checkPoints(
  raw: unknown,
  chart: ChartType | null,
  issues: SpcValidationIssue[],
): SpcInputPoint[] {
  if (!Array.isArray(raw)) {
    issues.push({
      field: 'points',
      rule: raw === undefined ? 'required' : 'type',
      message: 'points must be an array',
    });
    return [];
  }
  if (raw.length === 0) issues.push({ field: 'points', rule: 'empty', message: 'points must not be empty' });
  if (raw.length > MAX_POINTS) {
    issues.push({ field: 'points', rule: 'too-many-points', message: `at most ${MAX_POINTS} points` });
    return [];
  }
  const points: SpcInputPoint[] = [];
  let seriesKind: Kind | null = null;
  raw.forEach((item, i) => {
    const checked = checkPoint(item, i, chart, issues);
    if (checked === null) return;
    points.push(checked.point);
    const { kind } = checked;
    if (kind === null) return;
    seriesKind ??= kind;
    const field = `points/${i}`;
    if (kind !== seriesKind) {
      issues.push({
        field,
        rule: 'mixed-value-and-ratio',
        message: `${field} mixes values with ratios in one series`,
      });
    } else if (kind === 'value' && chart !== null && RATIO_CHARTS.includes(chart)) {
      issues.push({
        field: `${field}/value`,
        rule: 'ratio-required',
        message: `a ${chart} chart needs numerator and denominator`,
      });
    } else if (kind === 'ratio' && chart === 'c') {
      issues.push({
        field: `${field}/numerator`,
        rule: 'value-required',
        message: 'a c chart takes counts as value',
      });
    }
  });
  return points;
}
