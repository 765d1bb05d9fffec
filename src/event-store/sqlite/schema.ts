import type Database from 'better-sqlite3';
import { idempotencyFingerprint } from '../idempotency-claim';

/** Marks a file as this service's event store ("AEVT"), so a foreign database is never written to. */
export const APPLICATION_ID = 0x41455654;
/**
 * 2: idempotency keys, globally unique event ids, shared leases and deleted
 * streams, kept by the store itself. A build that knows only 1 refuses a file
 * at 2, so it never ignores a tombstone or a key.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position     INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id    TEXT    NOT NULL,
  revision     INTEGER NOT NULL,
  event_id     TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  data         TEXT    NOT NULL,
  metadata     TEXT    NOT NULL,
  occurred_at  TEXT    NOT NULL,
  recorded_at  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
-- The first use of every idempotency key, written in the transaction of the
-- append that claimed it: part of the log, never a cache beside it.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  idempotency_key TEXT    PRIMARY KEY,
  fingerprint     TEXT    NOT NULL,
  command         TEXT    NOT NULL,
  position        INTEGER NOT NULL
) WITHOUT ROWID;
-- Leases shared by every process on the file (the Kafka relay's), with the
-- position their holder has finished with (src/coordination/).
CREATE TABLE IF NOT EXISTS leases (
  name        TEXT    PRIMARY KEY,
  owner       TEXT    NOT NULL,
  host        TEXT    NOT NULL,
  pid         INTEGER NOT NULL,
  renewed_at  INTEGER NOT NULL,
  checkpoint  INTEGER NOT NULL DEFAULT 0
);
-- Deleted streams (port.ts): the events stay where they are; stream reads and appends consult this.
CREATE TABLE IF NOT EXISTS deleted_streams (
  stream_id      TEXT    PRIMARY KEY,
  -- 'deleted' (soft) until an append recreates the stream ('recreated'); 'tombstoned' for good.
  state          TEXT    NOT NULL CHECK (state IN ('deleted', 'recreated', 'tombstoned')),
  -- Stream reads skip revisions up to this one: the stream's last revision when it was deleted.
  hidden_through INTEGER NOT NULL,
  deleted_at     TEXT    NOT NULL
) WITHOUT ROWID;
`;

/**
 * No two events anywhere in the file share an id. It also serves every
 * per-stream id lookup, so new files need no UNIQUE (stream_id, event_id)
 * (files from version 1 keep theirs: a table's constraints stay with it).
 */
const UNIQUE_EVENT_IDS = 'CREATE UNIQUE INDEX IF NOT EXISTS events_event_id_unique ON events (event_id)';

export interface SchemaUpgradeReport {
  /** Keys found in the metadata of events written before version 2. */
  keysRecorded: number;
  /** Event ids that files written before version 2 hold more than once (then only later ids are unique). */
  duplicateEventIds: number;
}

/**
 * From version 1 (or a new file) to 2. Keys used before version 2 are read
 * back from the events themselves (every event carries its causationId, the
 * request hash and the command name), first use first. An older file whose
 * log already holds an event id twice keeps those events, as history is never
 * rewritten; uniqueness then holds for every event after them.
 */
export function upgradeSchema(db: Database.Database, fromVersion: number): SchemaUpgradeReport {
  // A global index on event_id that was not unique; version 2's unique one replaces it.
  db.exec('DROP INDEX IF EXISTS events_event_id');
  if (fromVersion === 0) {
    db.exec(UNIQUE_EVENT_IDS);
    return { keysRecorded: 0, duplicateEventIds: 0 };
  }
  db.function('aet_fingerprint', { deterministic: true }, (stream: unknown, requestHash: unknown) =>
    idempotencyFingerprint(String(stream), String(requestHash)),
  );
  const keysRecorded = db
    .prepare(
      `INSERT OR IGNORE INTO idempotency_keys (idempotency_key, fingerprint, command, position)
       SELECT key, aet_fingerprint(stream_id, request_hash), command, position FROM (
         SELECT json_extract(metadata, '$.causationId') AS key, json_extract(metadata, '$.requestHash') AS request_hash,
                coalesce(json_extract(metadata, '$.commandName'), type) AS command, stream_id, position
         FROM events)
       WHERE typeof(key) = 'text' AND typeof(request_hash) = 'text'
       ORDER BY position`,
    )
    .run().changes;
  const duplicateEventIds = (
    db
      .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM events GROUP BY event_id HAVING count(*) > 1)')
      .get() as { n: number }
  ).n;
  if (duplicateEventIds === 0) {
    db.exec(UNIQUE_EVENT_IDS);
  } else {
    const head = (
      db.prepare('SELECT coalesce(max(position), 0) AS head FROM events').get() as { head: number }
    ).head;
    db.exec(
      `CREATE UNIQUE INDEX IF NOT EXISTS events_event_id_unique ON events (event_id) WHERE position > ${head}`,
    );
  }
  return { keysRecorded, duplicateEventIds };
}
