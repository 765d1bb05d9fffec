import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
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
 * (a snapshot without one predates it and is not used), the last event
 * folded, and the name of the set its pieces are kept under (NULL: the
 * model's own name, as files written before sets have them).
 */
const SNAPSHOT_COLUMNS = {
  checksum: 'TEXT',
  event_position: 'INTEGER',
  event_id: 'TEXT',
  chunks: 'TEXT',
};

/**
 * The prefix of the names saveInSlices writes a snapshot's pieces under, one
 * set per write (no model's name starts so); the header then points at it.
 */
const STAGING = '~staging:';
/** The start of every staged set's name of one model; its length first, so no other model's sets share it. */
const stagedPrefix = (name: string): string => `${STAGING}${name.length}:${name}:`;
/** The name of a new set of pieces: every write gets one, so no two writes ever share a set. */
const newSet = (name: string): string => `${stagedPrefix(name)}${randomUUID()}`;
/** Pieces deleted per transaction when a replaced set is cleared, between which requests go on. */
const DELETE_PIECES = 16;

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
        'SELECT version, position, checksum, event_position, event_id, chunks FROM read_model_snapshots WHERE name = ?',
      ),
      chunks: db.prepare<[string], { text: string }>(
        'SELECT text FROM read_model_snapshot_chunks WHERE name = ? ORDER BY seq',
      ),
      upsert: db.prepare<[string, number, number, string, number | null, string | null]>(
        `INSERT INTO read_model_snapshots (name, version, position, written_at, event_position, event_id, checksum)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
           written_at = excluded.written_at, event_position = excluded.event_position,
           event_id = excluded.event_id, checksum = NULL, chunks = NULL`,
      ),
      setChecksum: db.prepare<[string, string | null, string]>(
        'UPDATE read_model_snapshots SET checksum = ?, chunks = ? WHERE name = ?',
      ),
      insertChunk: db.prepare<[string, number, string]>(
        'INSERT INTO read_model_snapshot_chunks (name, seq, text) VALUES (?, ?, ?)',
      ),
      deleteChunks: db.prepare<[string]>('DELETE FROM read_model_snapshot_chunks WHERE name = ?'),
      deleteChunksBelow: db.prepare<[string, number]>(
        'DELETE FROM read_model_snapshot_chunks WHERE name = ? AND seq < ?',
      ),
      /** Sets of pieces under the staging prefix of one model (between the prefix and the prefix + U+FFFF). */
      stagedSets: db.prepare<[string, string], { name: string }>(
        'SELECT DISTINCT name FROM read_model_snapshot_chunks WHERE name > ? AND name < ?',
      ),
      delete: db.prepare<[string]>('DELETE FROM read_model_snapshots WHERE name = ?'),
    };
  }

  /** The state database the snapshots are in, where models with storage keep their bulk too. */
  get database(): Database.Database {
    return this.db;
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
    const checked = parseCheckedChunks(
      this.statements.chunks.iterate(header.chunks ?? name),
      header.checksum,
    );
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
    // A set of its own, as saveInSlices writes: a sliced write still clearing the set it replaced
    // (the model's own name, in files written before sets) can never delete these pieces.
    const set = newSet(snapshot.name);
    this.db.transaction(() => {
      this.replaceHeader(snapshot);
      const hash = createHash('sha256');
      let seq = 0;
      writeJsonChunks(snapshot.state, (text) => {
        hash.update(text);
        this.statements.insertChunk.run(set, seq++, text);
      });
      this.statements.setChecksum.run(hash.digest('hex'), set, snapshot.name);
    })();
  }

  /**
   * The same write, a slice of pieces at a time with requests let through
   * between slices: serialising a large read model in one go held every
   * request behind it for as long as it took. The pieces go under a name of
   * their own; one small transaction then points the header at them, so until
   * then (and after a crash) the previous snapshot is the one that loads.
   * The replaced pieces are deleted after, a few per transaction (renaming or
   * deleting a large model's pieces in the swap itself held requests for
   * 15–20 ms: bench/RESULTS.md, commands); what a crash leaves, the next
   * write clears. The caller keeps `snapshot.state` unchanged until this
   * settles. `stillCurrent` is asked just before the swap: false abandons
   * the write (the state was replaced meanwhile).
   */
  async saveInSlices(
    snapshot: Snapshot,
    {
      stillCurrent = () => true,
      sliceMs = SLICE_MS,
    }: { stillCurrent?: () => boolean; sliceMs?: number } = {},
  ): Promise<boolean> {
    await this.clearStaged(snapshot.name);
    const staging = newSet(snapshot.name);
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
    try {
      while (!writeSlice(performance.now() + sliceMs)) await yieldToIo();
    } catch (error) {
      await this.deleteInSlices(staging);
      throw error;
    }
    if (!stillCurrent()) {
      await this.deleteInSlices(staging);
      return false;
    }
    const checksum = hash.digest('hex');
    const replaced = this.db.transaction(() => {
      const previous = this.statements.header.get(snapshot.name);
      this.writeHeader(snapshot);
      this.statements.setChecksum.run(checksum, staging, snapshot.name);
      return previous ? (previous.chunks ?? snapshot.name) : undefined;
    })();
    if (replaced !== undefined) await this.deleteInSlices(replaced);
    return true;
  }

  /** The new header, and the old pieces gone: the caller's transaction then puts the new ones in. */
  private replaceHeader(snapshot: Snapshot): void {
    const previous = this.statements.header.get(snapshot.name);
    this.writeHeader(snapshot);
    this.statements.deleteChunks.run(snapshot.name);
    if (previous?.chunks) this.statements.deleteChunks.run(previous.chunks);
  }

  /** The header row, its checksum unset until the pieces are written. */
  private writeHeader(snapshot: Snapshot): void {
    this.statements.upsert.run(
      snapshot.name,
      snapshot.version,
      snapshot.position,
      new Date().toISOString(),
      snapshot.lastEvent?.position ?? null,
      snapshot.lastEvent?.id ?? null,
    );
  }

  /** Pieces staged for a model that its header does not point at: what a crash or a dropped write left. */
  private async clearStaged(name: string): Promise<void> {
    const prefix = stagedPrefix(name);
    const current = this.statements.header.get(name)?.chunks;
    for (const { name: set } of this.statements.stagedSets.all(prefix, `${prefix}\uffff`))
      if (set !== current) await this.deleteInSlices(set);
    // What a write before sets left under its one staging name.
    await this.deleteInSlices(`${STAGING}${name}`);
  }

  /** Deletes a set of pieces a few at a time, with requests let through between. */
  private async deleteInSlices(set: string): Promise<void> {
    for (let below = DELETE_PIECES; ; below += DELETE_PIECES) {
      if (this.statements.deleteChunksBelow.run(set, below).changes === 0) {
        // Pieces are numbered from 0 without gaps: none below and none left means done.
        if (this.statements.deleteChunks.run(set).changes === 0) return;
      }
      await yieldToIo();
    }
  }

  delete(name: string): void {
    this.db.transaction(() => {
      const chunks = this.statements.header.get(name)?.chunks;
      if (chunks) this.statements.deleteChunks.run(chunks);
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
  chunks: string | null;
}
