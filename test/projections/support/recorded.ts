import { RecordedEvent } from '../../../src/event-store';

let position = 0;

/** A stored event for projection specs: positions increase in the order events are made. */
export function recorded(
  streamId: string,
  type: string,
  data: unknown,
  occurredAt = '2018-01-01T00:00:00Z',
  recordedAt = occurredAt,
): RecordedEvent {
  position++;
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type,
    streamId,
    revision: 0,
    position,
    data,
    metadata: {
      occurredAt,
      recordedAt,
      actor: 'test',
      sourceSystem: 'test',
      correlationId: 'c',
      causationId: null,
      schemaVersion: 1,
    },
  };
}
