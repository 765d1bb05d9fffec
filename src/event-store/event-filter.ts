import type { EventFilter, ReadAllOptions } from './port';
import type { RecordedEvent } from './recorded-event';

/** The port's filter semantics in memory: every adapter's reads and subscriptions agree with it. */
export function matchesFilter(
  event: Pick<RecordedEvent, 'type' | 'streamId'>,
  filter: EventFilter | undefined,
): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix))) &&
    (types.length === 0 || types.includes(event.type))
  );
}

/**
 * The port's time bounds in memory (ReadAllOptions `occurredAtMax`,
 * `recordedAtMax`): an event is left out only when its instant parses and is
 * after the bound's, exactly as shared/bounds.ts `withinBounds` decides.
 */
export function withinTimeBounds(
  event: { metadata: { occurredAt: string; recordedAt: string } },
  bounds: Pick<ReadAllOptions, 'occurredAtMax' | 'recordedAtMax'>,
): boolean {
  return (
    notAfter(event.metadata.occurredAt, bounds.occurredAtMax) &&
    notAfter(event.metadata.recordedAt, bounds.recordedAtMax)
  );
}

const notAfter = (instant: string, bound: string | undefined): boolean =>
  bound === undefined || !(Date.parse(instant) > Date.parse(bound));
