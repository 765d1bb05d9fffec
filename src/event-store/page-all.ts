import type { EventFilter, EventStore, ReadAllOptions } from './port';
import { RecordedEvent, SerializedEvent } from './recorded-event';

export interface PageAllOptions extends Pick<ReadAllOptions, 'occurredAtMax' | 'recordedAtMax'> {
  /** Start strictly after this position (one the store gave); defaults to the start. */
  afterPosition?: number;
  /** Last global position to read (inclusive). */
  toPosition?: number;
  filter?: EventFilter;
  pageSize?: number;
}

/**
 * Every event of $all in order, a page at a time, so memory stays flat on any
 * size of log. Positions are opaque (EventStoreDB's are byte offsets that only
 * a real event's position may name), so each page starts at the last position
 * seen and skips it, never at "last + 1".
 */
export function pageAll(
  store: EventStore,
  options: PageAllOptions = {},
): AsyncGenerator<RecordedEvent[], void, undefined> {
  return pages((read) => store.readAll(read), options);
}

/** `pageAll` with data and metadata as the store's JSON text (see `readAllSerialized`). */
export function pageAllSerialized(
  store: EventStore,
  options: PageAllOptions = {},
): AsyncGenerator<SerializedEvent[], void, undefined> {
  return pages((read) => store.readAllSerialized(read), options);
}

async function* pages<E extends { position: number }>(
  readAll: (options: ReadAllOptions) => Promise<E[]>,
  options: PageAllOptions,
): AsyncGenerator<E[], void, undefined> {
  const pageSize = options.pageSize ?? 5_000;
  let after: number | undefined = options.afterPosition || undefined;
  for (;;) {
    const page = await readAll({
      fromPosition: after,
      toPosition: options.toPosition,
      maxCount: after === undefined ? pageSize : pageSize + 1,
      filter: options.filter,
      occurredAtMax: options.occurredAtMax,
      recordedAtMax: options.recordedAtMax,
    });
    const fresh = after === undefined ? page : page.filter((event) => event.position > (after as number));
    if (fresh.length > 0) yield fresh;
    if (page.length < (after === undefined ? pageSize : pageSize + 1) || fresh.length === 0) return;
    after = fresh[fresh.length - 1].position;
  }
}
