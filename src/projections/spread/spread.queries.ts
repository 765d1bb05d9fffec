import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../commands/validation/validators';
import { ListQuery, ReadModelQuery } from '../http/read-model-query';
import { BREAKDOWNS } from './spread-reports';
import type { Breakdown } from './spread-reports';

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

export class BreakdownQuery extends SpreadQuery {
  @IsIn(BREAKDOWNS)
  by!: Breakdown;
}

export class SpreadListQuery extends ListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
