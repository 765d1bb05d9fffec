import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamStateCache } from '../../src/commands/stream-state-cache';
import { WorkingStreams } from '../../src/commands/working-streams';
import { EventStore, NewEvent, ReadStreamOptions } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

const counter = {
  initialState: () => ({ count: 0, last: '' }),
  evolve: (state: { count: number; last: string }, event: { type: string }) => ({
    count: state.count + 1,
    last: event.type,
  }),
};
interface Log {
  count: number;
  types: string[];
}
/** A fold that can also work in place, as the measure's does (`owned`): a test of which path ran. */
const inPlace = {
  initialState: (): Log => ({ count: 0, types: [] }),
  evolve: (state: Log, e: { type: string }): Log => ({
    count: state.count + 1,
    types: [...state.types, e.type],
  }),
  owned: {
    copy: (state: Log): Log => ({ count: state.count, types: [...state.types] }),
    evolve: (state: Log, e: { type: string }): Log => {
      state.count++;
      state.types.push(e.type);
      return state;
    },
  },
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
    const first = [event('A'), event('B')];
    await store.appendToStream('s-1', first);
    expect(await cache.load(counter, 's-1')).toMatchObject({ state: { count: 2, last: 'B' }, revision: 1 });
    const later = event('C');
    await store.appendToStream('s-1', [later]);
    expect(await cache.load(counter, 's-1')).toMatchObject({ state: { count: 3, last: 'C' }, revision: 2 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 2]);
    const again = await cache.load(counter, 's-1');
    expect(again.revision).toBe(2);
    expect([...first, later].map((e) => again.known.revisionsOf(e.id))).toEqual([[0], [1], [2]]);
    expect(again.known.revisionsOf(randomUUID())).toEqual([]);
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

  it('holds at most its bound of events across folders, least recently used out first, in-place folds counted too', async () => {
    const cache = new StreamStateCache(counted, 5_000, 10);
    const other = { initialState: () => 0, evolve: (n: number) => n + 1 };
    for (const s of ['w-1', 'w-2', 'w-3'])
      await store.appendToStream(s, [event('A'), event('B'), event('C')]);
    await cache.load(counter, 'w-1');
    await cache.load(other, 'w-2');
    await cache.load(inPlace, 'w-3');
    expect(cache.held()).toEqual({ streams: 3, events: 9 });
    // w-3 grows in place by two events: 11 > 10, so the least recently used go (w-1, then w-2, each
    // another folder's) until at most three quarters of the bound are held.
    const decided = await cache.load(inPlace, 'w-3');
    const appended = [event('D'), event('E')];
    const result = await store.appendToStream('w-3', appended, { expectedRevision: decided.revision });
    cache.appended(inPlace, 'w-3', decided.revision, appended, result);
    expect(cache.held()).toEqual({ streams: 1, events: 5 });
    reads.length = 0;
    expect((await cache.load(counter, 'w-1')).state.count).toBe(3);
    expect((await cache.load(inPlace, 'w-3')).state.types).toEqual(['A', 'B', 'C', 'D', 'E']);
    // w-1 was read from the start; w-3 from past what it holds.
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 5]);
    expect(cache.held()).toEqual({ streams: 2, events: 8 });
    // A stream longer than the bound is still kept once used, not read whole on every command.
    await store.appendToStream(
      'long',
      Array.from({ length: 12 }, () => event('L')),
    );
    await cache.load(counter, 'long');
    reads.length = 0;
    expect((await cache.load(counter, 'long')).state.count).toBe(12);
    expect(reads.map((r) => r?.fromRevision)).toEqual([12]);
    expect(cache.held()).toEqual({ streams: 1, events: 12 });
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
    expect(next.known.revisionsOf(appended[1].id)).toEqual([2]);
    // Nothing new: the load asked from revision 3, past what was appended.
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 3]);
    expect(next.state).toEqual((await new StreamStateCache(store).load(counter, 's-3')).state);
  });

  it('folds a stream’s own append into its cached state in place when the decider can, as a read would', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-5', [event('A')]);
    const decided = await cache.load(inPlace, 's-5');
    const before = decided.state;
    const appended = [event('B'), event('C')];
    const result = await store.appendToStream('s-5', appended, { expectedRevision: decided.revision });
    cache.appended(inPlace, 's-5', decided.revision, appended, result);
    const next = await cache.load(inPlace, 's-5');
    expect(next.state).toBe(before);
    expect(next).toMatchObject({ state: { count: 3, types: ['A', 'B', 'C'] }, revision: 2 });
    expect(next.known.revisionsOf(appended[1].id.toUpperCase())).toEqual([2]);
    expect(next.state).toEqual((await new StreamStateCache(store).load(inPlace, 's-5')).state);
  });

  it('keeps a state lent as another aggregate’s facts as it was when the stream’s next append is folded', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-6', [event('A')]);
    const decided = await cache.load(inPlace, 's-6');
    const facts = await cache.lend(inPlace, 's-6');
    expect(facts).toEqual({ state: { count: 1, types: ['A'] }, revision: 0 });
    const appended = [event('B')];
    const result = await store.appendToStream('s-6', appended, { expectedRevision: decided.revision });
    cache.appended(inPlace, 's-6', decided.revision, appended, result);
    expect(facts).toEqual({ state: { count: 1, types: ['A'] }, revision: 0 });
    const next = await cache.load(inPlace, 's-6');
    expect(next.state).not.toBe(facts.state);
    expect(next).toMatchObject({ state: { count: 2, types: ['A', 'B'] }, revision: 1 });
    // Copied once, for the lender: the append after that is folded in place again.
    const more = [event('C')];
    const moreResult = await store.appendToStream('s-6', more, { expectedRevision: 1 });
    cache.appended(inPlace, 's-6', 1, more, moreResult);
    expect((await cache.load(inPlace, 's-6')).state).toBe(next.state);
  });

  it('folds each event once when a load reads the stream while the stream’s own append is folded in place', async () => {
    const cache = new StreamStateCache(counted);
    const decided = await cache.load(inPlace, 's-7');
    const appended = [event('A'), event('B')];
    const result = await store.appendToStream('s-7', appended, { expectedRevision: decided.revision });
    // A fact reader's load is in flight (it has asked for the tail) when the command folds its own append.
    const reading = cache.lend(inPlace, 's-7');
    cache.appended(inPlace, 's-7', decided.revision, appended, result);
    expect(await reading).toEqual({ state: { count: 2, types: ['A', 'B'] }, revision: 1 });
    expect(await cache.load(inPlace, 's-7')).toMatchObject({ state: { count: 2 }, revision: 1 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([0, 0, 2]);
  });

  it('keeps a state taken to be folded in place out of sight until the appends are adopted', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-8', [event('A')]);
    const taken = await cache.take(inPlace, 's-8');
    const appended = [event('B')];
    // The batch folds its decision in before it is stored.
    inPlace.owned.evolve(taken.state, appended[0]);
    const meanwhile = await cache.lend(inPlace, 's-8');
    expect(meanwhile).toEqual({ state: { count: 1, types: ['A'] }, revision: 0 });
    const result = await store.appendToStream('s-8', appended, { expectedRevision: 0 });
    cache.adopt(inPlace, 's-8', taken, taken.state, [{ events: appended, result }]);
    // The lender's load left the stream at revision 0, where the batch took it: the batch's state is taken.
    reads.length = 0;
    const next = await cache.load(inPlace, 's-8');
    expect(next.state).toBe(taken.state);
    expect(next).toMatchObject({ state: { count: 2, types: ['A', 'B'] }, revision: 1 });
    expect(next.known.revisionsOf(appended[0].id)).toEqual([1]);
    expect(reads.map((r) => r?.fromRevision)).toEqual([2]);
    expect(meanwhile.state).toEqual({ count: 1, types: ['A'] });
  });

  it('reads the store for a stream taken by a batch whose appends were not stored', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-9', [event('A')]);
    const taken = await cache.take(inPlace, 's-9');
    inPlace.owned.evolve(taken.state, event('B'));
    // Never adopted: its append was refused.
    reads.length = 0;
    expect(await cache.load(inPlace, 's-9')).toMatchObject({
      state: { count: 1, types: ['A'] },
      revision: 0,
    });
    expect(reads.map((r) => r?.fromRevision)).toEqual([0]);
  });

  it('copies a lent state when it is taken, so the lender’s facts stay as they were', async () => {
    const cache = new StreamStateCache(counted);
    await store.appendToStream('s-10', [event('A')]);
    const facts = await cache.lend(inPlace, 's-10');
    const taken = await cache.take(inPlace, 's-10');
    expect(taken.state).not.toBe(facts.state);
    inPlace.owned.evolve(taken.state, event('B'));
    expect(facts.state).toEqual({ count: 1, types: ['A'] });
  });

  it('reads the stream afresh when a load in flight finds its entry taken meanwhile', async () => {
    let gate: Promise<void> | undefined;
    const gated = Object.assign(Object.create(store) as EventStore, {
      readStream: async (stream: string, options?: ReadStreamOptions) => {
        const held = gate;
        const read = await store.readStream(stream, options);
        await held;
        return read;
      },
    });
    const cache = new StreamStateCache(gated);
    await store.appendToStream('s-11', [event('A')]);
    await cache.load(inPlace, 's-11');
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const reading = cache.load(inPlace, 's-11');
    gate = undefined;
    const taken = await cache.take(inPlace, 's-11');
    inPlace.owned.evolve(taken.state, event('B'));
    open();
    const loaded = await reading;
    expect(loaded.state).not.toBe(taken.state);
    expect(loaded).toMatchObject({ state: { count: 1, types: ['A'] }, revision: 0 });
  });

  it('gets back from a batch the states it took: unchanged, or with every folded event stored', async () => {
    const cache = new StreamStateCache(counted);
    for (const s of ['w-1', 'w-2', 'w-3']) await store.appendToStream(s, [event('A')]);
    const batch = new WorkingStreams(cache);
    const [untouched, written, unstored] = await Promise.all(
      ['w-1', 'w-2', 'w-3'].map((s) => batch.load(inPlace, s)),
    );
    expect(untouched.revision).toBe(0);
    const events = [event('B')];
    batch.appended(inPlace, 'w-2', 0, events);
    batch.appended(inPlace, 'w-3', 0, [event('C')]);
    const result = await store.appendToStream('w-2', events, { expectedRevision: 0 });
    // w-3's append was refused: its working state holds an event the log does not.
    batch.handBack(cache, new Map([['w-2', [{ events, result }]]]), new Set());
    reads.length = 0;
    expect((await cache.load(inPlace, 'w-1')).state).toBe(untouched.state);
    expect((await cache.load(inPlace, 'w-2')).state).toBe(written.state);
    expect(await cache.load(inPlace, 'w-3')).toMatchObject({
      state: { count: 1, types: ['A'] },
      revision: 0,
    });
    expect(unstored.state).toEqual({ count: 2, types: ['A', 'C'] });
    // Given back: read from past what they hold. Not given back: read from the start.
    expect(reads.map((r) => r?.fromRevision)).toEqual([1, 2, 0]);
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
