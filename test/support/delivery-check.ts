import { aggregateTypeOf, topicFor } from '../../src/kafka/relay/aggregate-topics';
import { HEADERS } from '../../src/kafka/relay/integration-message';
import type { Appended } from './integration-event-fixtures';
import { schemaErrors } from './integration-event-schemas';

/** A message as an independent consumer read it; per partition in offset order. */
export interface Delivered {
  topic: string;
  partition: number;
  key: string | null;
  headers: Record<string, string>;
  value: string | null;
}

export interface DeliveryReport {
  problems: string[];
  /** Messages that repeated an event already delivered. */
  duplicates: number;
}

/**
 * What the relay promises a consumer that deduplicates on the event id: every
 * appended event arrives, on its aggregate's topic, keyed by its stream, with
 * headers that match and a schema-valid value, and the first delivery of each
 * event comes in revision order within its stream.
 */
export function checkDelivery(
  appended: readonly Appended[],
  delivered: readonly Delivered[],
  prefix: string,
): DeliveryReport {
  const problems: string[] = [];
  const expected = new Map(appended.map((a) => [a.id, a]));
  const firstSeen = new Map<string, number[]>();
  const seen = new Set<string>();
  let duplicates = 0;
  for (const message of delivered) {
    const event = JSON.parse(message.value ?? 'null') as {
      eventId: string;
      streamId: string;
      revision: number;
      type: string;
    };
    const where = `${message.topic}/${message.partition} ${event?.eventId}`;
    problems.push(...schemaErrors(event).map((e) => `${where}: ${e}`));
    const source = expected.get(event?.eventId);
    if (!source) {
      problems.push(`${where}: not an appended event`);
      continue;
    }
    const type = aggregateTypeOf(source.streamId);
    if (!type || message.topic !== topicFor(prefix, type)) problems.push(`${where}: on the wrong topic`);
    if (message.key !== source.streamId)
      problems.push(`${where}: key ${message.key}, stream ${source.streamId}`);
    if (event.streamId !== source.streamId || event.revision !== source.revision)
      problems.push(`${where}: wrong stream or revision`);
    if (message.headers[HEADERS.eventId] !== source.id) problems.push(`${where}: event-id header`);
    if (message.headers[HEADERS.eventType] !== event.type) problems.push(`${where}: event-type header`);
    if (message.headers[HEADERS.correlationId] !== source.correlationId)
      problems.push(`${where}: correlation-id header`);
    if (seen.has(source.id)) {
      duplicates++;
      continue;
    }
    seen.add(source.id);
    firstSeen.set(source.streamId, [...(firstSeen.get(source.streamId) ?? []), source.revision]);
  }
  const missing = appended.filter((a) => !seen.has(a.id));
  if (missing.length > 0) {
    problems.push(
      `${missing.length} events never delivered, e.g. ${missing
        .slice(0, 3)
        .map((m) => `${m.streamId}@${m.revision}`)
        .join(', ')}`,
    );
  }
  for (const [stream, revisions] of firstSeen) {
    const sorted = [...revisions].sort((a, b) => a - b);
    if (revisions.some((r, i) => r !== sorted[i])) problems.push(`${stream}: first deliveries out of order`);
  }
  return { problems, duplicates };
}
