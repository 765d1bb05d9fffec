import { IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ReadModelQuery } from '../http/read-model-query';

export class ProgrammeQuery extends ReadModelQuery {
  /** Programme slug; every programme when absent. */
  @IsOptional()
  @IsSlug()
  programme?: string;
}
