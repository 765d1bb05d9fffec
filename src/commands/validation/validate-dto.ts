import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldProblem, validationProblem } from '../../http/problem';
import { valueShapeViolation } from '../../security/json-limits';
import { textHygieneProblems } from './text-hygiene-problems';

/** `maxLength` → `max-length`; unknown properties get a name of their own. */
function ruleName(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'unknown-field';
  if (constraint === 'nestedValidation') return 'nested-object';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      rule: ruleName(constraint),
      message: constraint === 'whitelistValidation' ? `${field} is not a field of this command` : message,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Turns a request body into a validated DTO instance, or throws a 400 problem
 * listing every field and rule broken. Unknown fields are refused, not dropped,
 * so a caller's typo never silently loses data. The body's shape is checked
 * first (class-transformer recurses), and every string of the result meets
 * the text hygiene rules, whatever decorators its field declares.
 */
export async function validateDto<T extends object>(type: new () => T, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationProblem([
      { field: '(body)', rule: 'is-object', message: 'The body must be a JSON object' },
    ]);
  }
  const shape = valueShapeViolation(body);
  if (shape) throw validationProblem([shape]);
  const dto = plainToInstance(type, body, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const problems = [...textHygieneProblems(dto), ...fieldProblems(errors)];
  if (problems.length > 0) throw validationProblem(problems);
  return dto;
}
