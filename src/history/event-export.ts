import { pageAll } from '../event-store/page-all';
import type { EventStore } from '../event-store/port';
import { RecordedEvent } from '../event-store/recorded-event';
import { Bounds, withinBounds } from './bounds';

export interface ExportFilter {
  categories?: string[];
  eventTypes?: string[];
  /** ODS code: events on the organisation's own streams, or whose payload names it. */
  organisation?: string;
}

const PAGE = 5_000;
/** Lines are sent in chunks of about this many characters: one stream write per line costs more than the line. */
const CHUNK = 256 * 1024;

/** Whether an event concerns an organisation: its streams carry the ODS code, other payloads name it. */
export function concernsOrganisation(event: RecordedEvent, odsCode: string): boolean {
  const id = event.streamId;
  if (id === `organisation-${odsCode}` || id.endsWith(`.${odsCode}`)) return true;
  const data = event.data as Record<string, unknown> | null;
  return (
    data !== null &&
    typeof data === 'object' &&
    (data.odsCode === odsCode || data.predecessorOdsCode === odsCode || data.successorOdsCode === odsCode)
  );
}

/**
 * The log inside the bounds and filter, one event at a time, paging through
 * $all so memory stays flat on any size of log.
 */
export async function* exportEvents(
  store: EventStore,
  bounds: Bounds,
  filter: ExportFilter,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const prefixes = filter.categories?.map((c) => `${c}-`);
  for await (const page of pageAll(store, {
    toPosition: bounds.atPosition,
    pageSize: PAGE,
    filter: { streamPrefixes: prefixes, eventTypes: filter.eventTypes },
  })) {
    for (const event of page) {
      if (!withinBounds(bounds, event)) continue;
      if (filter.organisation && !concernsOrganisation(event, filter.organisation)) continue;
      yield event;
    }
  }
}

/** One NDJSON line: the envelope with both timestamps and all metadata. */
export function toNdjsonLine(event: RecordedEvent): string {
  return `${JSON.stringify({
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
  })}\n`;
}

/** The NDJSON body: lines joined into chunks, so a million events are a few thousand writes. */
export async function* ndjsonChunks(
  events: AsyncIterable<RecordedEvent>,
): AsyncGenerator<string, void, undefined> {
  let chunk = '';
  for await (const event of events) {
    chunk += toNdjsonLine(event);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
