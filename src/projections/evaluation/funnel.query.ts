import { IsIn, IsOptional } from 'class-validator';
import { WINDOWS } from '../spread/spread.query';
import { ProgrammeQuery } from './programme.query';

export class FunnelQuery extends ProgrammeQuery {
  /** `programme` (default): each programme's organisations are followed to its reporting window or close; `none`: to the date. */
  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
