import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '../../../src/event-store';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { MeasureSeriesStore } from '../../../src/projections/measures/measure-series-store';
import { measuresProjection, MeasuresState } from '../../../src/projections/measures/measures.projection';
import { storedMeasures } from '../../../src/projections/measures/stored-measures';
import { applyProjection, foldProjection, Projection } from '../../../src/projections/runner/projection';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { canonicalSha256 } from '../../../src/shared/canonical-sha256';
import { openStateDatabase } from '../../../src/state/state-database';
import { measure } from '../evaluation/measure-fixtures';
import { recorded } from '../support/recorded';

type Db = ReturnType<typeof openStateDatabase>;

const step = fc.record({
  kind: fc.constantFrom('measured', 'measured', 'measured', 'corrected', 'retracted', 'defined', 'unknown'),
  measure: fc.constantFrom('m-1', 'm-2', 'm-3'),
  unitId: fc.constantFrom('ward-1', 'ward-2'),
  period: fc.constantFrom('2018-01', '2018-02', '2018-03', '2018-04'),
  numerator: fc.integer({ min: 0, max: 20 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(steps: Step[]): RecordedEvent[] {
  return steps.map((s) => {
    const m = measure(s.measure, `ae-${s.measure}`);
    if (s.kind === 'defined') return m.defined(`Measure ${s.measure}`, '2018-01-01');
    // A type this build does not know (a newer schema): the measure stays as it was.
    if (s.kind === 'unknown')
      return recorded(`measure-${s.measure}`, 'MeasureFutureFactNoted', { measureId: s.measure });
    if (s.kind === 'retracted') return m.retracted(s.period, s.unitId);
    return m[s.kind](s.period, s.unitId, s.numerator, 20);
  });
}

/** The stored fold: the live runner's way (state database), as the projection's apply does it. */
/** Headers kept decoded: one, so that every fold reads and writes them through the state database. */
const measuresStorage = storedMeasures({ decoded: 1 });
const projection: Projection<MeasuresState> = { ...measuresProjection, storage: measuresStorage };

function foldStored(db: Db, events: RecordedEvent[], start?: MeasuresState): MeasuresState {
  let state = start ?? (measuresStorage.open(db) as MeasuresState);
  for (const event of events) state = applyProjection(projection, state, event);
  return state;
}

/** Every row of the series table, for checks on what is kept. */
const generations = (db: Db): number[] =>
  (
    db.prepare('SELECT DISTINCT generation FROM measure_values ORDER BY generation').all() as Array<{
      generation: number;
    }>
  ).map((r) => r.generation);

describe('the measures model with its values in the state database [sqlite: state database file]', () => {
  let folder: string;
  let db: Db;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'stored-measures-'));
    db = openStateDatabase(join(folder, 'state.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads as the same state, checksum and table as the fold in memory, for any measurements', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const events = [measure('m-1', 'ae-m-1').defined('Measure m-1', '2018-01-01'), ...eventsOf(steps)];
        const memory = foldProjection(measuresProjection, events);
        const stored = foldStored(db, events);
        expect(stored).toEqual(memory);
        expect(canonicalSha256(stored)).toBe(canonicalSha256(memory));
        expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(memory)));
        expect(measuresProjection.table?.(stored)).toEqual(measuresProjection.table?.(memory));
      }),
      { numRuns: 60 },
    );
  });

  it('restarts from a snapshot as it was, whatever was written to the store after it (a crash before the next snapshot)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 60 }), fc.nat(), (steps, at) => {
        const events = eventsOf(steps);
        const cut = at % events.length;
        const live = foldStored(db, events.slice(0, cut));
        // The snapshot, as JSON text (as the snapshot store keeps it), then more folded and flushed.
        const persisted = JSON.parse(JSON.stringify(measuresStorage.persisted(live))) as unknown;
        foldStored(db, events.slice(cut), live);
        measuresStorage.persisted(live);
        const position = cut === 0 ? 0 : events[cut - 1].position;
        const restarted = measuresStorage.open(db, persisted, position) as MeasuresState;
        expect(restarted).toEqual(foldProjection(measuresProjection, events.slice(0, cut)));
        // And folds on from there to where the crashed process had been.
        expect(foldStored(db, events.slice(cut), restarted)).toEqual(
          foldProjection(measuresProjection, events),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('keeps headers and values out of the snapshot, and refuses one whose stores are gone', () => {
    const m = measure('m-1', 'ae-1');
    const live = foldStored(db, [
      m.defined('Discharge plans', '2018-01-01'),
      m.measured('2018-01', 'ward-1', 7, 10),
    ]);
    const persisted = measuresStorage.persisted(live) as object;
    expect(persisted).toMatchObject({ ids: ['m-1'], defined: [] });
    expect(JSON.stringify(persisted)).not.toContain('"numerator"');
    expect(JSON.stringify(persisted)).not.toContain('Discharge plans');
    expect(live.measures['m-1']).toMatchObject({ status: 'Active', definition: { name: 'Discharge plans' } });
    expect(live.measures['m-1'].values).toEqual({
      'ward-1': { '2018-01': { numerator: 7, denominator: 10, categoryCounts: null, corrections: 0 } },
    });
    const everything = Number.MAX_SAFE_INTEGER;
    expect(measuresStorage.open(db, persisted, everything)).toBeDefined();
    expect(measuresStorage.open(db, { ...persisted, seriesGeneration: 999 }, everything)).toBeUndefined();
    expect(measuresStorage.open(db, { ...persisted, headersGeneration: 999 }, everything)).toBeUndefined();
    // A snapshot in the shape a fold in memory leaves (written by older code): not this storage's.
    expect(measuresStorage.open(db, JSON.parse(JSON.stringify(live)), everything)).toBeUndefined();
  });

  it('lists its measures without reading one (Object.keys asks each key for its descriptor)', () => {
    const ids = ['m-1', 'm-2', 'm-3'];
    const events = ids.flatMap((id) => {
      const m = measure(id, `ae-${id}`);
      return [m.defined(`Measure ${id}`, '2018-01-01'), m.measured('2018-01', 'ward-1', 7, 10)];
    });
    const live = foldStored(db, events);
    const persisted = JSON.parse(JSON.stringify(measuresStorage.persisted(live))) as unknown;
    const restarted = measuresStorage.open(
      db,
      persisted,
      events[events.length - 1].position,
    ) as MeasuresState;
    // Every stored header damaged: a read of any measure would now fail.
    db.prepare("UPDATE read_model_entities SET value = 'not json'").run();
    expect(Object.keys(restarted.measures)).toEqual(ids);
    expect('m-2' in restarted.measures).toBe(true);
    expect(() => restarted.measures['m-2']).toThrow(SyntaxError);
  });

  it('is read-only to its readers', () => {
    const live = foldStored(db, [measure('m-1', 'ae-1').defined('Discharge plans', '2018-01-01')]);
    expect(() => {
      live.measures['m-2'] = live.measures['m-1'];
    }).toThrow('changed by its fold only');
    expect(() => delete live.measures['m-1']).toThrow('changed by its fold only');
  });

  it('clears a released generation after its grace, refuses to read it then, and never reuses its number', async () => {
    const m = measure('m-1', 'ae-1');
    const old = foldStored(db, [
      m.defined('Discharge plans', '2018-01-01'),
      m.measured('2018-01', 'ward-1', 7, 10),
    ]);
    const next = foldStored(db, [
      m.defined('Discharge plans', '2018-01-01'),
      m.measured('2018-01', 'ward-1', 8, 10),
    ]);
    measuresStorage.persisted(old);
    measuresStorage.persisted(next);
    const [oldGeneration, nextGeneration] = generations(db);
    const series = (measuresStorage.persisted(old) as { seriesGeneration: number }).seriesGeneration;
    expect(series).toBe(oldGeneration);
    const everything = Number.MAX_SAFE_INTEGER;
    const released = MeasureSeriesStore.reopen(db, oldGeneration, everything) as MeasureSeriesStore;
    const releasing = released.release(200);
    // Within the grace a query that took the replaced state still reads it whole.
    expect(released.of(0)['ward-1']['2018-01'].numerator).toBe(7);
    await releasing;
    expect(MeasureSeriesStore.reopen(db, oldGeneration, everything)).toBeUndefined();
    expect(() => released.of(0)).toThrow('replaced and cleared');
    expect(generations(db)).toEqual([nextGeneration]);
    expect(MeasureSeriesStore.create(db).generation).toBeGreaterThan(nextGeneration);
    expect(next.measures['m-1'].values['ward-1']['2018-01'].numerator).toBe(8);
  });

  it('clears at start-up every generation no model is on', async () => {
    const m = measure('m-1', 'ae-1');
    const events = [m.defined('Discharge plans', '2018-01-01'), m.measured('2018-01', 'ward-1', 7, 10)];
    const kept = foldStored(db, events);
    for (let i = 0; i < 3; i++) measuresStorage.persisted(foldStored(db, events));
    measuresStorage.persisted(kept);
    expect(generations(db)).toHaveLength(4);
    await measuresStorage.clearUnused(db, [kept]);
    expect(generations(db)).toHaveLength(1);
    expect(kept.measures['m-1'].values['ward-1']['2018-01'].numerator).toBe(7);
  });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A fixture's event as an append (fixture ids are unique): the log gives it its own position. */
const asNew = (event: RecordedEvent): NewEvent => ({
  id: event.id,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

describe('the live runner with the stored measures model [sqlite: embedded file store and state database]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let db: Db;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'stored-measures-runner-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), pollIntervalMs: 50 });
    db = openStateDatabase(join(folder, 'state.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const append = async (events: RecordedEvent[]): Promise<void> => {
    for (const event of events) await store.appendToStream(event.streamId, [asNew(event)]);
  };
  const live = (runner: ProjectionRunner) => () => runner.current('measures').status === 'live';
  const foldOfLog = async (): Promise<MeasuresState> =>
    foldProjection(measuresProjection, await store.readAll());

  it('folds, rebuilds onto a new generation and restarts from its snapshot, always equal to the fold in memory', async () => {
    const m = measure('m-1', 'ae-1');
    await append([m.defined('Discharge plans', '2018-01-01'), m.measured('2018-01', 'ward-1', 7, 10)]);
    const runner = new ProjectionRunner(store, new SnapshotStore(db), [measuresProjection]);
    runner.start();
    await until(live(runner), 'live');
    await append([m.corrected('2018-01', 'ward-1', 8, 10), m.measured('2018-02', 'ward-2', 5, 10)]);
    await until(() => runner.current('measures').position === 4, 'the live events folded');
    expect(runner.current('measures').state).toEqual(await foldOfLog());

    const before = runner.current('measures').state;
    runner.rebuild('measures');
    await until(() => runner.current('measures').state !== before, 'the rebuild swapped in');
    expect(runner.current('measures').state).toEqual(await foldOfLog());
    expect(generations(db)).toHaveLength(2);
    await runner.stop();

    await append([m.retracted('2018-02', 'ward-2')]);
    const restarted = new ProjectionRunner(store, new SnapshotStore(db), [measuresProjection]);
    restarted.start();
    await until(live(restarted), 'live after restart');
    expect(restarted.current('measures').state).toEqual(await foldOfLog());
    // The generation the rebuild replaced is cleared at start-up, the live one kept.
    await until(() => generations(db).length === 1, 'the replaced generation cleared');
    expect(restarted.current<MeasuresState>('measures').state.measures['m-1'].values['ward-1']).toEqual({
      '2018-01': { numerator: 8, denominator: 10, categoryCounts: null, corrections: 1 },
    });
    await restarted.stop();
  });

  it('folds from the start when the state database has lost the series its snapshot names', async () => {
    const m = measure('m-1', 'ae-1');
    await append([m.defined('Discharge plans', '2018-01-01'), m.measured('2018-01', 'ward-1', 7, 10)]);
    const runner = new ProjectionRunner(store, new SnapshotStore(db), [measuresProjection]);
    runner.start();
    await until(live(runner), 'live');
    await runner.stop();
    db.exec('DELETE FROM measure_values; DELETE FROM measure_values_generations');

    const restarted = new ProjectionRunner(store, new SnapshotStore(db), [measuresProjection]);
    restarted.start();
    await until(live(restarted), 'live after restart');
    expect(restarted.current('measures').state).toEqual(await foldOfLog());
    expect(
      restarted.current<MeasuresState>('measures').state.measures['m-1'].values['ward-1']['2018-01'],
    ).toEqual({
      numerator: 7,
      denominator: 10,
      categoryCounts: null,
      corrections: 0,
    });
    await restarted.stop();
  });
});
