import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStoreStartupError,
  IdempotencyConflictError,
  idempotencyFingerprint,
  IdempotencyKeyReusedError,
} from '../../src/event-store';
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

  /** Turns a file into what version 1 wrote: no record of keys, no unique event ids, the old index. */
  const makeVersion1 = (insert: (db: Database.Database) => void): void => {
    const db = new Database(path);
    db.exec(`DROP TABLE idempotency_keys; DROP INDEX events_event_id_unique;
             CREATE INDEX events_event_id ON events (event_id); PRAGMA user_version = 1;`);
    insert(db);
    db.close();
  };
  const rowOf = (stream: string, revision: number, id: string, metadata: Record<string, unknown>) => ({
    stream,
    revision,
    id,
    metadata: JSON.stringify({ occurredAt: '2018-03-31T09:00:00.000Z', ...metadata }),
  });
  const insertRow = (db: Database.Database, row: ReturnType<typeof rowOf>): void => {
    db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
       VALUES (@stream, @revision, @id, 'ThingDone', '{}', @metadata, '2018-03-31', '2018-03-31')`,
    ).run(row);
  };

  it('replaces the non-unique event_id index of older files with a unique one, keeping their events', async () => {
    const first = SqliteEventStore.open({ path });
    await first.appendToStream('stream-a', [newEvent('Happened')]);
    await first.close();
    makeVersion1(() => undefined);
    expect(indexes()).toContain('events_event_id');

    const reopened = SqliteEventStore.open({ path });
    try {
      expect(indexes()).not.toContain('events_event_id');
      expect(indexes()).toContain('events_event_id_unique');
      expect(reopened.upgrade).toMatchObject({ fromVersion: 1, duplicateEventIds: 0 });
      expect((await reopened.readStream('stream-a')).map((e) => e.type)).toEqual(['Happened']);
      // A retry's lookup of its event ids still goes through an index, not a scan of the table.
      const plan = reopened.db
        .prepare('EXPLAIN QUERY PLAN SELECT revision FROM events WHERE stream_id = ? AND event_id = ?')
        .all('stream-a', 'x') as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail).join('; ')).toMatch(
        /USING INDEX (sqlite_autoindex_events_\d|events_event_id_unique)/,
      );
    } finally {
      await reopened.close();
    }
  });

  it('refuses an event whose id an event of another stream already has', async () => {
    const store = SqliteEventStore.open({ path });
    try {
      const event = newEvent('Happened');
      await store.appendToStream('stream-a', [event]);
      await expect(store.appendToStream('stream-b', [event])).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      expect(await store.readStream('stream-b')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('reads the keys used before version 2 back from the events, first use first', async () => {
    const store = SqliteEventStore.open({ path });
    await store.close();
    makeVersion1((db) => {
      const meta = (key: string, hash: string) => ({
        causationId: key,
        requestHash: hash,
        commandName: 'DoThing',
      });
      insertRow(db, rowOf('thing-1', 0, randomUUID(), meta('key-1', 'hash-1')));
      insertRow(db, rowOf('thing-1', 1, randomUUID(), meta('key-1', 'hash-1')));
      // The same key reused for another stream, as version 1 let a client do after losing its state file.
      insertRow(db, rowOf('thing-2', 0, randomUUID(), meta('key-1', 'hash-2')));
      insertRow(db, rowOf('thing-3', 0, randomUUID(), { causationId: null }));
    });

    const reopened = SqliteEventStore.open({ path });
    try {
      expect(reopened.upgrade).toMatchObject({ fromVersion: 1, keysRecorded: 1 });
      expect(await reopened.idempotencyKeyUse('key-1')).toEqual({
        fingerprint: idempotencyFingerprint('thing-1', 'hash-1'),
        command: 'DoThing',
      });
      const claim = {
        key: 'key-1',
        fingerprint: idempotencyFingerprint('thing-4', 'hash-1'),
        command: 'DoThing',
      };
      await expect(
        reopened.appendToStream('thing-4', [newEvent('ThingDone')], { idempotency: claim }),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    } finally {
      await reopened.close();
    }
  });

  it('keeps an older file whose log holds an id twice, and makes every later id unique', async () => {
    const store = SqliteEventStore.open({ path });
    await store.close();
    const twice = randomUUID();
    makeVersion1((db) => {
      insertRow(db, rowOf('thing-1', 0, twice, {}));
      insertRow(db, rowOf('thing-2', 0, twice, {}));
    });

    const reopened = SqliteEventStore.open({ path });
    try {
      expect(reopened.upgrade).toMatchObject({ fromVersion: 1, duplicateEventIds: 1 });
      expect(await reopened.readAll()).toHaveLength(2);
      const later = newEvent('ThingDone');
      await reopened.appendToStream('thing-3', [later]);
      await expect(reopened.appendToStream('thing-4', [later])).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
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
