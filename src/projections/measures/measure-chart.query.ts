import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CHART_TYPES, PROFILE_NAMES } from '../../analytics';
import type { ChartType, ProfileName } from '../../analytics';
import { ReadModelQuery } from '../http/read-model-query';

export class MeasureChartQuery extends ReadModelQuery {
  @IsOptional()
  @IsIn(PROFILE_NAMES)
  profile?: ProfileName;

  @IsOptional()
  @IsIn(CHART_TYPES)
  chart?: ChartType;

  /** The unit (home unit or a scale-up unit); needed when the measure has several. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;
}
