import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../../src/event-store';
import type { Projection } from '../../../src/projections/runner/projection';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { until } from '../../support/until';
import { AS_OF_TARGETS, fullFold, TallyState, tallyEvent, tallyProjection } from '../as-of/as-of-stores';

const event = (type: string, n: number): NewEvent => tallyEvent(type, n, '2024-03-01T10:00:00.000Z');

async function fill(store: EventStore, from: number): Promise<void> {
  await store.appendToStream(`tally-${from}`, [
    event('Counted', from),
    event('Adjusted', from + 1),
    event('Counted', from + 2),
  ]);
}

/**
 * A read model's snapshot is a cache its answers must never depend on
 * (docs/operations/health-and-metrics.md): one whose text was damaged, that
 * is of another store's log, of a log reset or restored from an older copy,
 * or older than a redaction or erasure, is not used, one line says why, and
 * the model folds again from the start. Each test ends with the model equal
 * to the fold of the log it runs on; with the snapshot used it would not be.
 */
describe.each(AS_OF_TARGETS)('read-model snapshots that cannot be trusted [$name]', (target) => {
  let clock = Date.UTC(2024, 6, 1);
  let opened: Array<() => Promise<void>> = [];
  let db: Database.Database;
  let snapshots: SnapshotStore;
  let warnings: string[];

  const open = async (): Promise<EventStore> => {
    const { store, dispose } = await target.open(() => (clock += 1_000));
    opened.push(dispose);
    return store;
  };

  beforeEach(() => {
    db = new Database(':memory:');
    snapshots = new SnapshotStore(db);
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    db.close();
    for (const dispose of opened) await dispose();
    opened = [];
  });

  /** Runs the model to live on `store` and stops it (which snapshots it); answers its state and how many events it took. */
  async function runOn(store: EventStore): Promise<{ state: TallyState; applied: number }> {
    let applied = 0;
    const counting: Projection<TallyState> = {
      ...tallyProjection,
      apply: (state, e) => {
        applied++;
        return tallyProjection.apply(state, e);
      },
    };
    const runner = new ProjectionRunner(store, snapshots, [counting]);
    runner.start();
    await until(() => runner.current('tally').status === 'live', 'the model live');
    const { state } = runner.current<TallyState>('tally');
    await runner.stop();
    return { state, applied };
  }

  async function expectFoldedFromStart(store: EventStore, why: RegExp): Promise<void> {
    const { state, applied } = await runOn(store);
    expect(state).toEqual(await fullFold(store, tallyProjection, {}));
    expect(applied).toBe(
      (await store.readAll()).filter((e) => e.type === 'Counted' || e.type === 'Adjusted').length,
    );
    expect(warnings).toEqual([expect.stringMatching(why)]);
    expect(warnings[0]).toMatch(
      /^tally: its snapshot at position \d+ is not used \(.+\); folding it again from the start$/,
    );
  }

  it('a sound snapshot is used: a restart folds only what came after it', async () => {
    const store = await open();
    await fill(store, 0);
    await runOn(store);
    await fill(store, 10);
    const { state, applied } = await runOn(store);
    expect(applied).toBe(3);
    expect(state).toEqual(await fullFold(store, tallyProjection, {}));
    expect(warnings).toEqual([]);
  });

  it('a snapshot whose text was changed is not used', async () => {
    const store = await open();
    await fill(store, 0);
    await runOn(store);
    db.prepare(`UPDATE read_model_snapshot_chunks SET text = replace(text, '"total":', '"total":1')`).run();
    await fill(store, 10);
    await expectFoldedFromStart(store, /its text does not match its checksum/);
  });

  it('a snapshot of another store, with the same positions and other events, is not used', async () => {
    const first = await open();
    await fill(first, 0);
    await fill(first, 10);
    await runOn(first);
    const other = await open();
    await fill(other, 100);
    await fill(other, 110);
    await fill(other, 120);
    // EventStoreDB refuses a read from a position that is no record's boundary in its log.
    await expectFoldedFromStart(
      other,
      /the store has (event \S+ at position \d+|no event there)|its position cannot be read \(.*invalid position/,
    );
  });

  it('a snapshot beyond the end of the log (a store reset, or restored from an older copy) is not used', async () => {
    const first = await open();
    await fill(first, 0);
    await fill(first, 10);
    await runOn(first);
    const reset = await open();
    await fill(reset, 100);
    await expectFoldedFromStart(
      reset,
      /the store has (event \S+ at position \d+|no event there)|the log ends at position/,
    );
  });

  it('a snapshot older than a redaction or an erasure is not used: those change what earlier events read as', async () => {
    for (const rewrite of ['EventFieldsRedacted', 'PersonalDataErased']) {
      const store = await open();
      await fill(store, 0);
      await runOn(store);
      // (The second time, that first run found the first store's snapshot and did not use it either.)
      warnings = [];
      await store.appendToStream(`audit-${randomUUID()}`, [event(rewrite, 0)]);
      const { state, applied } = await runOn(store);
      expect(state).toEqual(await fullFold(store, tallyProjection, {}));
      // From the start: the three tally events, and the rewrite the model does not take.
      expect(applied).toBe(3);
      expect(warnings).toEqual([
        expect.stringMatching(new RegExp(`${rewrite} at position \\d+ changed the events before it`)),
      ]);
    }
  });
});
