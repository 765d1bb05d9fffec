/** Validation errors name the field as a JSON-pointer-like path, e.g. `points/3/denominator`. */
export interface SpcValidationIssue {
  field: string;
  rule: string;
  message: string;
}

export type SpcValidation<T> = { ok: true; value: T } | { ok: false; errors: SpcValidationIssue[] };

export class SpcValidationError extends Error {
  constructor(readonly errors: SpcValidationIssue[]) {
    super(`Invalid SPC request: ${errors.map((e) => `${e.field || '(body)'} ${e.rule}`).join('; ')}`);
    this.name = 'SpcValidationError';
  }
}

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A finite number, or an issue saying why not; `undefined`/`null` pass as absent. */
export function checkNumber(
  value: unknown,
  field: string,
  issues: SpcValidationIssue[],
): number | null | 'invalid' {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number') {
    issues.push({ field, rule: 'type', message: `${field} must be a number` });
    return 'invalid';
  }
  if (!Number.isFinite(value)) {
    issues.push({ field, rule: 'not-finite', message: `${field} must be a finite number` });
    return 'invalid';
  }
  return value;
}

export function checkUnknownKeys(
  record: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  issues: SpcValidationIssue[],
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      const field = prefix === '' ? key : `${prefix}/${key}`;
      issues.push({ field, rule: 'unknown-field', message: `${field} is not a known field` });
    }
  }
}
