import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ReadModelQuery } from '../http/read-model-query';
import { WINDOWS } from '../spread/spread.query';

export class OrganisationPageQuery extends ReadModelQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
