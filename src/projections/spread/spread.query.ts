import { IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ReadModelQuery } from '../http/read-model-query';

export const DEFAULT_PROGRAMME = 'always-events-england';

export class SpreadQuery extends ReadModelQuery {
  /** Programme slug (default always-events-england). */
  @IsOptional()
  @IsSlug()
  programme?: string;
}
