import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parseCheckedChunks, writeJsonChunks } from '../../shared/json-chunks';

/** What says which fold a snapshot is, without its state. */
export interface AsOfSnapshotHeader {
  id: number;
  name: string;
  version: number;
  /** The business bound (a month end, as bounds.ts writes it). */
  asOf: string;
  /** The last position folded: the state is the fold of every event up to it with occurredAt ≤ asOf. */
  position: number;
  /** Id of the event at `position` in the store the fold read: another store (or a reset one) has another. */
  eventId: string;
  /** Latest recordedAt folded: the snapshot serves an asKnownAt bound only at or after it. */
  maxRecordedAt: string;
}

export interface AsOfSnapshotInput extends Omit<AsOfSnapshotHeader, 'id'> {
  state: unknown;
}

/** Snapshots kept per (model, date): the latest few, so a query at an older knowledge bound may still use one. */
const PER_DATE = 2;
/** Dates kept per model, least recently used dropped first. */
const DATES_PER_MODEL = 36;

/**
 * Kept in STATE_SQLITE_PATH, so only this process's cache: the state is JSON
 * text in pieces (as snapshot-store.ts keeps live ones) with a SHA-256 of the
 * whole, checked on every load.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS as_of_snapshots (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT    NOT NULL,
  version         INTEGER NOT NULL,
  as_of           TEXT    NOT NULL,
  position        INTEGER NOT NULL,
  event_id        TEXT    NOT NULL,
  max_recorded_at TEXT    NOT NULL,
  checksum        TEXT    NOT NULL,
  written_at      TEXT    NOT NULL,
  used_at         TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS as_of_snapshots_by_date ON as_of_snapshots (name, as_of, position);
CREATE TABLE IF NOT EXISTS as_of_snapshot_chunks (
  snapshot INTEGER NOT NULL,
  seq      INTEGER NOT NULL,
  text     TEXT    NOT NULL,
  PRIMARY KEY (snapshot, seq)
) WITHOUT ROWID;`;

interface HeaderRow {
  id: number;
  name: string;
  version: number;
  as_of: string;
  position: number;
  event_id: string;
  max_recorded_at: string;
}

const toHeader = (row: HeaderRow): AsOfSnapshotHeader => ({
  id: row.id,
  name: row.name,
  version: row.version,
  asOf: row.as_of,
  position: row.position,
  eventId: row.event_id,
  maxRecordedAt: row.max_recorded_at,
});

/** Business-date snapshots of read models (docs/evaluators/time-travel.md). */
export class AsOfSnapshotStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = {
      candidates: db.prepare<[string, string], HeaderRow>(
        `SELECT id, name, version, as_of, position, event_id, max_recorded_at FROM as_of_snapshots
         WHERE name = ? AND as_of = ? ORDER BY position DESC, id DESC`,
      ),
      chunks: db.prepare<[number], { text: string }>(
        'SELECT text FROM as_of_snapshot_chunks WHERE snapshot = ? ORDER BY seq',
      ),
      checksum: db.prepare<[number], { checksum: string }>(
        'SELECT checksum FROM as_of_snapshots WHERE id = ?',
      ),
      insert: db.prepare<[string, number, string, number, string, string, string, string]>(
        `INSERT INTO as_of_snapshots (name, version, as_of, position, event_id, max_recorded_at, checksum, written_at, used_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
      ),
      setChecksum: db.prepare<[string, number]>('UPDATE as_of_snapshots SET checksum = ? WHERE id = ?'),
      insertChunk: db.prepare<[number, number, string]>(
        'INSERT INTO as_of_snapshot_chunks (snapshot, seq, text) VALUES (?, ?, ?)',
      ),
      touch: db.prepare<[string, number]>('UPDATE as_of_snapshots SET used_at = ? WHERE id = ?'),
      deleteChunks: db.prepare<[number]>('DELETE FROM as_of_snapshot_chunks WHERE snapshot = ?'),
      delete: db.prepare<[number]>('DELETE FROM as_of_snapshots WHERE id = ?'),
      surplusAtDate: db.prepare<[string, string, number], { id: number }>(
        `SELECT id FROM as_of_snapshots WHERE name = ? AND as_of = ? ORDER BY position DESC, id DESC LIMIT -1 OFFSET ?`,
      ),
      surplusDates: db.prepare<[string, number], { as_of: string }>(
        `SELECT as_of FROM as_of_snapshots WHERE name = ? GROUP BY as_of ORDER BY max(used_at) DESC LIMIT -1 OFFSET ?`,
      ),
      idsAtDate: db.prepare<[string, string], { id: number }>(
        'SELECT id FROM as_of_snapshots WHERE name = ? AND as_of = ?',
      ),
      all: db.prepare<[], { id: number }>('SELECT id FROM as_of_snapshots'),
    };
  }

  /** Every snapshot of a model at a date, latest position first (any version: the caller discards others). */
  candidates(name: string, asOf: string): AsOfSnapshotHeader[] {
    return this.statements.candidates.all(name, asOf).map(toHeader);
  }

  /**
   * The state, or undefined when its text is not what was written (a piece
   * missing, changed or unparseable): the caller discards it.
   */
  loadState(id: number): { state: unknown } | undefined {
    const header = this.statements.checksum.get(id);
    if (!header) return undefined;
    const checked = parseCheckedChunks(this.statements.chunks.iterate(id), header.checksum);
    if ('refused' in checked) return undefined;
    this.statements.touch.run(new Date().toISOString(), id);
    return { state: checked.value };
  }

  /** Writes one snapshot whole or not at all, then drops the oldest beyond the limits. */
  save(snapshot: AsOfSnapshotInput): void {
    this.db.transaction(() => {
      const now = new Date().toISOString();
      const id = Number(
        this.statements.insert.run(
          snapshot.name,
          snapshot.version,
          snapshot.asOf,
          snapshot.position,
          snapshot.eventId,
          snapshot.maxRecordedAt,
          now,
          now,
        ).lastInsertRowid,
      );
      const hash = createHash('sha256');
      let seq = 0;
      writeJsonChunks(snapshot.state, (text) => {
        hash.update(text);
        this.statements.insertChunk.run(id, seq++, text);
      });
      this.statements.setChecksum.run(hash.digest('hex'), id);
      for (const { id: old } of this.statements.surplusAtDate.all(snapshot.name, snapshot.asOf, PER_DATE))
        this.remove(old);
      for (const { as_of } of this.statements.surplusDates.all(snapshot.name, DATES_PER_MODEL))
        for (const { id: old } of this.statements.idsAtDate.all(snapshot.name, as_of)) this.remove(old);
    })();
  }

  discard(id: number): void {
    this.db.transaction(() => this.remove(id))();
  }

  /** Drops every snapshot: after a redaction none may still hold the removed text. */
  clear(): void {
    this.db.transaction(() => {
      for (const { id } of this.statements.all.all()) this.remove(id);
    })();
  }

  private remove(id: number): void {
    this.statements.deleteChunks.run(id);
    this.statements.delete.run(id);
  }
}
