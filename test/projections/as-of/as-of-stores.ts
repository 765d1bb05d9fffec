import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEventType } from '../../../src/domain/events-by-category';
import type { EventStore, NewEvent, RecordedEvent } from '../../../src/event-store';
import { EsdbEventStore } from '../../../src/event-store/esdb/esdb-event-store';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { AsOfSnapshotStore } from '../../../src/projections/as-of/as-of-snapshot-store';
import { foldProjection, Projection } from '../../../src/projections/runner/projection';
import { Bounds, withinBounds } from '../../../src/shared/bounds';
import { startEsdbDouble } from '../../support/esdb-double';

/** A store the as-of tests run on: each `open` is a new, empty one whose clock stamps recordedAt. */
export interface AsOfTarget {
  name: string;
  open(now: () => number): Promise<{ store: EventStore; dispose(): Promise<void> }>;
}

export const AS_OF_TARGETS: AsOfTarget[] = [
  {
    name: 'sqlite: embedded file store',
    open: async (now) => {
      const folder = mkdtempSync(join(tmpdir(), 'aet-as-of-'));
      const store = SqliteEventStore.open({
        path: join(folder, 'events.sqlite'),
        synchronous: 'NORMAL',
        now: () => new Date(now()),
      });
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'esdb: @eventstore/db-client → gRPC wire double',
    open: async (now) => {
      const double = await startEsdbDouble({ now });
      const store = EsdbEventStore.open({ connectionString: double.connectionString });
      return {
        store,
        dispose: async () => {
          await store.close();
          await double.stop();
        },
      };
    },
  },
];

/** An event of the tally model's kind (`Counted`, `Adjusted`) or any other type, at a business time. */
export const tallyEvent = (type: string, n: number, occurredAt: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: {
    occurredAt,
    actor: 'test',
    sourceSystem: 'test',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  },
});

/** A fresh state database's snapshot store (what STATE_SQLITE_PATH holds), in memory. */
export function snapshotStore(): { snapshots: AsOfSnapshotStore; db: Database.Database } {
  const db = new Database(':memory:');
  return { snapshots: new AsOfSnapshotStore(db), db };
}

export interface TallyState {
  /** Depends on which events were folded and in what order. */
  order: number;
  streams: Record<string, { last: string[]; total: number }>;
}

/**
 * A read model as sensitive as a fold can be: the order of the events it
 * takes changes `order`, and it updates its state in place, as the real
 * ones do. Only `Counted` and `Adjusted` are its events.
 */
export const tallyProjection: Projection<TallyState> = {
  name: 'tally',
  version: 1,
  initialState: () => ({ order: 0, streams: {} }),
  apply(state, event) {
    const n = (event.data as { n: number }).n;
    state.order = (state.order * 31 + n + 1) % 2_147_483_647;
    const entry = (state.streams[event.streamId] ??= { last: [], total: 0 });
    entry.last.push(`${event.type}:${n}`);
    if (entry.last.length > 3) entry.last.shift();
    entry.total += event.type === 'Counted' ? 1 : -n;
    return state;
  },
  filter: { eventTypes: ['Counted', 'Adjusted'] as unknown as DomainEventType[] },
};

/** The answer by definition: every event of the log, tested against the bounds one by one, folded from the start. */
export async function fullFold<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds,
): Promise<State> {
  const all: RecordedEvent[] = await store.readAll();
  return foldProjection(
    projection,
    all.filter((event) => withinBounds(bounds, event)),
  );
}
