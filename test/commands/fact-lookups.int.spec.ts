import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryBus } from '@nestjs/cqrs';
import { FactLookups } from '../../src/commands/fact-lookups';
import { StreamStateCache } from '../../src/commands/stream-state-cache';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';

const counter = {
  initialState: () => ({ count: 0 }),
  evolve: (state: { count: number }) => ({ count: state.count + 1 }),
};

describe('FactLookups [sqlite: embedded file store]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let lookups: FactLookups;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-facts-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    // Stream look-ups only: the read side (data-cut checksums) is not asked here.
    lookups = new FactLookups(new StreamStateCache(store), null as unknown as QueryBus);
    await store.appendToStream('a-1', [newEvent('Counted'), newEvent('Counted')]);
    await store.appendToStream('b-1', [newEvent('Counted')]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads another aggregate’s state whole, or the part a rule picks', async () => {
    expect(await lookups.load(counter, 'a-1')).toEqual({ state: { count: 2 }, revision: 1 });
    expect(await lookups.read(counter, 'b-1', (state) => state.count)).toBe(1);
  });

  it('tells an observer of every stream read, by either way, and leaves the look-ups it came from unobserved', async () => {
    const seen: string[] = [];
    const observed = lookups.observed((streamId) => seen.push(streamId));
    await observed.load(counter, 'a-1');
    expect(await observed.read(counter, 'b-1', (state) => state.count)).toBe(1);
    await lookups.load(counter, 'b-1');
    expect(seen).toEqual(['a-1', 'b-1']);
  });
});
