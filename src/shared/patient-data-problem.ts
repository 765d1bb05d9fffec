import { HttpStatus } from '@nestjs/common';
import { PATTERN_DESCRIPTIONS } from '../privacy/patient-data-guard';
import type { ScreeningFinding, ScreeningRule } from '../privacy/screening';
import { ProblemException } from './problem';

const DESCRIPTIONS: Record<ScreeningRule, string> = {
  ...PATTERN_DESCRIPTIONS,
  unscreenable: 'something that could not be screened',
};

/**
 * The 422 for patient-identifiable data, the same wherever it was found (a
 * body field, a header, the path): it names the place and the pattern, never
 * the value. `withInstance: false` leaves the request path out, for when the
 * path itself was refused.
 */
export function patientDataProblem(findings: ScreeningFinding[], withInstance = true): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'patient-identifiable-data',
    'Patient-identifiable data refused',
    'The event log is immutable and must never hold patient-identifiable data; nothing was written. Remove it and send again.',
    {
      ...(withInstance ? {} : { instance: undefined }),
      errors: findings.map((f) => ({
        field: f.field,
        rule: f.rule,
        message: `${f.field} contains what looks like ${DESCRIPTIONS[f.rule]}`,
      })),
    },
  );
}
