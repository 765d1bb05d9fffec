import type Database from 'better-sqlite3';
import { setImmediate as yieldToIo, setTimeout as sleep } from 'node:timers/promises';

/**
 * Entities of live read models (one JSON value per key) kept in the state
 * database, with the most recently used ones decoded in memory. A value is
 * written as a new version tagged with the fold's position, never updated:
 * so the versions at or before a snapshot's last event are the state the
 * snapshot was taken at, and a restart drops the later ones. After a
 * snapshot is written (`snapshotted`), each key written since the one before
 * keeps only its latest version. One generation per fold from the start,
 * listed with its model, so each model clears only its own.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS read_model_entities (
  generation  INTEGER NOT NULL,
  key         TEXT NOT NULL,
  position    INTEGER NOT NULL,
  value       TEXT,
  PRIMARY KEY (generation, key, position)
) WITHOUT ROWID;
-- AUTOINCREMENT: a cleared generation's number is never given again, so a stale snapshot naming it finds nothing.
CREATE TABLE IF NOT EXISTS read_model_entity_generations (
  generation  INTEGER PRIMARY KEY AUTOINCREMENT,
  model       TEXT NOT NULL,
  written_to  INTEGER NOT NULL
);`;

/** Entities kept decoded: enough for the ones a model's fold is working on, not the whole model. */
export const DECODED_ENTITIES = 2_000;
/** Versions of evicted entities kept in memory before one transaction writes them. */
const WRITE_BATCH = 500;
/** Rows deleted per transaction when a generation is cleared, with requests let through between. */
const DELETE_ROWS = 5_000;
/** How long a released generation stays readable (see MeasureSeriesStore's RELEASE_GRACE_MS). */
export const ENTITY_RELEASE_GRACE_MS = 10_000;

function statementsOf(db: Database.Database) {
  return {
    insert: db.prepare<[number, string, number, string | null]>(
      'INSERT OR REPLACE INTO read_model_entities (generation, key, position, value) VALUES (?, ?, ?, ?)',
    ),
    latest: db.prepare<[number, string], { value: string | null }>(
      'SELECT value FROM read_model_entities WHERE generation = ? AND key = ? ORDER BY position DESC LIMIT 1',
    ),
    prune: db.prepare<[number, string, number]>(
      'DELETE FROM read_model_entities WHERE generation = ? AND key = ? AND position < ?',
    ),
    register: db.prepare<[string]>(
      'INSERT INTO read_model_entity_generations (model, written_to) VALUES (?, 0)',
    ),
    generation: db.prepare<[number, string], { written_to: number }>(
      'SELECT written_to FROM read_model_entity_generations WHERE generation = ? AND model = ?',
    ),
    setWrittenTo: db.prepare<[number, number]>(
      'UPDATE read_model_entity_generations SET written_to = max(written_to, ?) WHERE generation = ?',
    ),
    resetWrittenTo: db.prepare<[number, number]>(
      'UPDATE read_model_entity_generations SET written_to = ? WHERE generation = ?',
    ),
    deleteAfter: db.prepare<[number, number]>(
      'DELETE FROM read_model_entities WHERE generation = ? AND position > ?',
    ),
    generations: db.prepare<[string], { generation: number }>(
      'SELECT generation FROM read_model_entity_generations WHERE model = ?',
    ),
    deleteSome: db.prepare<[number, number]>(
      `DELETE FROM read_model_entities WHERE (generation, key, position) IN
         (SELECT generation, key, position FROM read_model_entities WHERE generation = ? LIMIT ?)`,
    ),
    unregister: db.prepare<[number]>('DELETE FROM read_model_entity_generations WHERE generation = ?'),
  };
}
type Statements = ReturnType<typeof statementsOf>;

/**
 * One generation of one model's stored entities. An entity a fold asks for
 * may be changed in place by it, so it is written again (as of the fold's
 * position) when it leaves memory or a snapshot is taken; one readers asked
 * for is only read.
 */
export class EntityStore {
  private readonly statements: Statements;
  /** Decoded entities, least recently used first. */
  private readonly decoded = new Map<string, unknown>();
  /** Versions to write: evicted entities (JSON), or undefined for a deletion. */
  private pending = new Map<string, string | null>();
  /** Keys written since the last snapshot, with the position of their newest version. */
  private written = new Map<string, number>();
  /** Decoded entities a fold asked for since they were last written: it may have changed them in place. */
  private readonly dirty = new Set<string>();
  /** Whether a fold is under way (between `at` and `folded`): only what it asks for can change. */
  private folding = false;
  private position = 0;
  private released = false;
  private cleared = false;

