import type Database from 'better-sqlite3';

/**
 * Durable positions of $all processors (projections, the Kafka relay). A
 * processor may also write its checkpoint inside its own transaction on the
 * same database (see `setInTransaction`), so state and checkpoint move together.
 */
export class CheckpointStore {
  private readonly select;
  private readonly upsert;

  constructor(readonly db: Database.Database) {
    this.select = db.prepare<[string], { position: number }>(
      'SELECT position FROM checkpoints WHERE name = ?',
    );
    this.upsert = db.prepare<[string, number, string]>(
      `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  /** The last position the processor finished with; 0 (the start) when it never ran. */
  get(name: string): number {
    return this.select.get(name)?.position ?? 0;
  }

  /** Writes a checkpoint; call inside a transaction on `db` to commit it with other state. */
  set(name: string, position: number): void {
    this.upsert.run(name, position, new Date().toISOString());
  }

  reset(name: string): void {
    this.db.prepare('DELETE FROM checkpoints WHERE name = ?').run(name);
  }
}
