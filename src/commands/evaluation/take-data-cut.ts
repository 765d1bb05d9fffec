import { IsOptional, IsUUID, ValidateBy } from 'class-validator';
import type { CommandContext } from '../../domain/shared';
import { endOfDayIfDate } from '../../shared/bounds';
import { isIsoDate, isIsoDateTime } from '../../shared/validation/validators';
import { EvaluationCommandDto } from './evaluation.dtos';

const IsDateOrDateTime = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDateOrDateTime',
    validator: {
      validate: (value: unknown) => isIsoDate(value) || isIsoDateTime(value),
      defaultMessage: (args) =>
        `${args?.property} must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone`,
    },
  });

export class TakeDataCutDto extends EvaluationCommandDto {
  @IsUUID()
  dataCutId!: string;

  /** Business time: facts that occurred on or before (a date means the end of that day). */
  @IsDateOrDateTime()
  asOf!: string;

  /** Knowledge time: what was recorded by then (default: now). */
  @IsOptional()
  @IsDateOrDateTime()
  asKnownAt?: string;
}

/** A bound no later than now: a cut taken today of "today" is fixed at the moment it is taken. */
const notAfter = (bound: string, now: string): string =>
  Date.parse(bound) > Date.parse(now) ? now : new Date(bound).toISOString();

/** The bounds a TakeDataCut body names, as instants no later than now (a date means the end of that day). */
export function requestedCutBounds(
  dto: TakeDataCutDto,
  { now }: CommandContext,
): { asOf: string; asKnownAt: string } {
  return {
    asOf: notAfter(endOfDayIfDate(dto.asOf), now),
    asKnownAt: notAfter(dto.asKnownAt === undefined ? now : endOfDayIfDate(dto.asKnownAt), now),
  };
}
