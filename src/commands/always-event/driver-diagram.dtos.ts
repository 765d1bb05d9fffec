import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { DRIVER_LEVELS } from '../../domain/always-event';
import type { DriverLevel } from '../../domain/always-event';
import { IsText } from '../../shared/validation/text';
import { AlwaysEventCommandDto } from './always-event-command.dto';

/** A bounded list of distinct ids (uuids), empty allowed. */
const IsIdList = (max: number): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ArrayUnique(), IsUUID(undefined, { each: true }));

export class AddDriverDto extends AlwaysEventCommandDto {
  @IsUUID()
  driverId!: string;

  /** Primary drivers sit under the aim; secondary drivers under one or more drivers. */
  @IsIn(DRIVER_LEVELS)
  level!: DriverLevel;

  @IsText(500)
  text!: string;

  /** The drivers it sits under: none for a primary driver, at least one for a secondary. */
  @IsIdList(20)
  parentDriverIds!: string[];
}

export class RewordDriverDiagramItemDto extends AlwaysEventCommandDto {
  /** A driver, or a change idea (its changeIdeaId). */
  @IsUUID()
  itemId!: string;

  @IsText(1000)
  text!: string;

  @IsText(500)
  reason!: string;
}

export class RetireDriverDiagramItemDto extends AlwaysEventCommandDto {
  @IsUUID()
  itemId!: string;

  @IsText(500)
  reason!: string;
}

export class LinkDriverDiagramItemDto extends AlwaysEventCommandDto {
  /** A driver, or a change idea (its changeIdeaId). */
  @IsUUID()
  itemId!: string;

  /** The drivers it sits under, replacing its links: none for a primary driver. */
  @IsIdList(20)
  parentDriverIds!: string[];

  /** Change ideas only: this Always Event's PDSA cycles that test it. */
  @IsIdList(100)
  pdsaCycleIds!: string[];

  /** Change ideas only: measures linked to this Always Event that show its effect. */
  @IsIdList(20)
  measureIds!: string[];
}
