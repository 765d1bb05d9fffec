import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../../src/event-store';
import type { AsOfSnapshotStore } from '../../../src/projections/as-of/as-of-snapshot-store';
import { replayAsOf } from '../../../src/projections/as-of/replay-as-of';
import { AS_OF_TARGETS, fullFold, snapshotStore, tallyEvent, tallyProjection } from './as-of-stores';

const MARCH = '2024-03-31T23:59:59.999Z';
const bounds = { asOf: MARCH };

const event = tallyEvent;

/** Some of each month, and one after March recorded first. */
async function fill(store: EventStore, from: number): Promise<void> {
  await store.appendToStream(`tally-${from}`, [
    event('Counted', from, '2024-02-10T10:00:00.000Z'),
    event('Adjusted', from + 1, '2024-04-02T10:00:00.000Z'),
    event('Counted', from + 2, '2024-03-31T23:59:59.999Z'),
    event('Adjusted', from + 3, '2024-03-05'),
  ]);
}

/**
 * A business-date snapshot is a cache the answer must never depend on
 * (docs/evaluators/time-travel.md): one that is damaged, of another version
 * of the model, of another store, or older than a rewrite of the log is
 * thrown away and the fold starts from the beginning, then a sound one is kept.
 */
describe.each(AS_OF_TARGETS)('as-of snapshots that cannot be trusted [$name]', (target) => {
  let clock = Date.UTC(2024, 6, 1);
  let opened: Array<() => Promise<void>> = [];
  let store: EventStore;
  let snapshots: AsOfSnapshotStore;
  let db: Database.Database;

  const open = async (): Promise<EventStore> => {
    const { store: s, dispose } = await target.open(() => (clock += 1_000));
    opened.push(dispose);
    return s;
  };

  beforeEach(async () => {
    store = await open();
    ({ snapshots, db } = snapshotStore());
    await fill(store, 0);
  });
  afterEach(async () => {
    db.close();
    for (const dispose of opened) await dispose();
    opened = [];
  });

  /** Answers once from the start (keeping a snapshot), then appends more so the next answer folds on. */
  async function snapshotted(): Promise<number> {
    const first = await replayAsOf(store, tallyProjection, bounds, snapshots);
    expect(first.startedAt).toBe(0);
    const [kept] = snapshots.candidates('tally', MARCH);
    expect(kept.position).toBe(await store.headPosition());
    await fill(store, 10);
    return kept.id;
  }

  async function expectRebuiltFromStart(discarded: number): Promise<void> {
    const answer = await replayAsOf(store, tallyProjection, bounds, snapshots);
    expect(answer.startedAt).toBe(0);
    expect(answer.state).toEqual(await fullFold(store, tallyProjection, bounds));
    const kept = snapshots.candidates('tally', MARCH);
    expect(kept.map((s) => s.id)).not.toContain(discarded);
    // ...and a sound one takes its place, which the next answer starts from.
    expect(kept).toHaveLength(1);
    const next = await replayAsOf(store, tallyProjection, bounds, snapshots);
    expect(next.startedAt).toBe(kept[0].position);
    expect(next.state).toEqual(answer.state);
  }

  it('a sound snapshot is used, and folding on from it gives the whole fold', async () => {
    const id = await snapshotted();
    const answer = await replayAsOf(store, tallyProjection, bounds, snapshots);
    expect(answer.startedAt).toBe(snapshots.candidates('tally', MARCH).find((s) => s.id === id)?.position);
    expect(answer.eventsFolded).toBe(3);
    expect(answer.state).toEqual(await fullFold(store, tallyProjection, bounds));
  });

  it('a snapshot whose text was changed or cut short is discarded and rebuilt', async () => {
    const id = await snapshotted();
    db.prepare(
      `UPDATE as_of_snapshot_chunks SET text = replace(text, '"total":', '"total":1') WHERE snapshot = ?`,
    ).run(id);
    await expectRebuiltFromStart(id);
    const again = snapshots.candidates('tally', MARCH)[0].id;
    db.prepare(
      'UPDATE as_of_snapshot_chunks SET text = substr(text, 1, length(text) - 3) WHERE snapshot = ?',
    ).run(again);
    await expectRebuiltFromStart(again);
  });

  it('a snapshot of another version of the model is discarded and rebuilt', async () => {
    const id = await snapshotted();
    const bumped = { ...tallyProjection, version: tallyProjection.version + 1 };
    const answer = await replayAsOf(store, bumped, bounds, snapshots);
    expect(answer.startedAt).toBe(0);
    expect(answer.state).toEqual(await fullFold(store, bumped, bounds));
    expect(snapshots.candidates('tally', MARCH).map((s) => [s.id === id, s.version])).toEqual([[false, 2]]);
  });

  it('a snapshot taken on another store is discarded', async () => {
    const id = await snapshotted();
    // Another store, the same shape of log (on SQLite the same positions), other events.
    store = await open();
    await fill(store, 100);
    await fill(store, 110);
    await expectRebuiltFromStart(id);
  });

  it('a snapshot beyond the end of the log (a store reset or restored from an older copy) is discarded', async () => {
    const id = await snapshotted();
    store = await open();
    await store.appendToStream('tally-0', [event('Counted', 7, '2024-01-01T00:00:00.000Z')]);
    await expectRebuiltFromStart(id);
  });

  it('a snapshot older than a redaction or an erasure is discarded: those change what earlier events read as', async () => {
    for (const rewrite of ['EventFieldsRedacted', 'PersonalDataErased']) {
      const [before] = snapshots.candidates('tally', MARCH);
      const id = before ? before.id : await snapshotted();
      await store.appendToStream(`audit-${randomUUID()}`, [event(rewrite, 0, '2024-07-01T00:00:00.000Z')]);
      await expectRebuiltFromStart(id);
    }
  });
});
