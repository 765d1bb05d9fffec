import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ListQuery } from '../http/read-model-query';
import { WINDOWS } from './spread.query';

export class SpreadListQuery extends ListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
