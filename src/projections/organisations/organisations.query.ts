import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsSlug } from '../../shared/validation/validators';
import { CursorListQuery } from '../http/cursor-page';
import { ENROLMENT_STATUSES } from './organisation-rows';

export class OrganisationsQuery extends CursorListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  /** Region code, e.g. Y56. */
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'region must be a region code, e.g. Y56' })
  region?: string;

  /** Organisation type, e.g. AcuteTrust. */
  @IsOptional()
  @Matches(/^[A-Za-z]{1,60}$/, { message: 'type must be an organisation type, e.g. AcuteTrust' })
  type?: string;

  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: (typeof ENROLMENT_STATUSES)[number];

  @IsOptional()
  @IsSlug()
  cohort?: string;

  /** true: NHS trusts only. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  nhsTrust?: boolean;
}
