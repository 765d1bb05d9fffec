import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../shared/validation/validators';

/**
 * Fields every command body may carry. `commandId` is the idempotency key when
 * no `Idempotency-Key` header is sent; `occurredAt` is the business time for
 * backfilled history (default: now).
 */
export abstract class CommandDto {
  @ApiPropertyOptional({
    description: 'Idempotency key (same as the Idempotency-Key header); always send one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'commandId may contain only letters, digits and . _ : -' })
  commandId?: string;

  @ApiPropertyOptional({ description: 'When the fact happened, if not now (ISO 8601, not in the future)' })
  @IsOptional()
  @IsIsoDateTime()
  occurredAt?: string;
}
