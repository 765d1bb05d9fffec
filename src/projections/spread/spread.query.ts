import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ReadModelQuery } from '../http/read-model-query';

export const DEFAULT_PROGRAMME = 'always-events-england';

export const WINDOWS = ['programme', 'none'] as const;

export class SpreadQuery extends ReadModelQuery {
  /** Programme slug (default always-events-england). */
  @IsOptional()
  @IsSlug()
  programme?: string;

  /** `programme` (default): figures end at the programme's reporting window or close; `none`: at the date. */
  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
