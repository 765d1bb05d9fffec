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

  it('folds a command’s own append into the state it was decided on, as a read of the stream would', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-3', [event('A')]);
    const decided = await cache.load(counter, 's-3');
    const appended = [event('B'), event('C')];
    const result = await store.appendToStream('s-3', appended, { expectedRevision: decided.revision });
    cache.appended(counter, 's-3', decided.revision, appended, result);
    const next = await cache.load(counter, 's-3');
    expect(next).toMatchObject({ state: { count: 3, last: 'C' }, revision: 2 });
    expect(next.known.get(appended[1].id)).toMatchObject({
      revision: 2,
      position: result.position,
      causationId: 'k',
    });
    // Nothing new: the load asked from revision 3, past what was appended.
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 3]);
    expect(next.state).toEqual((await new StreamStateCache(store).load(counter, 's-3')).state);
  });

  it('leaves a state another load has moved on to be read, not folded twice', async () => {
    const cache = new StreamStateCache(counted);
    const decided = await cache.load(counter, 's-4');
    const appended = [event('A')];
    const result = await store.appendToStream('s-4', appended, { expectedRevision: decided.revision });
    // Another command's load saw the append first.
    expect((await cache.load(counter, 's-4')).revision).toBe(0);
    cache.appended(counter, 's-4', decided.revision, appended, result);
    expect(await cache.load(counter, 's-4')).toMatchObject({ state: { count: 1, last: 'A' }, revision: 0 });
  });
});
