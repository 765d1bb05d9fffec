import { pageAll } from '../../event-store/page-all';
import type { EventStore } from '../../event-store/port';
import { applyProjection, Projection } from './projection';
import { Bounds, withinBounds } from '../../shared/bounds';
import { TimeSlice } from './time-slice';

const PAGE = 5_000;
/** Events between looks at the clock: a page of a heavy model folds for longer than a request should wait. */
const CHECK_CLOCK_EVERY = 256;

export interface Replayed<State> {
  state: State;
  /** Highest global position folded (0 if none). */
  position: number;
  eventsFolded: number;
  /** Id of the event at `position` (undefined if none was folded): names the log a snapshot belongs to. */
  eventId?: string;
  /** Latest recordedAt among the events folded (undefined if none). */
  maxRecordedAt?: string;
}

/** Where a fold starts: a state that is already the fold of the bounded log up to `position`. */
export interface ReplayStart<State> {
  state: State;
  position: number;
  eventId?: string;
  maxRecordedAt?: string;
}

/**
 * Folds a read model over the log as it stood inside the bounds: the same
 * projection code as the live runner, never a second implementation. Pages
 * through $all, so memory stays flat however long the log is, and asks the
 * store for the projection's event types inside the bounds alone (the store
 * filters in its query where it can); each event is checked against the
 * bounds again here, so the answer never depends on how well it did.
 * From `start`, only the events after its position are read. It yields to
 * I/O every few milliseconds (as time-slice.ts does for the live runner), so
 * a long fold never holds HTTP behind it.
 */
export async function replay<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds,
  onProgress?: (position: number) => void,
  start?: ReplayStart<State>,
): Promise<Replayed<State>> {
  let state = start ? start.state : projection.initialState();
  let position = start?.position ?? 0;
  let eventId = start?.eventId;
  let maxRecordedAt = start?.maxRecordedAt;
  let eventsFolded = 0;
  const pages = pageAll(store, {
    afterPosition: start?.position,
    toPosition: bounds.atPosition,
    pageSize: PAGE,
    filter: projection.filter,
    occurredAtMax: bounds.asOf,
    recordedAtMax: bounds.asKnownAt,
  });
  const slice = new TimeSlice(CHECK_CLOCK_EVERY);
  for await (const page of pages) {
    for (const event of page) {
      if (slice.due()) await slice.pause();
      if (!withinBounds(bounds, event)) continue;
      state = applyProjection(projection, state, event);
      position = event.position;
      eventId = event.id;
      if (maxRecordedAt === undefined || Date.parse(event.metadata.recordedAt) > Date.parse(maxRecordedAt))
        maxRecordedAt = event.metadata.recordedAt;
      eventsFolded++;
    }
    onProgress?.(page[page.length - 1].position);
    await slice.pause();
  }
  return { state, position, eventsFolded, eventId, maxRecordedAt };
}
