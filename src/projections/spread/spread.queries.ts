import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { ListQuery, ReadModelQuery } from '../http/read-model-query';
import { BREAKDOWNS } from './spread-reports';
import type { Breakdown } from './spread-reports';

export const DEFAULT_PROGRAMME = 'always-events-england';

export class SpreadQuery extends ReadModelQuery {
  /** Programme slug (default always-events-england). */
  @IsOptional()
  @IsSlug()
  programme?: string;
}

export class BreakdownQuery extends SpreadQuery {
  @IsIn(BREAKDOWNS)
  by!: Breakdown;
}

export class SpreadListQuery extends ListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;
}
