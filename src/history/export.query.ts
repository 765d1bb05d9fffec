import { IsIn, IsOptional, Matches } from 'class-validator';
import { STREAM_CATEGORIES } from '../domain/stream-names';
import { ReadModelQuery } from '../projections/http/read-model-query';
import { IsOdsCode } from '../shared/validation/validators';

const TYPE_LIST = /^[A-Za-z]{1,80}(,[A-Za-z]{1,80}){0,49}$/;

export class ExportQuery extends ReadModelQuery {
  /** Stream category (e.g. measure, participation). */
  @IsOptional()
  @IsIn(STREAM_CATEGORIES)
  category?: string;

  /** Event types, comma-separated. */
  @IsOptional()
  @Matches(TYPE_LIST, { message: 'type must be event type names separated by commas' })
  type?: string;

  @IsOptional()
  @IsOdsCode()
  organisation?: string;
}
