/**
 * The request fields that recorded decisions add: each phase's own baseline
 * and the range the values can take. Both are optional and new; a request
 * without them is checked and computed exactly as before.
 */
import { checkNumber, checkUnknownKeys, isRecord, SpcValidationIssue } from './validation-errors';

/** Points in each phase, from the phase starts the request names. */
function phaseLengths(count: number, recalculateAt: readonly number[]): number[] {
  const starts = [1, ...recalculateAt, count + 1];
  return starts.slice(0, -1).map((start, i) => starts[i + 1] - start);
}

export function checkPhaseBaselines(
  raw: unknown,
  baselinePoints: unknown,
  count: number,
  recalculateAt: readonly number[],
  issues: SpcValidationIssue[],
): Array<number | null> | null {
  if (raw === undefined || raw === null) return null;
  const field = 'phaseBaselinePoints';
  if (!Array.isArray(raw)) {
    issues.push({ field, rule: 'type', message: `${field} must be an array, one entry per phase` });
    return null;
  }
  if (baselinePoints !== undefined && baselinePoints !== null) {
    issues.push({
      field,
      rule: 'exclusive-with-baselinePoints',
      message: 'Give baselinePoints (one baseline) or phaseBaselinePoints (one per phase), not both',
    });
    return null;
  }
  const lengths = phaseLengths(count, recalculateAt);
  if (raw.length > lengths.length) {
    issues.push({
      field,
      rule: 'more-than-phases',
      message: `${field} has ${raw.length} entries; recalculateAt makes ${lengths.length} phases`,
    });
    return null;
  }
  const valid = raw.map((n: unknown, i) => {
    const at = `${field}/${i}`;
    if (n === null) return null;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      issues.push({ field: at, rule: 'integer', message: `${at} must be a whole number of points or null` });
    } else if (n < 1 || n > lengths[i]) {
      issues.push({ field: at, rule: 'out-of-range', message: `${at} must be 1 to ${lengths[i]}` });
    }
    return typeof n === 'number' ? n : null;
  });
  return valid;
}

export function checkValueRange(
  raw: unknown,
  issues: SpcValidationIssue[],
): { lower: number | null; upper: number | null } | null {
  if (raw === undefined || raw === null) return null;
  const field = 'valueRange';
  if (!isRecord(raw)) {
    issues.push({ field, rule: 'type', message: `${field} must be an object with lower and upper` });
    return null;
  }
  checkUnknownKeys(raw, ['lower', 'upper'], field, issues);
  const lower = checkNumber(raw.lower, `${field}/lower`, issues);
  const upper = checkNumber(raw.upper, `${field}/upper`, issues);
  if (lower === 'invalid' || upper === 'invalid') return null;
  if (lower !== null && upper !== null && lower >= upper) {
    issues.push({ field, rule: 'empty-range', message: `${field}/lower must be below ${field}/upper` });
  }
  return { lower, upper };
}
