import { Matches, ValidationOptions } from 'class-validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PSEUDONYM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** A unit's local code (e.g. `ward-7`, `RV3-ATU`): the trust's own identifier for a ward, team or service. */
export const IsUnitId = (options?: ValidationOptions): PropertyDecorator =>
  Matches(CODE, {
    message: (args) => `${args.property} must be a unit code: 1 to 64 of A-Z a-z 0-9 . _ -`,
    ...options,
  });

/**
 * A co-design member's pseudonym (e.g. `P-017`). No spaces or `@`, so a full
 * name or an e-mail address is refused at the door: the log is immutable and
 * stores no patient-identifiable data.
 */
export const IsPseudonymousId = (options?: ValidationOptions): PropertyDecorator =>
  Matches(PSEUDONYM, {
    message: (args) =>
      `${args.property} must be a pseudonymous id, never a name: 1 to 40 of A-Z a-z 0-9 . _ -`,
    ...options,
  });
