import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { jsonChunks, parseCheckedChunks, writeJsonChunks } from '../../shared/json-chunks';
import { SLICE_MS } from './time-slice';

export interface Snapshot {
  name: string;
  version: number;
  /** The last global position folded into `state`: state and checkpoint are written together. */
  position: number;
  /**
   * The last event folded, so a restart can tell the snapshot is of this
   * store's log (see snapshotDoubt); null when no event was folded.
   */
  lastEvent: LoggedEvent | null;
  state: unknown;
}

/** An event of the log by its place and id. */
export interface LoggedEvent {
  position: number;
  id: string;
}

/** A stored snapshot that cannot be used as it is, and why (the model folds again from the start). */
export interface UnusableSnapshot {
  name: string;
  version: number;
  position: number;
  unusable: string;
}

/**
 * A snapshot's state is kept as JSON text in pieces (see writeJsonChunks), so
 * writing one never holds the whole text (or its UTF-8 copy) in memory.
 * Snapshots were one TEXT value in `projection_snapshots`; that table is
 * dropped, and its models are folded again once from the start.
 */
const SCHEMA = `
DROP TABLE IF EXISTS projection_snapshots;
CREATE TABLE IF NOT EXISTS read_model_snapshots (
  name        TEXT PRIMARY KEY,
  version     INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  written_at  TEXT NOT NULL
);
-- Later columns (SNAPSHOT_COLUMNS) are added by the constructor, so files written before them open too.
CREATE TABLE IF NOT EXISTS read_model_snapshot_chunks (
  name   TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  text   TEXT NOT NULL,
  PRIMARY KEY (name, seq)
) WITHOUT ROWID;`;

/**
 * Added after the first release of this table: the SHA-256 of the JSON text
 * (a snapshot without one predates it and is not used) and the last event
 * folded.
 */
const SNAPSHOT_COLUMNS = { checksum: 'TEXT', event_position: 'INTEGER', event_id: 'TEXT' };

/** Where saveInSlices writes a snapshot's pieces before it swaps them in (no model's name starts so). */
const STAGING = '~staging:';

