import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthIndicatorService } from '@nestjs/terminus';
import { loadConfig } from '../../src/config/load-config';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionsHealthIndicator } from '../../src/health/projections.health';
import { Projection } from '../../src/projections/runner/projection';
import { ProjectionRunner } from '../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../src/projections/runner/snapshot-store';
import { openStateDatabase } from '../../src/state/state-database';
import { newEvent as event } from '../support/new-event';
import { until } from '../support/until';

const counting = (name: string, failOn?: string): Projection<number> => ({
  name,
  version: 1,
  initialState: () => 0,
  apply: (n, e) => {
    if (e.type === failOn) throw new Error(`cannot fold ${e.type}`);
    return n + 1;
  },
});

interface ReadModelsCheck {
  readModels: {
    status: 'up' | 'down';
    reason?: string;
    maxLag: number;
    models: Record<string, { condition: string; status: string; lag: number }>;
  };
}

describe('the readiness rule for read models [sqlite: embedded file store, real runner]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let state: ReturnType<typeof openStateDatabase>;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-ready-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), pollIntervalMs: 20 });
    state = openStateDatabase(join(folder, 'state.sqlite'));
    await store.appendToStream('a-1', [event('Opened'), event('Noted'), event('Poison'), event('Noted')]);
  });
  afterEach(async () => {
    await store.close();
    state.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const indicator = (runner: ProjectionRunner, env: Record<string, string> = {}) =>
    new ProjectionsHealthIndicator(runner, store, new HealthIndicatorService(), loadConfig(env));

  it('is not ready while a model has not caught up since the start, saying how far behind it is', async () => {
    const runner = new ProjectionRunner(store, new SnapshotStore(state), [counting('counts')]);
    const check = (await indicator(runner).check()) as unknown as ReadModelsCheck;
    expect(check.readModels).toMatchObject({
      status: 'down',
      reason: 'counts is catching up (4 positions behind; ready at 10000 or fewer)',
      models: { counts: { condition: 'catching-up', status: 'starting', lag: 4 } },
    });
  });

  it('is ready once every model is live and within READY_MAX_LAG', async () => {
    const runner = new ProjectionRunner(store, new SnapshotStore(state), [counting('counts')]);
    runner.start();
    await until(() => runner.current('counts').status === 'live', 'live');
    const check = (await indicator(runner, { READY_MAX_LAG: '0' }).check()) as unknown as ReadModelsCheck;
    expect(check.readModels).toMatchObject({
      status: 'up',
      maxLag: 0,
      models: { counts: { condition: 'live', status: 'live', lag: 0 } },
    });
    await runner.stop();
  });

  it('is not ready while a model has stopped on an event, or its feed is not running', async () => {
    const runner = new ProjectionRunner(store, new SnapshotStore(state), [
      counting('sturdy'),
      counting('fragile', 'Poison'),
    ]);
    runner.start();
    await until(() => runner.current('sturdy').status === 'live', 'live');
    const failed = (await indicator(runner).check()) as unknown as ReadModelsCheck;
    expect(failed.readModels).toMatchObject({
      status: 'down',
      reason: 'fragile stopped at position 3 (Poison)',
      models: { sturdy: { condition: 'live' }, fragile: { condition: 'failed', status: 'failed' } },
    });
    await runner.stop();
    const stopped = (await indicator(runner).check()) as unknown as ReadModelsCheck;
    expect(stopped.readModels.reason).toBe('sturdy is not running; fragile stopped at position 3 (Poison)');
  });
});
