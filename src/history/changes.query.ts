import { IsIn, IsOptional } from 'class-validator';
import { STREAM_CATEGORIES } from '../domain/stream-names';
import { IsDateOrDateTime, ListQuery } from '../projections/http/read-model-query';

export class ChangesQuery extends ListQuery {
  /**
   * Start of the window: a date means from the start of that day, the day included; a date-time means
   * strictly after it (the last report's asKnownAt instant). A real date: 2018-02-30 is refused, not a 500.
   */
  @IsDateOrDateTime()
  since!: string;

  @IsOptional()
  @IsIn(STREAM_CATEGORIES)
  category?: string;
}
