import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '../../../src/event-store';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { Projection } from '../../../src/projections/runner/projection';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { openStateDatabase } from '../../../src/state/state-database';

const event = (type: string, n = 0): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: {
    occurredAt: '2018-01-01T00:00:00Z',
    actor: 'test',
    sourceSystem: 'test',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  },
});

/** Counts events by type, and how often it was asked to fold anything. */
function counter(
  name: string,
  version = 1,
  failOn?: string,
): Projection<Record<string, number>> & { applied: number } {
  const projection = {
    name,
    version,
    applied: 0,
    initialState: () => ({}) as Record<string, number>,
    apply(state: Record<string, number>, e: RecordedEvent) {
      projection.applied++;
      if (e.type === failOn) throw new Error(`cannot fold ${e.type}`);
      state[e.type] = (state[e.type] ?? 0) + 1;
      return state;
    },
  };
  return projection;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('ProjectionRunner [sqlite: embedded file store]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let snapshots: SnapshotStore;
  let state: ReturnType<typeof openStateDatabase>;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-runner-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), pollIntervalMs: 50 });
    state = openStateDatabase(join(folder, 'state.sqlite'));
    snapshots = new SnapshotStore(state);
  });
  afterEach(async () => {
    await store.close();
    state.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('catches up, goes live, and lets a reader wait for a position', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Noted')]);
    const runner = new ProjectionRunner(store, snapshots, [counter('counts')]);
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    expect(runner.current('counts').state).toEqual({ Opened: 1, Noted: 1 });

    const { position } = await store.appendToStream('a-2', [event('Opened')]);
    expect(await runner.waitFor('counts', position, 5_000)).toBe(true);
    expect(runner.current('counts').state).toEqual({ Opened: 2, Noted: 1 });
    expect(await runner.waitFor('counts', position + 10, 50)).toBe(false);
    await runner.stop();
  });

  it('restarts from its snapshot without folding old events again, and rebuilds when the version changes', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Noted'), event('Noted')]);
    const first = counter('counts');
    const runner = new ProjectionRunner(store, snapshots, [first]);
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    await runner.stop();
    expect(snapshots.load('counts')).toMatchObject({
      version: 1,
      position: 3,
      state: { Opened: 1, Noted: 2 },
    });

    await store.appendToStream('a-1', [event('Closed')]);
    const second = counter('counts');
    const restarted = new ProjectionRunner(store, snapshots, [second]);
    restarted.start();
    await until(() => restarted.current('counts').status === 'live', 'live after restart');
    expect(second.applied).toBe(1);
    expect(restarted.current('counts').state).toEqual({ Opened: 1, Noted: 2, Closed: 1 });
    await restarted.stop();

    const bumped = counter('counts', 2);
    const rebuilt = new ProjectionRunner(store, snapshots, [bumped]);
    rebuilt.start();
    await until(() => rebuilt.current('counts').status === 'live', 'live after version bump');
    expect(bumped.applied).toBe(4);
    expect(rebuilt.current('counts').state).toEqual({ Opened: 1, Noted: 2, Closed: 1 });
    await rebuilt.stop();
  });

  it('stops a model that throws, naming the event and position, while the others carry on', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Poison'), event('Noted')]);
    const poison = (await store.readAll()).find((e) => e.type === 'Poison') as RecordedEvent;
    const runner = new ProjectionRunner(store, snapshots, [
      counter('fragile', 1, 'Poison'),
      counter('sturdy'),
    ]);
    runner.start();
    await until(() => runner.current('sturdy').status === 'live', 'sturdy live');
    await store.appendToStream('a-2', [event('Opened')]);
    await until(
      () => runner.current<Record<string, number>>('sturdy').state.Opened === 2,
      'sturdy folds live events',
    );

    const fragile = runner.health().find((h) => h.name === 'fragile');
    expect(fragile).toMatchObject({
      status: 'failed',
      position: poison.position - 1,
      failure: {
        eventId: poison.id,
        eventType: 'Poison',
        streamId: 'a-1',
        position: poison.position,
        message: 'cannot fold Poison',
      },
    });
    expect(runner.current('fragile').state).toEqual({ Opened: 1 });
    await runner.stop();
  });

  it('rebuilds one model from the start on request while the others stay live', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Noted')]);
    const rebuiltModel = counter('rebuilt');
    const other = counter('other');
    const runner = new ProjectionRunner(store, snapshots, [rebuiltModel, other]);
    runner.start();
    await until(() => runner.current('rebuilt').status === 'live', 'live');
    runner.rebuild('rebuilt');
    await until(() => runner.current('rebuilt').status === 'live' && rebuiltModel.applied === 4, 'rebuilt');
    expect(runner.current('rebuilt').state).toEqual({ Opened: 1, Noted: 1 });
    expect(other.applied).toBe(2);
    await runner.stop();
  });

  it('keeps answering from the model a rebuild replaces, folding new events, and swaps the rebuild in whole', async () => {
    const EVENTS = 3_000;
    await store.appendToStream(
      'a-1',
      Array.from({ length: EVENTS }, (_, n) => event('Counted', n)),
    );
    // About 20 µs an event: the rebuild takes a dozen 5 ms time slices, so queries run in between
    // (1,500 events gave about six, and a run that saw four failed on a quick machine).
    const slow = counter('slow');
    const spinning = {
      ...slow,
      apply(state: Record<string, number>, e: RecordedEvent) {
        const until = performance.now() + 0.02;
        while (performance.now() < until);
        return slow.apply(state, e);
      },
    };
    const runner = new ProjectionRunner(store, snapshots, [spinning]);
    runner.start();
    await until(() => runner.current('slow').status === 'live', 'live');
    runner.rebuild('slow');
    const seen: Array<{ total: number; position: number; rebuilding: boolean; status: string }> = [];
    let appended = 0;
    while (runner.health()[0].rebuild !== null) {
      const { state, position, status } = runner.current<Record<string, number>>('slow');
      const rebuild = runner.health()[0].rebuild;
      seen.push({ total: state.Counted, position, rebuilding: rebuild !== null, status });
      // New events arrive during the rebuild: the live model takes them, and so must its replacement.
      if (appended < 5) {
        await store.appendToStream('a-2', [event('Counted', 10_000 + appended++)]);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const head = await store.headPosition();
    await until(() => runner.current('slow').position === head, 'the last events folded');
    expect(seen.filter((s) => s.rebuilding).length).toBeGreaterThan(5);
    // Every answer during the rebuild was the live model, whole up to its position (one event per
    // position), never behind where it stood when the rebuild began, and never going back.
    let previous = EVENTS;
    for (const answer of seen) {
      expect(answer.status).toBe('live');
      expect(answer.total).toBe(answer.position);
      expect(answer.position).toBeGreaterThanOrEqual(previous);
      previous = answer.position;
    }
    expect(runner.current('slow').state).toEqual({ Counted: EVENTS + 5 });
    expect(snapshots.load('slow')).toMatchObject({ position: head, state: { Counted: EVENTS + 5 } });
    await runner.stop();
  });

  it('folds nothing and swaps in no rebuild while a walk holds the models, then takes up what arrived meanwhile', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Noted')]);
    const runner = new ProjectionRunner(store, snapshots, [counter('counts'), counter('rebuilt')]);
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    const rebuiltBefore = runner.current('rebuilt').state;
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const walk = runner.whileHeld(async () => {
      const before = { ...runner.current<Record<string, number>>('counts').state };
      await gate;
      // Still the state it was when the walk began, at its end.
      return { before, after: { ...runner.current<Record<string, number>>('counts').state } };
    });
    runner.rebuild('rebuilt');
    const { position } = await store.appendToStream('a-2', [event('Opened')]);
    // Appends and reads go on; the fold waits (50 ms is ten times the store's poll interval).
    expect(await runner.waitFor('counts', position, 200)).toBe(false);
    expect(runner.current('counts').state).toEqual({ Opened: 1, Noted: 1 });
    // The rebuild reaches the held live feed's position, and waits there rather than take its place.
    await until(() => runner.health()[1].rebuild?.position === position - 1, 'the rebuild caught up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.health()[1].rebuild).not.toBeNull();
    expect(runner.current('rebuilt').state).toBe(rebuiltBefore);
    release();
    const { before, after } = await walk;
    expect(before).toEqual({ Opened: 1, Noted: 1 });
    expect(after).toEqual(before);
    expect(await runner.waitFor('counts', position, 5_000)).toBe(true);
    expect(runner.current('counts').state).toEqual({ Opened: 2, Noted: 1 });
    await until(() => runner.health()[1].rebuild === null, 'the rebuild swapped in');
    expect(runner.current('rebuilt').state).not.toBe(rebuiltBefore);
    expect(runner.current('rebuilt').state).toEqual({ Opened: 2, Noted: 1 });
    await runner.stop();
  });

  it('rebuilds a model that stopped on an event, once the fold no longer throws, and it answers again', async () => {
    await store.appendToStream('a-1', [event('Opened'), event('Poison'), event('Noted')]);
    const fragile = counter('fragile', 1, 'Poison');
    const runner = new ProjectionRunner(store, snapshots, [fragile]);
    runner.start();
    await until(() => runner.current('fragile').status === 'failed', 'failed');
    runner.rebuild('fragile');
    await until(() => runner.health()[0].rebuild?.status === 'failed', 'the rebuild fails the same way');
    expect(runner.current('fragile').status).toBe('failed');
    expect(runner.health()[0].rebuild).toMatchObject({
      status: 'failed',
      failure: { eventType: 'Poison', message: 'cannot fold Poison' },
    });
    // The fix: the fold takes Poison now.
    const fixed = counter('fixed');
    fragile.apply = fixed.apply;
    runner.rebuild('fragile');
    await until(() => runner.current('fragile').status === 'live', 'live again');
    expect(runner.current('fragile').state).toEqual({ Opened: 1, Poison: 1, Noted: 1 });
    await store.appendToStream('a-2', [event('Noted')]);
    await until(
      () => runner.current<Record<string, number>>('fragile').state.Noted === 2,
      'the live feed folds into it again',
    );
    expect(runner.health()[0]).toMatchObject({ failure: null, rebuild: null });
    await runner.stop();
  });

  it('snapshots by time during a long catch-up, so a crash replays only the tail', async () => {
    await store.appendToStream(
      'a-1',
      Array.from({ length: 250 }, (_, n) => event('Counted', n)),
    );
    const counts = counter('counts');
    let snapshotSeenMidway: number | undefined;
    const watching = {
      ...counts,
      apply(state: Record<string, number>, e: RecordedEvent) {
        if ((e.data as { n: number }).n === 150) snapshotSeenMidway = snapshots.load('counts')?.position;
        return counts.apply(state, e);
      },
    };
    // An interval of 0 snapshots after every event while catching up; the count does not apply until live.
    // The clock stands still, so no snapshot takes any time and none waits longer for it.
    const runner = new ProjectionRunner(store, snapshots, [watching], {
      snapshotEveryEvents: 1_000_000,
      snapshotIntervalMs: 0,
      clock: () => 0,
    });
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    expect(snapshotSeenMidway).toBe(150);
    // Caught up: the last snapshot holds everything, written together with its position.
    expect(snapshots.load('counts')).toMatchObject({ position: 250, state: { Counted: 250 } });
    await runner.stop();
  });

  it('waits ten times as long as the last round of snapshots took before the next by time, so large models are not snapshotted all the time', async () => {
    await store.appendToStream(
      'a-1',
      Array.from({ length: 1_000 }, (_, n) => event('Counted', n)),
    );
    // A clock that moves 1 ms an event folded and 50 ms a snapshot written.
    let now = 0;
    const counts = counter('counts');
    const timed = {
      ...counts,
      apply(state: Record<string, number>, e: RecordedEvent) {
        now += 1;
        return counts.apply(state, e);
      },
    };
    const saved: number[] = [];
    class SlowSnapshots extends SnapshotStore {
      override async saveInSlices(...args: Parameters<SnapshotStore['saveInSlices']>): Promise<boolean> {
        now += 50;
        saved.push(args[0].position);
        return super.saveInSlices(...args);
      }
    }
    const runner = new ProjectionRunner(store, new SlowSnapshots(state), [timed], {
      snapshotEveryEvents: 1_000_000,
      snapshotIntervalMs: 5,
      clock: () => now,
    });
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    await until(() => saved.at(-1) === 1_000, 'the snapshot on catching up');
    // What /metrics shows of it (read_model_snapshot_duration_seconds and ..._age_seconds).
    await until(() => runner.snapshotTimes()[0].ageMs === 0, 'the snapshot written');
    expect(runner.snapshotTimes()).toEqual([{ name: 'counts', tookMs: 50, ageMs: 0 }]);
    await runner.stop();
    // By the 5 ms interval alone it would snapshot every 5 events (about 170 times over 1,000 events);
    // each snapshot "took" 50 ms, so the next by time waits 500 events: one at the start, one mid-way,
    // and the one on catching up. A crash mid-way still replays only the tail.
    const midway = saved.slice(0, -1);
    expect(midway.length).toBeGreaterThanOrEqual(1);
    expect(midway.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < midway.length; i++) expect(midway[i] - midway[i - 1]).toBeGreaterThanOrEqual(500);
    expect(snapshots.load('counts')).toMatchObject({ position: 1_000, state: { Counted: 1_000 } });
  });
});
