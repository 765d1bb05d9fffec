import { IsOptional, IsUUID } from 'class-validator';
import { CursorListQuery } from '../http/cursor-page';

export class EvaluationListQuery extends CursorListQuery {
  /** Only this evaluation's records. */
  @IsOptional()
  @IsUUID()
  evaluationId?: string;
}
