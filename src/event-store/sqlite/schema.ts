/** Marks a file as this service's event store ("AEVT"), so a foreign database is never written to. */
export const APPLICATION_ID = 0x41455654;
export const SCHEMA_VERSION = 1;

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
`;
