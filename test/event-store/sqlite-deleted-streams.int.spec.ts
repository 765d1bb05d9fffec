import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamDeletedError } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('deleted streams in the embedded file [sqlite: embedded file store]', () => {
  let folder: string;
  let path: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-deleted-'));
    path = join(folder, 'events.sqlite');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a delete by another connection is seen at the next turn, even for a stream this one remembers', async () => {
    const writer = SqliteEventStore.open({ path });
    const reader = SqliteEventStore.open({ path });
    try {
      await writer.appendToStream('organisation-RYX', [newEvent('A'), newEvent('B')]);
      await writer.appendToStream('organisation-RYY', [newEvent('A')]);
      // The reader now remembers both streams' revisions and answers reads past them without a query.
      expect(await reader.readStream('organisation-RYX')).toHaveLength(2);
      expect(await reader.readStream('organisation-RYY')).toHaveLength(1);
      await writer.tombstoneStream('organisation-RYX');
      await writer.deleteStream('organisation-RYY');
      await nextTurn();
      await expect(reader.readStream('organisation-RYX', { fromRevision: 2 })).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
      expect(await reader.readStream('organisation-RYY')).toEqual([]);
      await expect(reader.appendToStream('organisation-RYX', [newEvent('C')])).rejects.toMatchObject({
        tombstoned: true,
      });
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('keeps deletions across a restart, in a table beside events that are never touched', async () => {
    const first = SqliteEventStore.open({ path });
    await first.appendToStream('pdsa-1', [newEvent('A'), newEvent('B')]);
    await first.appendToStream('pdsa-2', [newEvent('A')]);
    await first.deleteStream('pdsa-1');
    await first.appendToStream('pdsa-1', [newEvent('C')], { expectedRevision: 'no_stream' });
    await first.tombstoneStream('pdsa-2');
    await first.close();

    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(4);
      expect(
        db.prepare('SELECT stream_id, state, hidden_through FROM deleted_streams ORDER BY stream_id').all(),
      ).toEqual([
        { stream_id: 'pdsa-1', state: 'recreated', hidden_through: 1 },
        { stream_id: 'pdsa-2', state: 'tombstoned', hidden_through: 0 },
      ]);
    } finally {
      db.close();
    }

    const reopened = SqliteEventStore.open({ path });
    try {
      expect((await reopened.readStream('pdsa-1')).map((e) => [e.type, e.revision])).toEqual([['C', 2]]);
      await expect(reopened.streamRevision('pdsa-2')).rejects.toBeInstanceOf(StreamDeletedError);
    } finally {
      await reopened.close();
    }
  });

  it('runs a delete after the appends asked for before it, not before them', async () => {
    const store = SqliteEventStore.open({ path });
    try {
      // Not awaited: these wait for the next group commit, which the delete must not overtake.
      const appended = [
        store.appendToStream('measure-1', [newEvent('A')]),
        store.appendToStream('measure-1', [newEvent('B')]),
      ];
      await store.deleteStream('measure-1', { expectedRevision: 1 });
      await expect(Promise.all(appended)).resolves.toHaveLength(2);
      expect(await store.readStream('measure-1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
