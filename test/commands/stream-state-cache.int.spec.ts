import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamStateCache } from '../../src/commands/stream-state-cache';
import { EventStore, NewEvent, ReadStreamOptions } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

const counter = {
  initialState: () => ({ count: 0, last: '' }),
  evolve: (state: { count: number; last: string }, event: { type: string }) => ({
    count: state.count + 1,
    last: event.type,
  }),
};
const event = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: {
    occurredAt: '2018-01-01T00:00:00Z',
    actor: 't',
    sourceSystem: 't',
    correlationId: 'c',
    causationId: 'k',
    schemaVersion: 1,
  },
});

describe('StreamStateCache [sqlite: embedded file store]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let reads: Array<ReadStreamOptions | undefined>;
  let counted: EventStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-cache-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    reads = [];
    // The real store, counting what it is asked to read.
    counted = Object.assign(Object.create(store) as EventStore, {
      readStream: (stream: string, options?: ReadStreamOptions) => {
        reads.push(options);
        return store.readStream(stream, options);
      },
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads only the events appended since the cached revision, including other writers’', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-1', [event('A'), event('B')]);
    expect(await cache.load(counter, 's-1')).toMatchObject({ state: { count: 2, last: 'B' }, revision: 1 });
    await store.appendToStream('s-1', [event('C')]);
    expect(await cache.load(counter, 's-1')).toMatchObject({ state: { count: 3, last: 'C' }, revision: 2 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 2]);
    const again = await cache.load(counter, 's-1');
    expect(again.revision).toBe(2);
    expect(again.known.size).toBe(3);
  });

  it('reads a missing stream as revision -1 and keeps each folder’s states apart', async () => {
    const cache = new StreamStateCache(counted);
    expect(await cache.load(counter, 'none')).toMatchObject({ state: { count: 0 }, revision: -1 });
    const other = { initialState: () => 100, evolve: (n: number) => n + 1 };
    await store.appendToStream('s-2', [event('A')]);
    expect((await cache.load(counter, 's-2')).state).toEqual({ count: 1, last: 'A' });
    expect((await cache.load(other, 's-2')).state).toBe(101);
  });

  it('evicts the least recently used streams beyond its size, and folds them again from the start', async () => {
    const cache = new StreamStateCache(counted, 2);
    for (const s of ['a-1', 'a-2', 'a-3']) await store.appendToStream(s, [event('A')]);
    await cache.load(counter, 'a-1');
    await cache.load(counter, 'a-2');
    await cache.load(counter, 'a-3');
    reads.length = 0;
    expect((await cache.load(counter, 'a-1')).state.count).toBe(1);
    expect(reads[0]?.fromRevision).toBe(0);
  });
});
