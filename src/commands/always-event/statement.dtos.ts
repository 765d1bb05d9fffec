import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { REVIEW_CADENCES, VISION_VOICES } from '../../domain/always-event';
import type { ReviewCadence, VisionVoice } from '../../domain/always-event';
import { IsIsoDate } from '../../shared/validation/validators';
import { AlwaysEventCommandDto } from './always-event-command.dto';
import { IsText } from '../../shared/validation/text';

export class AimDto {
  /** May be empty in a draft: agreement refuses it then, naming the rule. */
  @IsText(300, { allowEmpty: true })
  population!: string;

  @IsText(500)
  behaviourOrOutcome!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  targetPct!: number;

  @IsOptional()
  @IsIsoDate()
  deadline?: string;

  @IsOptional()
  @IsIn(REVIEW_CADENCES)
  reviewCadence?: ReviewCadence;
}

export class DraftStatementDto extends AlwaysEventCommandDto {
  @IsUUID()
  draftId!: string;

  /** In the patient's words, e.g. "My Voice Always Matters". */
  @IsText(300)
  visionStatement!: string;

  @IsIn(VISION_VOICES)
  visionVoice!: VisionVoice;

  @IsDefined()
  @ValidateNested()
  @Type(() => AimDto)
  aim!: AimDto;
}

export class CriterionAssessmentDto {
  @IsBoolean()
  met!: boolean;

  @IsText(1000)
  rationale!: string;
}

export class AssessCriteriaDto extends AlwaysEventCommandDto {
  @IsUUID()
  draftId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionAssessmentDto)
  important!: CriterionAssessmentDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionAssessmentDto)
  evidenceBased!: CriterionAssessmentDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionAssessmentDto)
  measurable!: CriterionAssessmentDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionAssessmentDto)
  affordableSustainable!: CriterionAssessmentDto;
}

export class AgreeStatementDto extends AlwaysEventCommandDto {
  @IsUUID()
  draftId!: string;
}

export class ReviseAimDto extends AlwaysEventCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => AimDto)
  aim!: AimDto;

  @IsText(500)
  reason!: string;
}
