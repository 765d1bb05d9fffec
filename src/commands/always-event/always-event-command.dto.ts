import { IsUUID } from 'class-validator';
import { CommandDto } from '../command-dto';

/** Every Always Event command names the Always Event: its stream is `always-event-<alwaysEventId>`. */
export abstract class AlwaysEventCommandDto extends CommandDto {
  @IsUUID()
  alwaysEventId!: string;
}
