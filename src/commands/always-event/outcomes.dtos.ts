import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CLOSURE_REASONS } from '../../domain/always-event';
import type { ClosureReason } from '../../domain/always-event';
import { IsMonthPeriod } from '../measure/periods.validator';
import { IsIsoDate } from '../../shared/validation/validators';
import { AlwaysEventCommandDto } from './always-event-command.dto';
import { IsUnitId } from './identifiers';
import { CareUnitDto } from './set-up.dtos';
import { IsText } from '../../shared/validation/text';

export class DeclareAimAchievedDto extends AlwaysEventCommandDto {
  /** An Outcome measure linked to the Always Event; its data is read here, never sent. */
  @IsUUID()
  measureId!: string;

  /** Defaults to the home unit. */
  @IsOptional()
  @IsUnitId()
  unitId?: string;
}

export class ConfirmSustainmentDto extends AlwaysEventCommandDto {
  @IsIsoDate()
  reviewDate!: string;

  @IsInt()
  @Min(0)
  @Max(120)
  periodsReviewed!: number;

  @IsInt()
  @Min(0)
  @Max(120)
  periodsAtTarget!: number;
}

export class RecordSustainmentLossDto extends AlwaysEventCommandDto {
  @IsUUID()
  measureId!: string;

  @IsIsoDate()
  detectedOn!: string;

  @IsText(500)
  reason!: string;
}

export class AddScaleUpUnitDto extends AlwaysEventCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => CareUnitDto)
  unit!: CareUnitDto;

  @IsOptional()
  @IsIsoDate()
  plannedGoLive?: string;
}

export class RecordUnitGoLiveDto extends AlwaysEventCommandDto {
  @IsUnitId()
  unitId!: string;

  @IsIsoDate()
  goLiveDate!: string;
}

export class StopUnitDto extends AlwaysEventCommandDto {
  @IsUnitId()
  unitId!: string;

  @IsIsoDate()
  stoppedOn!: string;

  @IsText(500)
  reason!: string;
}

export class RecordProgressScoreDto extends AlwaysEventCommandDto {
  @IsMonthPeriod()
  period!: string;

  /** IHI project progress scale, 0.5 to 5.0 in steps of 0.5. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(5)
  score!: number;

  @IsOptional()
  @IsText(500)
  note?: string;
}

export class PauseAlwaysEventDto extends AlwaysEventCommandDto {
  @IsText(500)
  reason!: string;

  @IsOptional()
  @IsIsoDate()
  expectedResumeDate?: string;
}

export class ResumeAlwaysEventDto extends AlwaysEventCommandDto {}

export class CloseAlwaysEventDto extends AlwaysEventCommandDto {
  @IsIn(CLOSURE_REASONS)
  reason!: ClosureReason;

  @IsOptional()
  @IsText(500)
  note?: string;
}
