import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { EventStore } from '../event-store/port';
import { Projection } from '../projections/runner/projection';
import { Bounds, withinBounds } from './bounds';

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
  for (let from = 1; ;) {
    const page = await store.readAll({ fromPosition: from, toPosition: bounds.atPosition, maxCount: PAGE });
    for (const event of page) {
      if (!withinBounds(bounds, event)) continue;
      state = projection.apply(state, event);
      position = event.position;
      eventsFolded++;
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].position + 1;
    onProgress?.(from - 1);
    await yieldToIo();
  }
  return { state, position, eventsFolded };
}
