import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ALWAYS_EVENT_PHASES, CARE_SETTINGS } from '../../domain/always-event';
import { REGION_CODES } from '../../domain/organisation';
import { IsOdsCode, IsSlug } from '../../shared/validation/validators';
import { ListQuery, ReadModelQuery } from '../http/read-model-query';

/** Every phase the register reports, Paused and Closed included. */
export const REGISTER_STATES = [...ALWAYS_EVENT_PHASES, 'Paused', 'Closed'] as const;

/** A list narrowed to one programme and one organisation. */
export class OrganisationListQuery extends ListQuery {
  /** Programme slug. */
  @IsOptional()
  @IsSlug()
  programme?: string;

  /** ODS code of the organisation. */
  @IsOptional()
  @IsOdsCode()
  organisation?: string;
}

export class AlwaysEventRegisterQuery extends OrganisationListQuery {
  /** The home unit's care setting. */
  @IsOptional()
  @IsIn(CARE_SETTINGS)
  setting?: string;

  /** Lifecycle phase, Paused or Closed. */
  @IsOptional()
  @IsIn(REGISTER_STATES)
  state?: string;

  /** NHS England region code of the organisation (e.g. Y56). */
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;
}

export class AlwaysEventQuery extends ReadModelQuery {}

export class ProgrammeQuery extends ReadModelQuery {
  /** Programme slug; every programme when absent. */
  @IsOptional()
  @IsSlug()
  programme?: string;
}

export class CoProductionQuery extends OrganisationListQuery {}

export class PdsaLearningQuery extends OrganisationListQuery {
  /** One Always Event's log. */
  @IsOptional()
  @IsUUID()
  alwaysEvent?: string;
}
