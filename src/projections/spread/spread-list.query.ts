import { IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ListQuery } from '../http/read-model-query';

export class SpreadListQuery extends ListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;
}
