import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store';

/** An event to append in tests: a fresh id and complete envelope metadata. */
export function newEvent(type: string, data: unknown = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      occurredAt: '2018-03-31T09:00:00.000Z',
      actor: 'test',
      sourceSystem: 'test',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}
