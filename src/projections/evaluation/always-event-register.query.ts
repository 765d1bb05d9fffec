import { IsIn, IsOptional } from 'class-validator';
import { ALWAYS_EVENT_PHASES, CARE_SETTINGS } from '../../domain/always-event';
import { REGION_CODES } from '../../domain/organisation';
import { OrganisationListQuery } from './organisation-list.query';

/** Every phase the register reports, Paused and Closed included. */
export const REGISTER_STATES = [...ALWAYS_EVENT_PHASES, 'Paused', 'Closed'] as const;

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
