/**
 * How a broken rule is reported to the caller:
 * - `conflict`: the command does not fit the aggregate's current state (HTTP 409);
 * - `invalid`: the command's content breaks a rule whatever the state (HTTP 422).
 */
export type DomainErrorKind = 'conflict' | 'invalid';

/** A command refused by a decider. `rule` is a stable kebab-case name clients can match on. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly rule: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** The command field the rule is about, when there is one (dotted path). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Throws a DomainError unless the condition holds. */
export function ensure(
  condition: unknown,
  rule: string,
  message: string,
  kind: DomainErrorKind = 'conflict',
  field?: string,
): asserts condition {
  if (!condition) throw new DomainError(rule, message, kind, field);
}
