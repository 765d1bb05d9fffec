import { pageAll, pageAllSerialized } from '../event-store/page-all';
import type { EventStore } from '../event-store/port';
import { parseSerializedEvent, RecordedEvent, serializeEvent } from '../event-store/recorded-event';
import { Bounds, withinBounds } from '../shared/bounds';

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
 * $all so memory stays flat on any size of log. A caller that lets requests
 * run mid-page asks for small pages: a page held across a pause outlives the
 * young generation's collections, and a scan of the whole log in pages of
 * 5,000 so paused grew the heap by about 500 MB at a million events.
 */
export async function* exportEvents(
  store: EventStore,
  bounds: Bounds,
  filter: ExportFilter,
  pageSize = PAGE,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const prefixes = filter.categories?.map((c) => `${c}-`);
  for await (const page of pageAll(store, {
    toPosition: bounds.atPosition,
    pageSize,
    filter: { streamPrefixes: prefixes, eventTypes: filter.eventTypes },
  })) {
    for (const event of page) {
      if (!withinBounds(bounds, event)) continue;
      if (filter.organisation && !concernsOrganisation(event, filter.organisation)) continue;
      yield event;
    }
  }
}

/**
 * The export as NDJSON text in chunks: the lines `exportEvents` and
 * `toNdjsonLine` would give, but from each event's JSON text as the store
 * hands it out. An event is parsed only when a time bound or an organisation
 * needs a look inside: parsing and re-serialising every event halved the rate.
 */
export async function* exportNdjson(
  store: EventStore,
  bounds: Bounds,
  filter: ExportFilter,
): AsyncGenerator<string, void, undefined> {
  const timeBounded = bounds.asOf !== undefined || bounds.asKnownAt !== undefined;
  const organisation = filter.organisation;
  let chunk = '';
  for await (const page of pageAllSerialized(store, {
    toPosition: bounds.atPosition,
    pageSize: PAGE,
    filter: { streamPrefixes: filter.categories?.map((c) => `${c}-`), eventTypes: filter.eventTypes },
  })) {
    for (const event of page) {
      if (timeBounded || organisation) {
        // An event that concerns an organisation holds its code somewhere in its text.
        if (organisation && !event.json.includes(organisation)) continue;
        const parsed = parseSerializedEvent(event);
        if (!withinBounds(bounds, parsed)) continue;
        if (organisation && !concernsOrganisation(parsed, organisation)) continue;
      }
      chunk += `${event.json}\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** One NDJSON line: the envelope with both timestamps and all metadata. */
export const toNdjsonLine = (event: RecordedEvent): string => `${serializeEvent(event).json}\n`;
