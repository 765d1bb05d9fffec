import { IsIn } from 'class-validator';
import { BREAKDOWNS } from './spread-reports';
import type { Breakdown } from './spread-reports';
import { SpreadQuery } from './spread.query';

export class BreakdownQuery extends SpreadQuery {
  @IsIn(BREAKDOWNS)
  by!: Breakdown;
}
