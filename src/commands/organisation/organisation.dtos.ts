import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORGANISATION_TYPES, REGION_CODES } from '../../domain/organisation';
import type { OrganisationType, RegionCode } from '../../domain/organisation';
import { CommandDto } from '../command-dto';
import { IsIsoDate, IsOdsCode } from '../../shared/validation/validators';

export class RegisterOrganisationDto extends CommandDto {
  @IsOdsCode()
  odsCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;

  @IsIn(REGION_CODES)
  regionCode!: RegionCode;

  @IsBoolean()
  isNhsTrust!: boolean;

  @IsIsoDate()
  openDate!: string;
}

export class RenameOrganisationDto extends CommandDto {
  @IsOdsCode()
  odsCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newName!: string;

  @IsIsoDate()
  effectiveDate!: string;
}

export class ReclassifyOrganisationDto extends CommandDto {
  @IsOdsCode()
  odsCode!: string;

  @IsIn(ORGANISATION_TYPES)
  newType!: OrganisationType;

  @IsIsoDate()
  effectiveDate!: string;
}

export class RecordMergerDto extends CommandDto {
  /** The predecessor: the organisation that merges into the successor. */
  @IsOdsCode()
  odsCode!: string;

  @IsOdsCode()
  successorOdsCode!: string;

  @IsIsoDate()
  effectiveDate!: string;
}

export class DissolveOrganisationDto extends CommandDto {
  @IsOdsCode()
  odsCode!: string;

  @IsIsoDate()
  effectiveDate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
