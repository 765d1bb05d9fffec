import type Database from 'better-sqlite3';
import { setImmediate as yieldToIo, setTimeout as sleep } from 'node:timers/promises';
import type { CurrentValue } from '../../domain/measure/state';

/** A measure's current values, as its decider's state holds them: unit → period → value. */
export type SeriesValues = Record<string, Record<string, CurrentValue>>;

/**
 * Every value ever folded, one row per event, never updated: a value's row
 * carries the position of the event that set it, so a restart from a
 * snapshot drops the rows folded after it (a crash between a flush and the
 * next snapshot) and lands exactly on the snapshot's state. A retraction is
 * a row with no value. One generation per fold from the start (a rebuild
 * folds a new one beside the live one); the generations table lists them, so
 * ones nothing points at can be cleared.
 */
const SCHEMA = `
-- Rows go in at the end, in the order they are folded (a key of measure, unit and period put every
-- insert at a random place in a large tree: a quarter of a rebuild's time); the index finds a measure's.
-- A measure is named by its number in the generation (the order the fold first met it), not its UUID:
-- the index is a third of the size, and costs a fold half as much.
CREATE TABLE IF NOT EXISTS measure_values (
  generation  INTEGER NOT NULL,
  measure     INTEGER NOT NULL,
  unit_id     TEXT NOT NULL,
  period      TEXT NOT NULL,
  position    INTEGER NOT NULL,
  value       TEXT
);
CREATE INDEX IF NOT EXISTS measure_values_by_measure ON measure_values (generation, measure, position);
-- AUTOINCREMENT: a cleared generation's number is never given again, so a stale snapshot naming it finds nothing.
CREATE TABLE IF NOT EXISTS measure_values_generations (
  generation  INTEGER PRIMARY KEY AUTOINCREMENT,
  flushed_to  INTEGER NOT NULL
);`;

/**
 * Rows kept in memory before one transaction writes them (a fold appends far
 * faster than SQLite commits). Few enough that a write, done on the event
 * loop, holds the live service's requests only briefly: with 10,000 the
 * commands' p99 at 1,000/s was 26–68 ms, with 500 it was 13–16
 * (bench/RESULTS.md, commands).
 */
const FLUSH_ROWS = 500;
/** Measures whose values were last read, kept decoded (a query reads one measure's values several times). */
const READ_CACHE = 64;
/** Measures whose rows are deleted per transaction when a generation is cleared, with requests let through between. */
const DELETE_MEASURES = 50;
/**
 * How long a released generation stays readable: a query that took the
 * replaced state just before a rebuild swapped it in still reads it whole.
 * One that reads later fails; it never gets an empty series.
 */
export const RELEASE_GRACE_MS = 10_000;

interface PendingRow {
  measure: number;
  unitId: string;
  period: string;
  position: number;
  value: CurrentValue | null;
}

interface Row {
  unit_id: string;
  period: string;
  value: string | null;
}

function statementsOf(db: Database.Database) {
  return {
    insert: db.prepare<[number, number, string, string, number, string | null]>(
      'INSERT INTO measure_values (generation, measure, unit_id, period, position, value) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    ofMeasure: db.prepare<[number, number], Row>(
      // In the order they were folded: the values come out in the order a fold in memory leaves them.
      'SELECT unit_id, period, value FROM measure_values WHERE generation = ? AND measure = ? ORDER BY position',
    ),
    register: db.prepare<[]>('INSERT INTO measure_values_generations (flushed_to) VALUES (0)'),
    flushedTo: db.prepare<[number], { flushed_to: number }>(
      'SELECT flushed_to FROM measure_values_generations WHERE generation = ?',
    ),
    setFlushedTo: db.prepare<[number, number]>(
      'UPDATE measure_values_generations SET flushed_to = ? WHERE generation = ?',
    ),
    deleteAfter: db.prepare<[number, number]>(
      'DELETE FROM measure_values WHERE generation = ? AND position > ?',
    ),
    generations: db.prepare<[], { generation: number }>('SELECT generation FROM measure_values_generations'),
    // A few measures' rows at a time.
    deleteSome: db.prepare<[number, number, number]>(
      `DELETE FROM measure_values WHERE generation = ? AND measure IN
         (SELECT DISTINCT measure FROM measure_values WHERE generation = ? LIMIT ?)`,
    ),
    unregister: db.prepare<[number]>('DELETE FROM measure_values_generations WHERE generation = ?'),
  };
}

