import { IsIn, IsOptional, Matches } from 'class-validator';
import { REGISTER_STATES } from '../evaluation/always-event-register.query';
import { CursorListQuery } from '../http/cursor-page';

export class AlwaysEventListQuery extends CursorListQuery {
  @IsOptional()
  @Matches(/^[A-Z0-9]{3,10}$/, { message: 'odsCode must be an ODS code, e.g. RYX' })
  odsCode?: string;

  @IsOptional()
  @IsIn(REGISTER_STATES)
  state?: (typeof REGISTER_STATES)[number];

  @IsOptional()
  @Matches(/^[A-Za-z]{1,60}$/, { message: 'setting must be a care setting, e.g. AcuteInpatient' })
  setting?: string;

  @IsOptional()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'region must be a region code, e.g. Y56' })
  region?: string;
}
