import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COHORT_FORMATS, ENROLMENT_METRICS, PHASE_NAMES } from '../../domain/programme';
import type { CohortFormat, EnrolmentMetric, PhaseName } from '../../domain/programme';
import { IsIsoDate, IsProgrammeKey } from '../../shared/validation/validators';
import { ProgrammeCommandDto } from './programme-keys';

export class LaunchProgrammeDto extends ProgrammeCommandDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** The national partners, e.g. NHS England, IHI, Picker Institute Europe, NHS Improvement. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  sponsors!: string[];

  @IsIsoDate()
  startDate!: string;
}

export class DefinePhaseDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  phaseId!: string;

  @IsIn(PHASE_NAMES)
  name!: PhaseName;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsIsoDate()
  startDate!: string;

  /** Leave out for a phase that runs until the next one starts. */
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
}

export class SetEnrolmentTargetDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  targetId!: string;

  @IsIn(ENROLMENT_METRICS)
  metric!: EnrolmentMetric;

  @IsInt()
  @Min(1)
  @Max(100_000)
  threshold!: number;

  @IsIsoDate()
  deadline!: string;

  @IsIsoDate()
  setDate!: string;

  /** Where the target comes from, e.g. "NHS Mandate 2017-18". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;

  /** Which organisations the target counts against, e.g. "NHS trusts open on the deadline (ODS register)". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  denominatorDefinition!: string;
}

export class ScheduleCohortDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  cohortId!: string;

  @IsProgrammeKey()
  phaseId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsIsoDate()
  plannedLaunchDate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}

export class LaunchCohortDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  cohortId!: string;

  @IsIsoDate()
  launchedOn!: string;

  @IsIn(COHORT_FORMATS)
  format!: CohortFormat;
}

export class CloseCohortDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  cohortId!: string;

  @IsIsoDate()
  closedOn!: string;
}

export class CloseProgrammeDto extends ProgrammeCommandDto {
  @IsIsoDate()
  closedOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
