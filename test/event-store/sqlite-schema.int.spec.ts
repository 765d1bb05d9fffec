import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreStartupError } from '../../src/event-store';
import { openSqliteDatabase } from '../../src/event-store/sqlite/open-sqlite-database';
import { APPLICATION_ID, SCHEMA } from '../../src/event-store/sqlite/schema';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';

describe('the embedded store schema [sqlite: embedded file store]', () => {
  let folder: string;
  let path: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-schema-'));
    path = join(folder, 'events.sqlite');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const indexes = (): string[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
        .pluck()
        .all() as string[];
    } finally {
      db.close();
    }
  };

  it('drops the global event_id index of older files, keeping their events and the per-stream lookups', async () => {
    const first = SqliteEventStore.open({ path });
    await first.appendToStream('stream-a', [newEvent('Happened')]);
    await first.close();
    // What a file written by an earlier version has.
    const old = new Database(path);
    old.exec('CREATE INDEX events_event_id ON events (event_id)');
    old.close();
    expect(indexes()).toContain('events_event_id');

    const reopened = SqliteEventStore.open({ path });
    try {
      expect(indexes()).not.toContain('events_event_id');
      expect((await reopened.readStream('stream-a')).map((e) => e.type)).toEqual(['Happened']);
      // A retry's lookup of its event ids still goes through an index, not a scan of the table.
      const plan = reopened.db
        .prepare('EXPLAIN QUERY PLAN SELECT revision FROM events WHERE stream_id = ? AND event_id = ?')
        .all('stream-a', 'x') as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail).join('; ')).toMatch(/USING INDEX sqlite_autoindex_events_\d/);
    } finally {
      await reopened.close();
    }
  });

  it('brings a schema 1 file to 2 (deleted_streams), its events kept; a build of schema 1 would refuse it', async () => {
    const first = SqliteEventStore.open({ path });
    await first.appendToStream('stream-a', [newEvent('Happened')]);
    await first.close();
    const old = new Database(path);
    old.exec('DROP TABLE deleted_streams');
    old.pragma('user_version = 1');
    old.close();

    const reopened = SqliteEventStore.open({ path });
    try {
      expect(reopened.db.pragma('user_version', { simple: true })).toBe(2);
      await reopened.tombstoneStream('stream-b', { expectedRevision: 'no_stream' });
      expect((await reopened.readStream('stream-a')).map((e) => e.type)).toEqual(['Happened']);
    } finally {
      await reopened.close();
    }
    // What an older build does with it: it would not see tombstones, so it must not open the file.
    const older = { setting: 'SQLITE_PATH', applicationId: APPLICATION_ID, schemaVersion: 1, schema: SCHEMA };
    expect(() => openSqliteDatabase(path, older)).toThrow(EventStoreStartupError);
    expect(() => openSqliteDatabase(path, older)).toThrow(
      /schema version 2, newer than this build supports \(1\)/,
    );
  });
});
