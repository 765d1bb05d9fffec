import { IsOptional, IsUUID } from 'class-validator';
import { IsOdsCode } from '../../shared/validation/validators';
import { ProgrammeQuery } from './programme.query';

export class ProgressScoresQuery extends ProgrammeQuery {
  /** ODS code of one organisation: its Always Events only. */
  @IsOptional()
  @IsOdsCode()
  organisation?: string;

  /** One Always Event only. */
  @IsOptional()
  @IsUUID()
  alwaysEvent?: string;
}
