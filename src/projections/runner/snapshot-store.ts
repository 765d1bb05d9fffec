import type Database from 'better-sqlite3';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { jsonChunks, writeJsonChunks } from '../../shared/json-chunks';
import { SLICE_MS } from './time-slice';

export interface Snapshot {
  name: string;
  version: number;
  /** The last global position folded into `state`: state and checkpoint are written together. */
  position: number;
  state: unknown;
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
CREATE TABLE IF NOT EXISTS read_model_snapshot_chunks (
  name   TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  text   TEXT NOT NULL,
  PRIMARY KEY (name, seq)
) WITHOUT ROWID;`;

/** Where saveInSlices writes a snapshot's pieces before it swaps them in (no model's name starts so). */
const STAGING = '~staging:';

/** Read-model snapshots in the embedded state database. */
export class SnapshotStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = {
      header: db.prepare<[string], { version: number; position: number }>(
        'SELECT version, position FROM read_model_snapshots WHERE name = ?',
      ),
      chunks: db.prepare<[string], { text: string }>(
        'SELECT text FROM read_model_snapshot_chunks WHERE name = ? ORDER BY seq',
      ),
      upsert: db.prepare<[string, number, number, string]>(
        `INSERT INTO read_model_snapshots (name, version, position, written_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
           written_at = excluded.written_at`,
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

  load(name: string): Snapshot | undefined {
    const header = this.statements.header.get(name);
    if (!header) return undefined;
    const text = this.statements.chunks
      .all(name)
      .map((row) => row.text)
      .join('');
    return { name, version: header.version, position: header.position, state: JSON.parse(text) as unknown };
  }

  /** Header and every piece in one transaction: a crash leaves the previous snapshot whole. */
  save(snapshot: Snapshot): void {
    this.db.transaction(() => {
      this.replaceHeader(snapshot);
      let seq = 0;
      writeJsonChunks(snapshot.state, (text) => this.statements.insertChunk.run(snapshot.name, seq++, text));
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
    let seq = 0;
    const writeSlice = this.db.transaction((until: number): boolean => {
      do {
        const next = pieces.next();
        if (next.done) return true;
        this.statements.insertChunk.run(staging, seq++, next.value);
      } while (performance.now() < until);
      return false;
    });
    while (!writeSlice(performance.now() + sliceMs)) await yieldToIo();
    if (!stillCurrent()) {
      this.statements.deleteChunks.run(staging);
      return false;
    }
    this.db.transaction(() => {
      this.replaceHeader(snapshot);
      this.statements.renameChunks.run(snapshot.name, staging);
    })();
    return true;
  }

  /** The new header, and the old pieces gone: the caller's transaction then puts the new ones in. */
  private replaceHeader(snapshot: Snapshot): void {
    this.statements.upsert.run(snapshot.name, snapshot.version, snapshot.position, new Date().toISOString());
    this.statements.deleteChunks.run(snapshot.name);
  }

  delete(name: string): void {
    this.db.transaction(() => {
      this.statements.deleteChunks.run(name);
      this.statements.delete.run(name);
    })();
  }
}