/**
 * The measures read model's values in the state database rather than its
 * heap: they are most of the model and grow with every measurement recorded
 * (issue 22: memory that does not grow with the log). Writes are buffered and
 * flushed in one transaction every FLUSH_ROWS rows, before any read, and
 * before the model's snapshot (`flush`), so the snapshot's position never
 * runs ahead of the rows on disk.
 */
export class MeasureSeriesStore {
  private readonly statements;
  private pending: PendingRow[] = [];
  private readonly decoded = new Map<number, SeriesValues>();
  private released = false;
  private cleared = false;

  private constructor(
    private readonly db: Database.Database,
    readonly generation: number,
  ) {
    this.statements = statementsOf(db);
  }

  /** A new, empty generation. */
  static create(db: Database.Database): MeasureSeriesStore {
    db.exec(SCHEMA);
    const generation = Number(statementsOf(db).register.run().lastInsertRowid);
    return new MeasureSeriesStore(db, generation);
  }

  /**
   * A generation as it stood at `position` (a snapshot's last event): rows
   * folded after it are dropped. Undefined when the generation is not there
   * (the state database lost it): the caller folds from the start.
   */
  static reopen(db: Database.Database, generation: number, position: number): MeasureSeriesStore | undefined {
    db.exec(SCHEMA);
    const store = new MeasureSeriesStore(db, generation);
    const row = store.statements.flushedTo.get(generation);
    if (!row) return undefined;
    if (row.flushed_to > position)
      db.transaction(() => {
        store.statements.deleteAfter.run(generation, position);
        store.statements.setFlushedTo.run(position, generation);
      })();
    return store;
  }

  /**
   * Clears, a slice at a time, every generation but `keep`: a rebuild that
   * never took its model's place, or a generation a rebuild replaced.
   */
  static async clearOthers(db: Database.Database, keep: ReadonlySet<number>): Promise<void> {
    db.exec(SCHEMA);
    const statements = statementsOf(db);
    for (const { generation } of statements.generations.all())
      if (!keep.has(generation)) await clearGeneration(statements, generation);
  }

  /** Sets (or, with null, retracts) one unit's value for one period, as of the event at `position`. */
  set(measure: number, unitId: string, period: string, value: CurrentValue | null, position: number): void {
    if (this.released) throw new Error(`Measure series ${this.generation} was released`);
    this.pending.push({ measure, unitId, period, value, position });
    this.decoded.delete(measure);
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  /**
   * One measure's current values, as a fold in memory leaves them, down to
   * the order of units and periods; a unit whose values were all retracted
   * stays, empty, as the decider's fold keeps it.
   */
  of(measure: number): SeriesValues {
    const cached = this.decoded.get(measure);
    if (cached) return cached;
    if (this.cleared)
      throw new Error(`Measure series ${this.generation} was replaced and cleared: ask the model again`);
    this.flush();
    const values: SeriesValues = {};
    for (const row of this.statements.ofMeasure.iterate(this.generation, measure)) {
      const unit = (values[row.unit_id] ??= {});
      if (row.value === null) delete unit[row.period];
      else unit[row.period] = JSON.parse(row.value) as CurrentValue;
    }
    this.decoded.set(measure, values);
    if (this.decoded.size > READ_CACHE) this.decoded.delete(this.decoded.keys().next().value as number);
    return values;
  }

  /** Writes what is buffered, with the position it reaches, in one transaction. */
  flush(): void {
    if (this.pending.length === 0 || this.cleared) return;
    const rows = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const row of rows)
        this.statements.insert.run(
          this.generation,
          row.measure,
          row.unitId,
          row.period,
          row.position,
          row.value === null ? null : JSON.stringify(row.value),
        );
      this.statements.setFlushedTo.run(rows[rows.length - 1].position, this.generation);
    })();
  }

  /** This generation is no longer any model's: after a grace, its rows are cleared a slice at a time. */
  async release(graceMs = RELEASE_GRACE_MS): Promise<void> {
    this.released = true;
    if (graceMs > 0) await sleep(graceMs, undefined, { ref: false });
    this.cleared = true;
    // Closed meanwhile (the process is stopping): the next start clears what no model is on.
    if (!this.db.open) return;
    this.pending = [];
    this.decoded.clear();
    await clearGeneration(this.statements, this.generation);
  }
}

async function clearGeneration(
  statements: ReturnType<typeof statementsOf>,
  generation: number,
): Promise<void> {
  // Emptied before it leaves the list: a crash part-way leaves it listed, and the next start clears the rest.
  while (statements.deleteSome.run(generation, generation, DELETE_MEASURES).changes > 0) await yieldToIo();
  statements.unregister.run(generation);
}
