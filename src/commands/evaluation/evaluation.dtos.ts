import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVALUATION_SCOPES, FINDING_KINDS, RESPONDENT_ROLES } from '../../domain/evaluation';
import type { EvaluationScope, FindingKind, RespondentRole } from '../../domain/evaluation';
import { CommandDto } from '../command-dto';
import { IsText, IsTextList } from '../../shared/validation/text';
import { IsIsoDate } from '../../shared/validation/validators';

/** Every evaluation command names the evaluation: its stream is `evaluation-<evaluationId>`. */
export abstract class EvaluationCommandDto extends CommandDto {
  @IsUUID()
  evaluationId!: string;
}

export class CommissionEvaluationDto extends EvaluationCommandDto {
  @IsText(300)
  title!: string;

  /** e.g. Picker Institute Europe. */
  @IsText(200)
  evaluator!: string;

  /** e.g. NHS England and NHS Improvement. */
  @IsText(200)
  commissioner!: string;

  @IsIn(EVALUATION_SCOPES)
  scope!: EvaluationScope;

  @IsTextList(30, 500)
  questions!: string[];
}

export class RoleCountDto {
  @IsIn(RESPONDENT_ROLES)
  role!: RespondentRole;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  count!: number;
}

export class RecordSurveyWaveDto extends EvaluationCommandDto {
  @IsUUID()
  waveId!: string;

  @IsIsoDate()
  closedOn!: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  invitedCount!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  respondentCount!: number;

  @IsArray()
  @ArrayMaxSize(RESPONDENT_ROLES.length)
  @ValidateNested({ each: true })
  @Type(() => RoleCountDto)
  respondentRoles!: RoleCountDto[];
}

export class RecordInterviewsDto extends EvaluationCommandDto {
  @IsUUID()
  interviewRoundId!: string;

  @IsIsoDate()
  completedOn!: string;

  @IsInt()
  @Min(0)
  @Max(10_000)
  count!: number;

  @IsArray()
  @ArrayMaxSize(RESPONDENT_ROLES.length)
  @ValidateNested({ each: true })
  @Type(() => RoleCountDto)
  roleCategories!: RoleCountDto[];
}

export class FindingEvidenceDto {
  /** Data cuts of this evaluation the finding rests on. */
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  dataCutIds!: string[];

  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  alwaysEventIds!: string[];
}

export class RecordFindingDto extends EvaluationCommandDto {
  @IsUUID()
  findingId!: string;

  @IsIn(FINDING_KINDS)
  kind!: FindingKind;

  @IsText(2000)
  text!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => FindingEvidenceDto)
  evidence!: FindingEvidenceDto;
}

export class PublishReportDto extends EvaluationCommandDto {
  @IsText(300)
  title!: string;

  @IsIsoDate()
  publishedOn!: string;

  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  url!: string;
}
