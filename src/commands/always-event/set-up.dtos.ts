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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CARE_SETTINGS, CO_DESIGN_MEMBER_CATEGORIES, LISTENING_METHODS } from '../../domain/always-event';
import type { CareSetting, CoDesignMemberCategory, ListeningMethod } from '../../domain/always-event';
import { IsIsoDate, IsOdsCode, IsSlug } from '../../shared/validation/validators';
import { AlwaysEventCommandDto } from './always-event-command.dto';
import { IsPseudonymousId, IsUnitId } from './identifiers';
import { IsText } from '../../shared/validation/text';

export class CareUnitDto {
  @IsUnitId()
  unitId!: string;

  @IsText(200)
  name!: string;

  @IsIn(CARE_SETTINGS)
  setting!: CareSetting;
}

export class InitiateAlwaysEventDto extends AlwaysEventCommandDto {
  @IsSlug()
  @MaxLength(64)
  programmeSlug!: string;

  @IsOdsCode()
  odsCode!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => CareUnitDto)
  homeUnit!: CareUnitDto;

  /** Who the Always Event is for, e.g. "people discharged from the community LD team". */
  @IsText(300)
  population!: string;

  /** The Always Event this one adopts (spread to another organisation) or extends (scale-up). */
  @IsOptional()
  @IsUUID()
  derivedFromAlwaysEventId?: string;
}

export class CoDesignMemberDto {
  @IsPseudonymousId()
  memberId!: string;

  @IsIn(CO_DESIGN_MEMBER_CATEGORIES)
  category!: CoDesignMemberCategory;
}

export class FormCoDesignTeamDto extends AlwaysEventCommandDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CoDesignMemberDto)
  members!: CoDesignMemberDto[];
}

export class AddCoDesignTeamMemberDto extends AlwaysEventCommandDto {
  @IsPseudonymousId()
  memberId!: string;

  @IsIn(CO_DESIGN_MEMBER_CATEGORIES)
  category!: CoDesignMemberCategory;
}

export class RemoveCoDesignTeamMemberDto extends AlwaysEventCommandDto {
  @IsPseudonymousId()
  memberId!: string;

  @IsOptional()
  @IsText(500)
  reason?: string;
}

export class ListeningParticipantsDto {
  @IsInt()
  @Min(0)
  @Max(100_000)
  patientsOrServiceUsers!: number;

  @IsInt()
  @Min(0)
  @Max(100_000)
  familiesOrCarers!: number;

  @IsInt()
  @Min(0)
  @Max(100_000)
  staff!: number;

  @IsInt()
  @Min(0)
  @Max(100_000)
  others!: number;
}

export class RecordListeningActivityDto extends AlwaysEventCommandDto {
  @IsUUID()
  activityId!: string;

  @IsIn(LISTENING_METHODS)
  method!: ListeningMethod;

  @IsIsoDate()
  heldOn!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ListeningParticipantsDto)
  participants!: ListeningParticipantsDto;

  /** What was heard, in aggregate; no names or identifying details. */
  @IsText(1000)
  summary!: string;
}

export class IdentifyWhatMattersThemeDto extends AlwaysEventCommandDto {
  @IsUUID()
  themeId!: string;

  @IsText(200)
  label!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  sourceActivityIds!: string[];
}

export class StartCoDesignDto extends AlwaysEventCommandDto {
  @IsUUID()
  selectedThemeId!: string;
}
