import { plainToInstance } from 'class-transformer';
import { validate, validateSync, ValidationError } from 'class-validator';
import { FieldProblem, validationProblem } from '../problem';
import { valueShapeViolation } from './json-limits';
import { hasAsyncConstraints, memoiseValidationMetadata } from '../validation-metadata-memo';
import { textHygieneProblems } from './text-hygiene-problems';

memoiseValidationMetadata();

/** `maxLength` → `max-length`; unknown properties get a name of their own. */
function ruleName(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'unknown-field';
  if (constraint === 'nestedValidation') return 'nested-object';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A message about `property` names it by its whole path (`evidence.dataCutIds`). */
const withPath = (message: string, property: string, field: string): string =>
  property === field ? message : message.replace(new RegExp(`\\b${property}\\b`), field);

/**
 * One problem per field: of the rules it breaks, the first declared (that it
 * is there, its type), which the others build on, so a missing array is not
 * also told it has too many items, or items that are not UUIDs.
 */
export function fieldProblems(
  errors: ValidationError[],
  parent = '',
  unknown = 'a field of this command',
): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {})
      .slice(-1)
      .map(([constraint, message]) => ({
        field,
        rule: ruleName(constraint),
        message:
          constraint === 'whitelistValidation'
            ? `${field} is not ${unknown}`
            : withPath(message, error.property, field),
      }));
    return [...own, ...fieldProblems(error.children ?? [], field, unknown)];
  });
}

/**
 * Turns a request body into a validated DTO instance, or throws a 400 problem
 * listing every field and rule broken. Unknown fields are refused, not dropped,
 * so a caller's typo never silently loses data. The body's shape is checked
 * first (class-transformer recurses), and every string of the result meets
 * the text hygiene rules, whatever decorators its field declares.
 */
export async function validateDto<T extends object>(
  type: new () => T,
  body: unknown,
  /** What an unknown field is not: a query names its parameters. */
  unknown = 'a field of this command',
): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationProblem([
      { field: '(body)', rule: 'is-object', message: 'The body must be a JSON object' },
    ]);
  }
  const shape = valueShapeViolation(body);
  if (shape) throw validationProblem([shape]);
  const dto = plainToInstance(type, body, { enableImplicitConversion: false, exposeDefaultValues: true });
  const options = {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  };
  const errors = hasAsyncConstraints() ? await validate(dto, options) : validateSync(dto, options);
  const problems = [...textHygieneProblems(dto), ...fieldProblems(errors, '', unknown)];
  if (problems.length > 0) throw validationProblem(problems);
  return dto;
}
