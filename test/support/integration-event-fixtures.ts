import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../src/event-store/port';
import type { NewEvent } from '../../src/event-store/recorded-event';

/** One stream per aggregate type, as the domain names them (docs/architecture/domain-model.md). */
export const AGGREGATE_STREAMS = [
  'programme-always-events-england',
  'organisation-RYX',
  `participation-always-events-england.RYX`,
  `engagement-always-events-england.RYX`,
  `always-event-${randomUUID()}`,
  `pdsa-${randomUUID()}`,
  `measure-${randomUUID()}`,
  `evaluation-${randomUUID()}`,
  `personal-data-${randomUUID()}`,
  'worklist-always-events-england',
];

export function testEvent(n: number, overrides: Partial<NewEvent['metadata']> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'RelayTestEventRecorded',
    data: { n, note: 'ünïcødé ✓' },
    metadata: {
      occurredAt: '2018-03-31T09:00:00.000Z',
      actor: 'relay-test',
      sourceSystem: 'test',
      correlationId: randomUUID(),
      causationId: n % 2 === 0 ? randomUUID() : null,
      schemaVersion: 1,
      ...overrides,
    },
  };
}

/** A MeasurementRecorded as the first monthly returns stored it: schemaVersion 1, one percentage. */
export function legacyMeasurement(): { streamId: string; event: NewEvent } {
  const measureId = randomUUID();
  return {
    streamId: `measure-${measureId}`,
    event: {
      id: randomUUID(),
      type: 'MeasurementRecorded',
      data: {
        measureId,
        alwaysEventId: randomUUID(),
        unitId: 'townend-court',
        period: '2016-04',
        role: 'Outcome',
        percentage: 85.4,
      },
      metadata: {
        occurredAt: '2016-04-30T00:00:00.000Z',
        actor: 'legacy-import',
        sourceSystem: 'backfill',
        correlationId: randomUUID(),
        causationId: null,
        schemaVersion: 1,
      },
    },
  };
}

export interface Appended {
  id: string;
  streamId: string;
  revision: number;
  correlationId: string;
}

/**
 * Appends `count` events round-robin over `streams`, in appends of 1–3
 * events, and returns what was acknowledged.
 */
export async function appendRoundRobin(
  store: EventStore,
  streams: readonly string[],
  count: number,
  start = 0,
): Promise<Appended[]> {
  const appended: Appended[] = [];
  let n = start;
  for (let i = 0; appended.length < count; i++) {
    const stream = streams[i % streams.length];
    const events = Array.from({ length: Math.min(1 + (i % 3), count - appended.length) }, () =>
      testEvent(n++),
    );
    const { nextRevision } = await store.appendToStream(stream, events);
    events.forEach((event, k) =>
      appended.push({
        id: event.id,
        streamId: stream,
        revision: nextRevision - events.length + 1 + k,
        correlationId: event.metadata.correlationId,
      }),
    );
  }
  return appended;
}
