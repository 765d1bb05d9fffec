import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '../event-store/sqlite/open-sqlite-database';

/** Marks the file as this service's state database ("AEST"). */
const APPLICATION_ID = 0x41455354;
const SCHEMA_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkpoints (
  name        TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  updated_at  TEXT NOT NULL
);
-- Idempotency keys were once remembered here; the event store keeps them now, in the log.
DROP TABLE IF EXISTS idempotency_keys;
`;

/**
 * The embedded database for what the service derives from the event log and
 * must keep across restarts: processor checkpoints, read-model snapshots. It is
 * separate from the event store so it works the same whichever store is used,
 * and can be deleted to force a rebuild without touching a single event.
 * One process holds it at a time: another that opens it is refused.
 */
export function openStateDatabase(
  path: string,
  synchronous: 'FULL' | 'NORMAL' = 'NORMAL',
): Database.Database {
  return openSqliteDatabase(path, {
    setting: 'STATE_SQLITE_PATH',
    applicationId: APPLICATION_ID,
    schemaVersion: SCHEMA_VERSION,
    schema: SCHEMA,
    synchronous,
    // Its snapshots and stored read models are one process's: a second process on the file would fold
    // into them, and clear the stores it does not use (docs/architecture/guarantees.md).
    exclusive: true,
  });
}
