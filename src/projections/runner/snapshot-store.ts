import type Database from 'better-sqlite3';

export interface Snapshot {
  name: string;
  version: number;
  /** The last global position folded into `state`: state and checkpoint are one row, written together. */
  position: number;
  state: unknown;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_snapshots (
  name        TEXT PRIMARY KEY,
  version     INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  state       TEXT NOT NULL,
  written_at  TEXT NOT NULL
);`;

/** Read-model snapshots in the embedded state database. */
export class SnapshotStore {
  private readonly select;
  private readonly upsert;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.select = db.prepare<[string], { version: number; position: number; state: string }>(
      'SELECT version, position, state FROM projection_snapshots WHERE name = ?',
    );
    this.upsert = db.prepare<[string, number, number, string, string]>(
      `INSERT INTO projection_snapshots (name, version, position, state, written_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
         state = excluded.state, written_at = excluded.written_at`,
    );
  }

  load(name: string): Snapshot | undefined {
    const row = this.select.get(name);
    return row
      ? { name, version: row.version, position: row.position, state: JSON.parse(row.state) as unknown }
      : undefined;
  }

  save(snapshot: Snapshot): void {
    this.upsert.run(
      snapshot.name,
      snapshot.version,
      snapshot.position,
      JSON.stringify(snapshot.state),
      new Date().toISOString(),
    );
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM projection_snapshots WHERE name = ?').run(name);
  }
}
