import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OBSERVATION_KINDS, PDSA_DECISIONS, PREDICTION_OUTCOMES } from '../../domain/pdsa';
import type { ObservationKind, PdsaDecision, PredictionOutcome } from '../../domain/pdsa';
import { CommandDto } from '../command-dto';
import { IsText, IsTextList } from '../../shared/validation/text';
import { IsIsoDate } from '../../shared/validation/validators';

/** Every PDSA command names its cycle: its stream is `pdsa-<pdsaCycleId>`. */
export abstract class PdsaCommandDto extends CommandDto {
  @IsUUID()
  pdsaCycleId!: string;
}

export class PdsaPlanDto {
  @IsText(500)
  who!: string;

  @IsText(500)
  what!: string;

  @IsText(500)
  where!: string;

  @IsText(500)
  when!: string;
}

export class PdsaScaleDto {
  /** What the test is counted in, e.g. "patients", "shifts", "discharges". */
  @IsText(100)
  unit!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  nPatients?: number;

  @IsInt()
  @Min(1)
  @Max(3650)
  durationDays!: number;
}

export class PlanPdsaCycleDto extends PdsaCommandDto {
  @IsUUID()
  alwaysEventId!: string;

  @IsUUID()
  changeIdeaId!: string;

  @IsInt()
  @Min(1)
  @Max(999)
  cycleNumber!: number;

  @IsOptional()
  @IsUUID()
  previousCycleId?: string;

  @IsText(1000)
  objective!: string;

  @IsTextList(20, 500)
  questions!: string[];

  @IsTextList(20, 500)
  predictions!: string[];

  @IsDefined()
  @ValidateNested()
  @Type(() => PdsaPlanDto)
  plan!: PdsaPlanDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => PdsaScaleDto)
  scale!: PdsaScaleDto;

  @IsOptional()
  @IsTextList(20, 300)
  dataToCollect?: string[];
}

export class StartPdsaCycleDto extends PdsaCommandDto {}

export class RecordObservationDto extends PdsaCommandDto {
  @IsUUID()
  observationId!: string;

  @IsIn(OBSERVATION_KINDS)
  kind!: ObservationKind;

  @IsText(1000)
  text!: string;

  @IsIsoDate()
  observedOn!: string;
}

export class PredictionOutcomeDto {
  /** Index into the plan's predictions, from 0. */
  @IsInt()
  @Min(0)
  @Max(19)
  predictionIndex!: number;

  @IsIn(PREDICTION_OUTCOMES)
  outcome!: PredictionOutcome;

  @IsOptional()
  @IsText(500)
  note?: string;
}

export class RecordStudyDto extends PdsaCommandDto {
  @IsText(2000)
  resultsSummary!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PredictionOutcomeDto)
  predictionOutcomes!: PredictionOutcomeDto[];

  @IsText(2000)
  learning!: string;
}

export class CompletePdsaCycleDto extends PdsaCommandDto {
  @IsIn(PDSA_DECISIONS)
  decision!: PdsaDecision;

  @IsText(1000)
  nextSteps!: string;
}

export class CancelPdsaCycleDto extends PdsaCommandDto {
  @IsText(500)
  reason!: string;
}
