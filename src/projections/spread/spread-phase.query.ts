import { IsOptional } from 'class-validator';
import { IsProgrammeKey } from '../../shared/validation/validators';
import { SpreadQuery } from './spread.query';

export class SpreadPhaseQuery extends SpreadQuery {
  /** A phase id: that phase's enrolments only, ending at its reporting window (else the programme's). */
  @IsOptional()
  @IsProgrammeKey()
  phase?: string;
}
