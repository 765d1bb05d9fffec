import type { RecordedEvent } from '../../event-store/recorded-event';
import type { IntegrationEventDefinition } from './integration-event-registry';

/**
 * The public form of a stored event (schemas/integration-events/envelope.v1):
 * only what a consumer may rely on, never the internal classes or metadata
 * such as the actor.
 */
export interface IntegrationEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  streamId: string;
  revision: number;
  position: number;
  correlationId: string;
  causationId: string | null;
  data: unknown;
}

export function toIntegrationEvent(
  event: RecordedEvent,
  definition: IntegrationEventDefinition | undefined,
): IntegrationEvent {
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: definition?.schemaVersion ?? event.metadata.schemaVersion,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId ?? null,
    data: definition?.toData ? definition.toData(event.data) : event.data,
  };
}
