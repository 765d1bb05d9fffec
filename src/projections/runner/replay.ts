import { setImmediate as yieldToIo } from 'node:timers/promises';
import { pageAll } from '../../event-store/page-all';
import type { EventStore } from '../../event-store/port';
import { applyProjection, Projection } from './projection';
import { Bounds, withinBounds } from '../../shared/bounds';

const PAGE = 5_000;

export interface Replayed<State> {
  state: State;
  /** Highest global position folded (0 if none). */
  position: number;
  eventsFolded: number;
}

/**
 * Folds a read model over the log as it stood inside the bounds: the same
 * projection code as the live runner, never a second implementation. Pages
 * through $all, so memory stays flat however long the log is.
 */
export async function replay<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds,
  onProgress?: (position: number) => void,
): Promise<Replayed<State>> {
  let state = projection.initialState();
  let position = 0;
  let eventsFolded = 0;
  const pages = pageAll(store, { toPosition: bounds.atPosition, pageSize: PAGE, filter: projection.filter });
  for await (const page of pages) {
    for (const event of page) {
      if (!withinBounds(bounds, event)) continue;
      state = applyProjection(projection, state, event);
      position = event.position;
      eventsFolded++;
    }
    onProgress?.(page[page.length - 1].position);
    await yieldToIo();
  }
  return { state, position, eventsFolded };
}
