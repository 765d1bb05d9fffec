import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';

describe('SQLite group commit and stream freshness [sqlite: embedded file store]', () => {
  let folder: string;
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-group-commit-'));
    path = join(folder, 'events.sqlite');
    store = SqliteEventStore.open({ path });
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('commits appends made together, a conflict rolling back only its own', async () => {
    await store.appendToStream('taken', [newEvent('First')]);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) =>
        store.appendToStream(`new-${i}`, [newEvent('Created'), newEvent('Named')], {
          expectedRevision: 'no_stream',
        }),
      ),
      store.appendToStream('taken', [newEvent('Second')], { expectedRevision: 'no_stream' }),
      store.appendToStream('taken', [newEvent('Second')], { expectedRevision: 0 }),
      // Sees the append just before it in the same transaction.
      store.appendToStream('taken', [newEvent('Third')], { expectedRevision: 1 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array(10).fill('fulfilled'),
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[10] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    const positions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.position] : []));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect((await store.readStream('taken')).map((e) => e.type)).toEqual(['First', 'Second', 'Third']);
    expect(await store.readAll()).toHaveLength(1 + 20 + 2);
    // Committed, not just visible to this connection.
    const other = new Database(path, { readonly: true });
    try {
      expect(other.prepare('SELECT count(*) FROM events').pluck().get()).toBe(23);
    } finally {
      other.close();
    }
  });

  it('fails every append of a batch whose transaction cannot begin, and writes none of them', async () => {
    const blocker = new Database(path);
    blocker.pragma('busy_timeout = 0');
    store.db.pragma('busy_timeout = 50');
    blocker.prepare('BEGIN IMMEDIATE').run();
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [newEvent('One')]),
      store.appendToStream('b', [newEvent('Two')]),
    ]);
    blocker.prepare('ROLLBACK').run();
    blocker.close();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    expect(await store.readAll()).toEqual([]);
    await store.appendToStream('a', [newEvent('One')]);
    expect(await store.readAll()).toHaveLength(1);
  });

  it('reads what another connection appended after this one last read or wrote the stream', async () => {
    await store.appendToStream('shared', [newEvent('Ours')]);
    expect(await store.readStream('shared', { fromRevision: 1 })).toEqual([]);
    expect(await store.readStream('fresh')).toEqual([]);
    const other = SqliteEventStore.open({ path });
    try {
      await other.appendToStream('shared', [newEvent('Theirs')]);
      await other.appendToStream('fresh', [newEvent('Theirs too')]);
    } finally {
      await other.close();
    }
    expect((await store.readStream('shared', { fromRevision: 1 })).map((e) => e.type)).toEqual(['Theirs']);
    expect((await store.readStream('fresh')).map((e) => e.type)).toEqual(['Theirs too']);
    expect(await store.readStream('shared', { fromRevision: 2 })).toEqual([]);
  });

  it('appends after what another connection appended to a stream this one remembers, in the same turn', async () => {
    expect((await store.appendToStream('remembered', [newEvent('Ours')])).nextRevision).toBe(0);
    const other = SqliteEventStore.open({ path });
    try {
      await other.appendToStream('remembered', [newEvent('Theirs')]);
    } finally {
      await other.close();
    }
    // Whatever this connection remembers, the write transaction asks the file who wrote since.
    await expect(
      store.appendToStream('remembered', [newEvent('Stale')], { expectedRevision: 0 }),
    ).rejects.toMatchObject({ actual: 1 });
    expect((await store.appendToStream('remembered', [newEvent('Ours again')])).nextRevision).toBe(2);
  });

  it('fails the whole batch when SQLite abandons its transaction (a full disk), and stays consistent after', async () => {
    await store.appendToStream('c-1', [newEvent('First')]);
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    const outcomes = await Promise.allSettled([
      store.appendToStream('a-1', [newEvent('Small')]),
      store.appendToStream('b-1', [newEvent('Huge', { text: 'x'.repeat(200_000) })]),
      store.appendToStream('c-1', [newEvent('Second')], { expectedRevision: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    store.db.pragma('max_page_count = 1073741823');
    expect((await store.readAll()).map((e) => e.type)).toEqual(['First']);
    // Nothing half-remembered: the stream reads and appends as stored.
    expect(await store.readStream('c-1', { fromRevision: 1 })).toEqual([]);
    await store.appendToStream('c-1', [newEvent('Second')], { expectedRevision: 0 });
    expect((await store.readStream('c-1')).map((e) => e.type)).toEqual(['First', 'Second']);
  });

  it('says which appends it wrote and which it recognised as retries', async () => {
    const events = [newEvent('Once')];
    const [first, retry] = await Promise.all([
      store.appendToStream('r-1', events, { expectedRevision: 'no_stream' }),
      store.appendToStream('r-1', events, { expectedRevision: 'no_stream' }),
    ]);
    expect(first).toEqual({ nextRevision: 0, position: first.position, replayed: false });
    expect(retry).toEqual({ ...first, replayed: true });
  });

  it('does not take a read of no events (maxCount 0) for a missing stream', async () => {
    await store.appendToStream('m-1', [newEvent('Only')]);
    expect(await store.readStream('m-1', { maxCount: 0 })).toEqual([]);
    expect((await store.readStream('m-1')).map((e) => e.type)).toEqual(['Only']);
  });
});
