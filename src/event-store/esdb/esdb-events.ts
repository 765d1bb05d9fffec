import { eventTypeFilter, excludeSystemEvents, jsonEvent, streamNameFilter } from '@eventstore/db-client';
import type {
  EventData,
  Filter,
  JSONType,
  Position,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { isSystemEventType } from '../event-validation';
import type { EventFilter } from '../port';
import { UNKNOWN_POSITION } from '../recorded-event';
import type { EventMetadata, NewEvent, RecordedEvent } from '../recorded-event';
import { knownPosition } from './esdb-positions';
import { withChanges } from '../../shared/with-changes';

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id.toLowerCase(),
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata,
  });
}

/**
 * An event as the port shows it; undefined for what the port never shows
 * (system events, links, non-JSON events written by other tools).
 * `recordedAt` is the server's own `created` time, not the writer's clock.
 * `commitPosition` is the read response's own, where it has one ($all).
 */
export function toRecordedEvent(
  event: EsdbRecordedEvent | undefined,
  commitPosition?: bigint,
): RecordedEvent | undefined {
  if (!event || !event.isJson || isSystemEventType(event.type)) return undefined;
  const metadata = typeof event.metadata === 'object' && event.metadata !== null ? event.metadata : {};
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: knownPosition(event.position, commitPosition) ?? UNKNOWN_POSITION,
    data: event.data,
    metadata: withChanges(metadata as EventMetadata, { recordedAt: event.created.toISOString() }),
  };
}

/** An $all event always has a place in the log: a server that leaves it out is not one the adapter can follow. */
export function positionMissing(event: { id: string; streamId: string }): Error {
  return new Error(`EventStoreDB sent event ${event.id} of ${event.streamId} in $all without its position`);
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter of a subscription: never narrower than the port's
 * filter (which is applied again to every event), but narrow enough that the
 * server skips most of what we would drop. The server takes one expression,
 * on event types or on stream names, and sends checkpoints through what it
 * skips, so the subscription still advances across long filtered stretches.
 */
export function serverFilter(
  filter: EventFilter | undefined,
  checkpointReached: (position: Position) => void,
): Filter {
  const options = { checkpointReached: (_: unknown, position: Position) => checkpointReached(position) };
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) {
    return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$`, ...options });
  }
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0 && prefixes.every((prefix) => prefix.length > 0)) {
    return streamNameFilter({ prefixes: [...prefixes], ...options });
  }
  return excludeSystemEvents(options);
}
