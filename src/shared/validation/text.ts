import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * Free text with a length limit, so nothing unbounded reaches the immutable
 * log. Empty text is refused unless `allowEmpty` says a domain rule names
 * the gap itself.
 */
export function IsText(maxLength: number, options: { allowEmpty?: boolean } = {}): PropertyDecorator {
  const decorators = [IsString(), MaxLength(maxLength)];
  if (!options.allowEmpty) decorators.push(IsNotEmpty());
  return applyDecorators(...decorators);
}

/** A bounded list of bounded, non-empty texts (questions, predictions, ...). */
export function IsTextList(maxItems: number, maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
    IsNotEmpty({ each: true }),
  );
}
