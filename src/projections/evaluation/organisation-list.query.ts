import { IsOptional } from 'class-validator';
import { IsOdsCode, IsSlug } from '../../shared/validation/validators';
import { ListQuery } from '../http/read-model-query';

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
