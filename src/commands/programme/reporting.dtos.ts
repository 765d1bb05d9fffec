import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate, IsProgrammeKey } from '../../shared/validation/validators';
import { ProgrammeCommandDto } from './programme-keys';

export class SetReportingWindowDto extends ProgrammeCommandDto {
  /** Leave out for the programme's own window. */
  @IsOptional()
  @IsProgrammeKey()
  phaseId?: string;

  @IsOptional()
  @IsIsoDate()
  startsOn?: string;

  /** Reports (compliance, curves, funnels) end on this date unless a reader asks otherwise. */
  @IsIsoDate()
  endsOn!: string;
}

export class ClosePhaseDto extends ProgrammeCommandDto {
  @IsProgrammeKey()
  phaseId!: string;

  @IsIsoDate()
  closedOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class SetWorklistThresholdsDto extends ProgrammeCommandDto {
  @IsInt()
  @Min(1)
  @Max(365)
  returnOverdueDays!: number;

  @IsInt()
  @Min(1)
  @Max(104)
  pdsaQuietWeeks!: number;

  @IsInt()
  @Min(1)
  @Max(104)
  statementAwaitingWeeks!: number;

  @IsInt()
  @Min(1)
  @Max(104)
  sustainmentPlanWeeks!: number;
}
