import { IsOptional, IsUUID, ValidateBy } from 'class-validator';
import {
  evaluationDecider,
  EvaluationEvent,
  EvaluationState,
  evaluationStreamId,
  TakeDataCut,
} from '../../domain/evaluation';
import { endOfDayIfDate } from '../../history/bounds';
import { ReadModelChecksums } from '../../history/data-cut-checksums';
import { defineCommand } from '../command-definition';
import { isIsoDate, isIsoDateTime } from '../validation/validators';
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

/**
 * TakeDataCut: the caller names the bounds; the service folds every read
 * model inside them and records the global position, projection versions and
 * checksums, so the cut can be verified (GET /v1/evaluation/data-cuts/{id}/verify).
 */
export const takeDataCut = defineCommand<
  TakeDataCutDto,
  TakeDataCut,
  EvaluationState,
  ReadModelChecksums & { asOf: string; asKnownAt: string },
  EvaluationEvent
>({
  name: 'TakeDataCut',
  summary:
    'Take a reproducible data cut: bounds, read-model versions and SHA-256 checksums, fixed in the evaluation',
  dto: TakeDataCutDto,
  decider: evaluationDecider,
  streamId: (dto) => evaluationStreamId(dto.evaluationId),
  facts: async (dto, lookups, context) => {
    const asOf = notAfter(endOfDayIfDate(dto.asOf), context.now);
    const asKnownAt = notAfter(
      dto.asKnownAt === undefined ? context.now : endOfDayIfDate(dto.asKnownAt),
      context.now,
    );
    return { asOf, asKnownAt, ...(await lookups.readModelChecksums({ asOf, asKnownAt })) };
  },
  toCommand: (dto, context, facts) => ({
    type: 'TakeDataCut',
    data: {
      evaluationId: dto.evaluationId,
      dataCutId: dto.dataCutId,
      asOf: facts.asOf,
      asKnownAt: facts.asKnownAt,
      globalPosition: facts.globalPosition,
      projectionVersions: facts.projectionVersions,
      checksums: facts.checksums,
    },
    context,
    facts: undefined,
  }),
});
