import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ReadModelQuery } from '../projections/http/read-model-query';
import { IsSlug } from '../shared/validation/validators';

export class ProgrammeReportQuery extends ReadModelQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  /** `pdf` (default) or `xlsx`; `Accept` may say the same. */
  @IsOptional()
  @IsIn(['pdf', 'xlsx', 'json'])
  format?: 'pdf' | 'xlsx' | 'json';

  /** Build from a recorded data cut: its bounds replace asOf and asKnownAt. */
  @IsOptional()
  @IsUUID()
  dataCutId?: string;

  /** Always Events to give a page each, comma-separated ids (default: three with measurements). */
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/, {
    message: 'alwaysEvents must be up to 20 Always Event ids, comma-separated',
  })
  alwaysEvents?: string;
}
