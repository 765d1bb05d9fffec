import { HttpStatus } from '@nestjs/common';

/** One broken rule on one field of a request. */
export interface FieldProblem {
  /** Dotted path into the body (e.g. `aim.targetPct`), or the header/query name. */
  field: string;
  /** Stable kebab-case name of the rule (e.g. `max-length`, `unknown-field`, `numerator-exceeds-denominator`). */
  rule: string;
  message: string;
}

/** An RFC 9457 problem details body, plus our extensions. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  /** The domain rule broken (409/422), when there is one. */
  rule?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Problem types are URNs: stable identifiers that do not pretend to be web pages. */
export const problemType = (slug: string): string => `urn:always-events:problem:${slug}`;

/**
 * Thrown anywhere in the HTTP or command layers to answer with a specific
 * problem; the ProblemDetailsFilter renders it as application/problem+json.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Partial<ProblemBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  body(): ProblemBody {
    return {
      type: problemType(this.slug),
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...this.extensions,
    };
  }
}

export function validationProblem(errors: FieldProblem[], detail?: string): ProblemException {
  return new ProblemException(
    HttpStatus.BAD_REQUEST,
    'validation-error',
    'The request is not valid',
    detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { errors },
  );
}
