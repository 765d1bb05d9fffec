import type { OutgoingMessage } from '../kafka-port';
import type { IntegrationEvent } from './integration-event';

/** Record headers, so consumers can route and deduplicate without parsing the value. */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  contentType: 'content-type',
} as const;

/** Keyed by stream id: one stream, one partition, so its events stay in order. */
export function toOutgoingMessage(event: IntegrationEvent): OutgoingMessage {
  const headers: Record<string, string> = {
    [HEADERS.eventId]: event.eventId,
    [HEADERS.eventType]: event.type,
    [HEADERS.schemaVersion]: String(event.schemaVersion),
    [HEADERS.correlationId]: event.correlationId,
    [HEADERS.contentType]: 'application/json',
  };
  if (event.causationId !== null) headers[HEADERS.causationId] = event.causationId;
  return { key: event.streamId, value: JSON.stringify(event), headers };
}
