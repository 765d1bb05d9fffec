import { IsUnitId } from '../always-event/identifiers';
import { IsText } from '../../shared/validation/text';
import { MeasureCommandDto } from './measure.dtos';
import { IsPeriod } from './periods.validator';

export class RecalculateLimitsDto extends MeasureCommandDto {
  /** The unit whose chart it is: the home unit or a scale-up unit. */
  @IsUnitId()
  unitId!: string;

  /** The first period of the new phase: a measured period after the phase's baseline. */
  @IsPeriod()
  period!: string;

  /** Why the process has changed for good, e.g. the change adopted; shown at the phase break. */
  @IsText(500)
  reason!: string;
}

export class SetBaselineDto extends MeasureCommandDto {
  @IsUnitId()
  unitId!: string;

  /** The baseline's last period: the phase holding it takes its lines from its points up to here. */
  @IsPeriod()
  throughPeriod!: string;

  @IsText(500)
  reason!: string;
}