/** Read-model snapshots in the embedded state database. */
export class SnapshotStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    const present = new Set(
      (db.prepare('PRAGMA table_info(read_model_snapshots)').all() as Array<{ name: string }>).map(
        (column) => column.name,
      ),
    );
    for (const [column, type] of Object.entries(SNAPSHOT_COLUMNS))
      if (!present.has(column)) db.exec(`ALTER TABLE read_model_snapshots ADD COLUMN ${column} ${type}`);
    this.statements = {
      header: db.prepare<[string], SnapshotHeaderRow>(
        'SELECT version, position, checksum, event_position, event_id FROM read_model_snapshots WHERE name = ?',
      ),
      chunks: db.prepare<[string], { text: string }>(
        'SELECT text FROM read_model_snapshot_chunks WHERE name = ? ORDER BY seq',
      ),
      upsert: db.prepare<[string, number, number, string, number | null, string | null]>(
        `INSERT INTO read_model_snapshots (name, version, position, written_at, event_position, event_id, checksum)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
           written_at = excluded.written_at, event_position = excluded.event_position,
           event_id = excluded.event_id, checksum = NULL`,
      ),
      setChecksum: db.prepare<[string, string]>(
        'UPDATE read_model_snapshots SET checksum = ? WHERE name = ?',
      ),
      insertChunk: db.prepare<[string, number, string]>(
        'INSERT INTO read_model_snapshot_chunks (name, seq, text) VALUES (?, ?, ?)',
      ),
      deleteChunks: db.prepare<[string]>('DELETE FROM read_model_snapshot_chunks WHERE name = ?'),
      renameChunks: db.prepare<[string, string]>(
        'UPDATE read_model_snapshot_chunks SET name = ? WHERE name = ?',
      ),
      delete: db.prepare<[string]>('DELETE FROM read_model_snapshots WHERE name = ?'),
    };
  }

  /**
   * The model's snapshot; unusable (and why) when its text is not the text
   * written (a piece changed, missing or cut short: the checksum differs, or
   * it is not JSON) or it predates checksums. Whether it is of this store's
   * log is for the caller to ask the log (snapshotDoubt).
   */
  load(name: string): Snapshot | UnusableSnapshot | undefined {
    const header = this.statements.header.get(name);
    if (!header) return undefined;
    const { version, position } = header;
    const unusable = (why: string): UnusableSnapshot => ({ name, version, position, unusable: why });
    if (header.checksum === null) return unusable('it was written before snapshots carried a checksum');
    const checked = parseCheckedChunks(this.statements.chunks.iterate(name), header.checksum);
    if ('refused' in checked)
      return unusable(
        checked.refused === 'checksum' ? 'its text does not match its checksum' : 'its text is not JSON',
      );
    const lastEvent =
      header.event_position !== null && header.event_id !== null
        ? { position: header.event_position, id: header.event_id }
        : null;
    return { name, version, position, lastEvent, state: checked.value };
  }

  /** Header and every piece in one transaction: a crash leaves the previous snapshot whole. */
  save(snapshot: Snapshot): void {
    this.db.transaction(() => {
      this.replaceHeader(snapshot);
      const hash = createHash('sha256');
      let seq = 0;
      writeJsonChunks(snapshot.state, (text) => {
        hash.update(text);
        this.statements.insertChunk.run(snapshot.name, seq++, text);
      });
      this.statements.setChecksum.run(hash.digest('hex'), snapshot.name);
    })();
  }

  /**
   * The same write, a slice of pieces at a time with requests let through
   * between slices: serialising a large read model in one go held every
   * request behind it for as long as it took. The pieces go under a staging
   * name; one transaction then swaps them in with the header, so until then
   * (and after a crash) the previous snapshot is the one that loads, and the
   * next write clears what a crash left. The caller keeps `snapshot.state`
   * unchanged until this settles. `stillCurrent` is asked just before the
   * swap: false abandons the write (the state was replaced meanwhile).
   */
  async saveInSlices(
    snapshot: Snapshot,
    {
      stillCurrent = () => true,
      sliceMs = SLICE_MS,
    }: { stillCurrent?: () => boolean; sliceMs?: number } = {},
  ): Promise<boolean> {
    const staging = `${STAGING}${snapshot.name}`;
    this.statements.deleteChunks.run(staging);
    const pieces = jsonChunks(snapshot.state);
    const hash = createHash('sha256');
    let seq = 0;
    const writeSlice = this.db.transaction((until: number): boolean => {
      do {
        const next = pieces.next();
        if (next.done) return true;
        hash.update(next.value);
        this.statements.insertChunk.run(staging, seq++, next.value);
      } while (performance.now() < until);
      return false;
    });
    while (!writeSlice(performance.now() + sliceMs)) await yieldToIo();
    if (!stillCurrent()) {
      this.statements.deleteChunks.run(staging);
      return false;
    }
    const checksum = hash.digest('hex');
    this.db.transaction(() => {
      this.replaceHeader(snapshot);
      this.statements.renameChunks.run(snapshot.name, staging);
      this.statements.setChecksum.run(checksum, snapshot.name);
    })();
    return true;
  }

  /** The new header, and the old pieces gone: the caller's transaction then puts the new ones in. */
  private replaceHeader(snapshot: Snapshot): void {
    this.statements.upsert.run(
      snapshot.name,
      snapshot.version,
      snapshot.position,
      new Date().toISOString(),
      snapshot.lastEvent?.position ?? null,
      snapshot.lastEvent?.id ?? null,
    );
    this.statements.deleteChunks.run(snapshot.name);
  }

  delete(name: string): void {
    this.db.transaction(() => {
      this.statements.deleteChunks.run(name);
      this.statements.delete.run(name);
    })();
  }
}

interface SnapshotHeaderRow {
  version: number;
  position: number;
  checksum: string | null;
  event_position: number | null;
  event_id: string | null;
}
