/** Marks a file as this service's event store ("AEVT"), so a foreign database is never written to. */
export const APPLICATION_ID = 0x41455654;
/** 2: deleted_streams. A build that knows only 1 refuses a file at 2, so it never ignores a tombstone. */
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
  UNIQUE (stream_id, revision),
  UNIQUE (stream_id, event_id)
);
-- A global index on event_id served no query (ids are looked up per stream, through the
-- UNIQUE above) and cost every append a page write at a random place: gone from older files too.
DROP INDEX IF EXISTS events_event_id;
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
