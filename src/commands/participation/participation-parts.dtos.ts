import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLE_CATEGORIES } from '../../domain/participation';
import type { RoleCategory } from '../../domain/participation';

/** A person, pseudonymously: an id issued upstream and a role category; never a name or contact details. */
export class ParticipationPersonDto {
  @IsUUID()
  personId!: string;

  @IsIn(ROLE_CATEGORIES)
  role!: RoleCategory;
}

export class ExecutiveSponsorDto {
  @IsUUID()
  personId!: string;

  /** The post, e.g. "Chief Nurse"; not the person's name. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title!: string;

  @IsBoolean()
  isBoardLevel!: boolean;
}

/** Each commitment NHS England asked of a participating organisation; all must be true to enrol. */
export class ParticipationCommitmentsDto {
  @IsBoolean()
  monthlyDataReporting!: boolean;

  @IsBoolean()
  attendCalls!: boolean;

  @IsBoolean()
  patientEngagement!: boolean;

  @IsBoolean()
  teamInPlace!: boolean;

  @IsBoolean()
  activeTesting!: boolean;

  @IsBoolean()
  shareLearning!: boolean;
}
