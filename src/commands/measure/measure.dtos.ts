import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DATA_SOURCES,
  IMPROVEMENT_DIRECTIONS,
  MEASURE_FREQUENCIES,
  MEASURE_ROLES,
  RESPONSE_CATEGORIES,
  RESPONSE_SCALES,
} from '../../domain/measure';
import type {
  DataSource,
  ImprovementDirection,
  MeasureFrequency,
  MeasureRole,
  ResponseCategory,
  ResponseScale,
} from '../../domain/measure';
import { IsUnitId } from '../always-event/identifiers';
import { CommandDto } from '../command-dto';
import { IsText } from '../../shared/validation/text';
import { IsPeriod } from './periods.validator';

/** Every measure command names the measure: its stream is `measure-<measureId>`. */
export abstract class MeasureCommandDto extends CommandDto {
  @IsUUID()
  measureId!: string;
}

const MAX_COUNT = 10_000_000;

export class DefineMeasureDto extends MeasureCommandDto {
  @IsUUID()
  alwaysEventId!: string;

  @IsIn(MEASURE_ROLES)
  role!: MeasureRole;

  @IsText(200)
  name!: string;

  @IsText(2000)
  operationalDefinition!: string;

  @IsText(1000)
  numeratorDefinition!: string;

  @IsText(1000)
  denominatorDefinition!: string;

  @IsIn(DATA_SOURCES)
  dataSource!: DataSource;

  @IsOptional()
  @IsIn(RESPONSE_SCALES)
  responseScale?: ResponseScale;

  /** With the NeverSometimesUsuallyAlways scale: the answers counted in the numerator, e.g. ["Always"]. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RESPONSE_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(RESPONSE_CATEGORIES, { each: true })
  countsAsSuccess?: ResponseCategory[];

  @IsIn(MEASURE_FREQUENCIES)
  frequency!: MeasureFrequency;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  targetPct!: number;

  @IsIn(IMPROVEMENT_DIRECTIONS)
  improvementDirection!: ImprovementDirection;
}

export class ReviseMeasureDefinitionDto extends MeasureCommandDto {
  /** The first period the revised definition applies to; earlier periods keep the earlier one. */
  @IsPeriod()
  effectiveFromPeriod!: string;

  @IsText(500)
  reason!: string;

  @IsOptional()
  @IsText(200)
  name?: string;

  @IsOptional()
  @IsText(2000)
  operationalDefinition?: string;

  @IsOptional()
  @IsText(1000)
  numeratorDefinition?: string;

  @IsOptional()
  @IsText(1000)
  denominatorDefinition?: string;

  @IsOptional()
  @IsIn(DATA_SOURCES)
  dataSource?: DataSource;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  targetPct?: number;
}

/** Answers per category for one period: aggregate counts only. */
export class CategoryCountsDto {
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  always!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  usually!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  sometimes!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  never!: number;
}

export class RecordMeasurementDto extends MeasureCommandDto {
  @IsPeriod()
  period!: string;

  @IsUnitId()
  unitId!: string;

  // No @Min: 0 <= numerator <= denominator and denominator > 0 are domain rules, refused with their names.
  @IsInt()
  @Max(MAX_COUNT)
  numerator!: number;

  @IsInt()
  @Max(MAX_COUNT)
  denominator!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryCountsDto)
  categoryCounts?: CategoryCountsDto;
}

export class CorrectMeasurementDto extends RecordMeasurementDto {
  @IsText(500)
  reason!: string;
}

export class RetractMeasurementDto extends MeasureCommandDto {
  @IsPeriod()
  period!: string;

  @IsUnitId()
  unitId!: string;

  @IsText(500)
  reason!: string;
}

export class EstablishBaselineDto extends MeasureCommandDto {
  @IsUnitId()
  unitId!: string;

  @IsArray()
  @ArrayMaxSize(104)
  @IsPeriod({ each: true })
  periods!: string[];
}

export class AnnotateChartDto extends MeasureCommandDto {
  @IsUUID()
  annotationId!: string;

  @IsPeriod()
  period!: string;

  /** The unit's chart; omitted: every unit's. */
  @IsOptional()
  @IsUnitId()
  unitId?: string;

  @IsText(500)
  text!: string;

  @IsOptional()
  @IsUUID()
  pdsaCycleId?: string;

  @IsOptional()
  @IsUUID()
  changeIdeaId?: string;
}

export class RetireMeasureDto extends MeasureCommandDto {
  @IsText(500)
  reason!: string;
}
