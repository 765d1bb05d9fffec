import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LEARNING_CHANNELS, SUPPORT_CONTACT_TYPES } from '../../domain/engagement';
import type { LearningChannel, SupportContactType } from '../../domain/engagement';
import { ParticipationCommandDto } from '../participation/participation-command.dto';
import { IsIsoDate } from '../../shared/validation/validators';

export class RecordSupportContactDto extends ParticipationCommandDto {
  @IsIn(SUPPORT_CONTACT_TYPES)
  contactType!: SupportContactType;

  @IsIsoDate()
  heldOn!: string;

  /** How many people from the organisation took part. */
  @IsInt()
  @Min(1)
  @Max(1000)
  attendeesCount!: number;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'sessionRef may contain only letters, digits and . _ : -' })
  sessionRef?: string;
}

/** What a monthly return says; submitted once per period, amended after. */
abstract class MonthlyReturnDto extends ParticipationCommandDto {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month, YYYY-MM' })
  period!: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  alwaysEventIds!: string[];

  @IsInt()
  @Min(0)
  @Max(1000)
  measuresReported!: number;
}

export class SubmitMonthlyReturnDto extends MonthlyReturnDto {
  @IsIsoDate()
  submittedOn!: string;
}

export class AmendMonthlyReturnDto extends MonthlyReturnDto {
  @IsIsoDate()
  amendedOn!: string;
}

export class RecordLearningSharedDto extends ParticipationCommandDto {
  @IsIn(LEARNING_CHANNELS)
  channel!: LearningChannel;

  @IsIsoDate()
  sharedOn!: string;

  @IsOptional()
  @IsUUID()
  alwaysEventId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;
}
