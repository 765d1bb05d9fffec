import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLE_CATEGORIES } from '../../domain/participation';
import type { RoleCategory } from '../../domain/participation';

/**
 * A person's name: stored encrypted under the person's own key and erasable
 * (ErasePersonalData); never published on Kafka. Contact addresses are not
 * taken (text screening refuses email addresses and phone numbers anywhere).
 */
abstract class ContactDetailsDto {
  /** The person's name, for the programme team to contact them. Personal data. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}

/** A person: an id issued upstream (the data subject's id for erasure), a role category, and optional contact details. */
export class ParticipationPersonDto extends ContactDetailsDto {
  @IsUUID()
  personId!: string;

  @IsIn(ROLE_CATEGORIES)
  role!: RoleCategory;
}

export class ExecutiveSponsorDto extends ContactDetailsDto {
  @IsUUID()
  personId!: string;

  /** The post, e.g. "Chief Nurse". Personal data, as it names one person at one organisation. */
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
