import { IsOptional, MaxLength } from 'class-validator';
import { IsSlug } from '../../shared/validation/validators';
import { SpreadQuery } from './spread.query';

export class SpreadPhaseQuery extends SpreadQuery {
  /** A phase id: that phase's enrolments only, ending at its reporting window (else the programme's). */
  @IsOptional()
  @IsSlug()
  @MaxLength(64)
  phase?: string;
}
