import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { integer } from './env-transforms';

/**
 * A whole-number setting between `min` and `max`, refused with one message
 * that says both what it must be and the range (not three, as IsInt, Min and
 * Max would give for one bad value).
 */
export function IntegerSetting(min: number, max: number, unit = ''): PropertyDecorator {
  const transform = Transform(integer);
  const validate = ValidateBy({
    name: 'integerSetting',
    validator: {
      validate: (value: unknown) =>
        Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: (args) =>
        `${args?.property} must be a whole number from ${min} to ${max}${unit ? ` (${unit})` : ''}`,
    },
  });
  return (target, property) => {
    transform(target, property);
    validate(target, property);
  };
}
