import { IsOptional, IsUUID } from 'class-validator';
import { OrganisationListQuery } from './organisation-list.query';

export class PdsaLearningQuery extends OrganisationListQuery {
  /** One Always Event's log. */
  @IsOptional()
  @IsUUID()
  alwaysEvent?: string;
}
