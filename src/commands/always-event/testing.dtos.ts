import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CHANGE_IDEA_ORIGINS } from '../../domain/always-event';
import type { ChangeIdeaOrigin } from '../../domain/always-event';
import { MEASURE_ROLES } from '../../domain/measure';
import type { MeasureRole } from '../../domain/measure';
import { AlwaysEventCommandDto } from './always-event-command.dto';
import { IsText } from '../../shared/validation/text';

export class ProposeChangeIdeaDto extends AlwaysEventCommandDto {
  @IsUUID()
  changeIdeaId!: string;

  @IsText(1000)
  description!: string;

  @IsIn(CHANGE_IDEA_ORIGINS)
  origin!: ChangeIdeaOrigin;

  /** The co-design session the idea came from, in the team's own reference. */
  @IsOptional()
  @IsText(64)
  originatingSessionId?: string;
}

export class LinkMeasureDto extends AlwaysEventCommandDto {
  @IsUUID()
  measureId!: string;

  @IsIn(MEASURE_ROLES)
  role!: MeasureRole;
}

export class StartTestingDto extends AlwaysEventCommandDto {}

export class StartImplementationDto extends AlwaysEventCommandDto {
  /** Completed PDSA cycles that decided Adopt: the evidence that a change works. */
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  pdsaCycleIds!: string[];
}
