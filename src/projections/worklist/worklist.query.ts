import { IsIn, IsOptional } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { CursorListQuery } from '../http/cursor-page';
import { WINDOWS } from '../spread/spread.query';
import { WORKLIST_RULES } from './worklist-report';

export class WorklistQuery extends CursorListQuery {
  @IsOptional()
  @IsSlug()
  programme?: string;

  @IsOptional()
  @IsIn(WORKLIST_RULES)
  rule?: (typeof WORKLIST_RULES)[number];

  /** `programme` (default): nothing is raised past the programme's reporting window; `none`: no window. */
  @IsOptional()
  @IsIn(WINDOWS)
  window?: (typeof WINDOWS)[number];
}
