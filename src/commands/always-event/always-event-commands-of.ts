import { alwaysEventDecider, alwaysEventStreamId } from '../../domain/always-event';
import { commandsOf } from '../commands-of';
import { AlwaysEventCommandDto } from './always-event-command.dto';

/** The Always Event's decider and the stream a body targets, for every file that defines its commands. */
export const alwaysEvent = commandsOf(alwaysEventDecider, (dto: AlwaysEventCommandDto) =>
  alwaysEventStreamId(dto.alwaysEventId),
);