  private constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    private readonly decodedLimit: number,
  ) {
    this.statements = statementsOf(db);
  }

  static create(db: Database.Database, model: string, decodedLimit = DECODED_ENTITIES): EntityStore {
    db.exec(SCHEMA);
    const generation = Number(statementsOf(db).register.run(model).lastInsertRowid);
    return new EntityStore(db, generation, decodedLimit);
  }

  /** The generation as it stood at `position` (a snapshot's last event); undefined if it is gone. */
  static reopen(
    db: Database.Database,
    model: string,
    generation: number,
    position: number,
    decodedLimit = DECODED_ENTITIES,
  ): EntityStore | undefined {
    db.exec(SCHEMA);
    const store = new EntityStore(db, generation, decodedLimit);
    const row = store.statements.generation.get(generation, model);
    if (!row) return undefined;
    if (row.written_to > position)
      db.transaction(() => {
        store.statements.deleteAfter.run(generation, position);
        store.statements.resetWrittenTo.run(position, generation);
      })();
    store.position = position;
    return store;
  }

  /** Clears, a slice at a time, every generation of `model` but those in `keep`. */
  static async clearOthers(db: Database.Database, model: string, keep: ReadonlySet<number>): Promise<void> {
    db.exec(SCHEMA);
    const statements = statementsOf(db);
    for (const { generation } of statements.generations.all(model))
      if (!keep.has(generation)) await clearGeneration(statements, generation);
  }

  /** A fold of the event at `position` begins: what it asks for may change, and is written tagged so. */
  at(position: number): void {
    this.position = position;
    this.folding = true;
  }

  /** The fold of that event is done: what readers ask for until the next is only read. */
  folded(): void {
    this.folding = false;
  }

  /** The entity under `key` (which the caller knows is there), decoded, to read or change in place. */
  get(key: string): unknown {
    if (this.folding) this.dirty.add(key);
    const decoded = this.decoded.get(key);
    if (decoded !== undefined) {
      // Most recently used last.
      this.decoded.delete(key);
      this.decoded.set(key, decoded);
      return decoded;
    }
    if (this.cleared)
      throw new Error(`Entities ${this.generation} were replaced and cleared: ask the model again`);
    let text: string | null | undefined;
    if (this.pending.has(key)) {
      text = this.pending.get(key);
      // Decoded again, it is written from memory (as changed from here on), not as it was evicted.
      if (text !== null) {
        this.pending.delete(key);
        this.dirty.add(key);
      }
    } else text = this.statements.latest.get(this.generation, key)?.value;
    if (text === null || text === undefined) return undefined;
    const value = JSON.parse(text) as unknown;
    this.keep(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    if (this.released) throw new Error(`Entities ${this.generation} were released`);
    this.pending.delete(key);
    this.decoded.delete(key);
    this.dirty.add(key);
    this.keep(key, value);
  }

  delete(key: string): void {
    this.decoded.delete(key);
    this.dirty.delete(key);
    this.pending.set(key, null);
  }

  private keep(key: string, value: unknown): void {
    this.decoded.set(key, value);
    if (this.decoded.size > this.decodedLimit) {
      const [oldest, entity] = this.decoded.entries().next().value as [string, unknown];
      this.decoded.delete(oldest);
      // One only read since it was last written is on disk as it is.
      if (this.dirty.delete(oldest)) {
        this.pending.set(oldest, JSON.stringify(entity));
        if (this.pending.size >= WRITE_BATCH) this.writePending();
      }
    }
  }

  /** Every changed entity in memory and every pending version written, as of the fold's position. */
  flush(): void {
    if (this.cleared) return;
    for (const key of this.dirty) this.pending.set(key, JSON.stringify(this.decoded.get(key)));
    this.dirty.clear();
    this.writePending();
  }

  private writePending(): void {
    if (this.pending.size === 0 || this.cleared) return;
    const versions = this.pending;
    this.pending = new Map();
    const position = this.position;
    this.db.transaction(() => {
      for (const [key, text] of versions) {
        this.statements.insert.run(this.generation, key, position, text);
        this.written.set(key, position);
      }
      this.statements.setWrittenTo.run(position, this.generation);
    })();
  }

  /**
   * A snapshot taken after the last flush is written: each key written since
   * the one before keeps only its newest version, the one it names.
   */
  snapshotted(): void {
    if (this.cleared) return;
    const written = this.written;
    this.written = new Map();
    this.db.transaction(() => {
      for (const [key, position] of written) this.statements.prune.run(this.generation, key, position);
    })();
  }

  /** No model's any more: after a grace (queries that took it still read it), cleared a slice at a time. */
  async release(graceMs = ENTITY_RELEASE_GRACE_MS): Promise<void> {
    this.released = true;
    if (graceMs > 0) await sleep(graceMs, undefined, { ref: false });
    this.cleared = true;
    // Closed meanwhile (the process is stopping): the next start clears what no model is on.
    if (!this.db.open) return;
    this.decoded.clear();
    this.dirty.clear();
    this.pending.clear();
    await clearGeneration(this.statements, this.generation);
  }
}

async function clearGeneration(statements: Statements, generation: number): Promise<void> {
  // Emptied before it leaves the list: a crash part-way leaves it listed, and the next start clears the rest.
  while (statements.deleteSome.run(generation, DELETE_ROWS).changes > 0) await yieldToIo();
  statements.unregister.run(generation);
}
