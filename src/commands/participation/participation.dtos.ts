import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  COMPLETION_REASONS,
  ENROLMENT_ROUTES,
  INTEREST_CHANNELS,
  ROLE_CATEGORIES,
  STEP_BACK_REASONS,
} from '../../domain/participation';
import type {
  CompletionReason,
  EnrolmentRoute,
  InterestChannel,
  RoleCategory,
  StepBackReason,
} from '../../domain/participation';
import { IsIsoDate, IsProgrammeKey } from '../../shared/validation/validators';
import { ParticipationCommandDto } from './participation-command.dto';
import {
  ExecutiveSponsorDto,
  ParticipationCommitmentsDto,
  ParticipationPersonDto,
} from './participation-parts.dtos';

export class ExpressInterestDto extends ParticipationCommandDto {
  @IsIsoDate()
  expressedOn!: string;

  @IsOptional()
  @IsIn(INTEREST_CHANNELS)
  channel?: InterestChannel;

  /** The role of whoever got in touch (a category, not a person). */
  @IsOptional()
  @IsIn(ROLE_CATEGORIES)
  contactRole?: RoleCategory;
}

export class ConfirmExecutiveSponsorDto extends ParticipationCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExecutiveSponsorDto)
  sponsor!: ExecutiveSponsorDto;

  @IsIsoDate()
  confirmedOn!: string;
}

export class SignParticipationCommitmentDto extends ParticipationCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ParticipationCommitmentsDto)
  commitments!: ParticipationCommitmentsDto;

  @IsIsoDate()
  signedOn!: string;
}

export class EnrolOrganisationDto extends ParticipationCommandDto {
  @IsIsoDate()
  enrolledOn!: string;

  @IsProgrammeKey()
  phaseId!: string;

  @IsIn(ENROLMENT_ROUTES)
  enrolmentRoute!: EnrolmentRoute;

  /** Required for the CohortLaunch route unless the organisation was already assigned to a cohort. */
  @IsOptional()
  @IsProgrammeKey()
  cohortId?: string;
}

export class AssignToCohortDto extends ParticipationCommandDto {
  @IsProgrammeKey()
  cohortId!: string;

  @IsIsoDate()
  assignedOn!: string;
}

export class AppointLocalLeadDto extends ParticipationCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ParticipationPersonDto)
  lead!: ParticipationPersonDto;

  @IsIsoDate()
  appointedOn!: string;
}

export class EstablishOversightTeamDto extends ParticipationCommandDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipationPersonDto)
  members!: ParticipationPersonDto[];

  @IsUUID()
  chairPersonId!: string;

  @IsIsoDate()
  establishedOn!: string;
}

export class ChangeExecutiveSponsorDto extends ParticipationCommandDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExecutiveSponsorDto)
  sponsor!: ExecutiveSponsorDto;

  @IsIsoDate()
  changedOn!: string;
}

export class RecordSponsorVacancyDto extends ParticipationCommandDto {
  @IsIsoDate()
  vacatedOn!: string;
}

export class PauseParticipationDto extends ParticipationCommandDto {
  @IsIsoDate()
  pausedOn!: string;

  @IsIn(STEP_BACK_REASONS)
  reason!: StepBackReason;

  @IsOptional()
  @IsIsoDate()
  expectedResumeOn?: string;
}

export class ResumeParticipationDto extends ParticipationCommandDto {
  @IsIsoDate()
  resumedOn!: string;
}

export class WithdrawOrganisationDto extends ParticipationCommandDto {
  @IsIsoDate()
  withdrawnOn!: string;

  @IsIn(STEP_BACK_REASONS)
  reason!: StepBackReason;
}

export class CompleteParticipationDto extends ParticipationCommandDto {
  @IsIsoDate()
  completedOn!: string;

  @IsIn(COMPLETION_REASONS)
  reason!: CompletionReason;
}
