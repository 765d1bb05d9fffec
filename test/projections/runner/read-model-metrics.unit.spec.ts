import { Registry } from 'prom-client';
import type { EventStore } from '../../../src/event-store/port';
import type { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { registerReadModelMetrics } from '../../../src/projections/runner/read-model-metrics';

/** What the gauges read of the runner and the store, as they stand at the scrape. */
function scraped() {
  const at = { position: 40, head: 100, tookMs: 1_500, ageMs: 12_000, status: 'live' };
  const runner = {
    health: () => [
      {
        name: 'measures',
        version: 2,
        status: at.status,
        position: at.position,
        failure: null,
        rebuild: null,
      },
    ],
    snapshotTimes: () => [{ name: 'measures', tookMs: at.tookMs, ageMs: at.ageMs }],
  } as unknown as ProjectionRunner;
  const store = { headPosition: () => Promise.resolve(at.head) } as unknown as EventStore;
  const registry = new Registry();
  registerReadModelMetrics(registry, runner, store);
  return { at, scrape: () => registry.metrics() };
}

const sample = (text: string, metric: string) =>
  Number(new RegExp(`^${metric}\\{read_model="measures"\\} (\\S+)$`, 'm').exec(text)?.[1]);

describe('read-model gauges on /metrics', () => {
  it('shows every gauge as the runner stands on the first scrape, not a scrape late', async () => {
    const { at, scrape } = scraped();
    const first = await scrape();
    expect(sample(first, 'read_model_position')).toBe(40);
    expect(sample(first, 'read_model_lag_positions')).toBe(60);
    expect(sample(first, 'read_model_failed')).toBe(0);
    expect(sample(first, 'read_model_snapshot_duration_seconds')).toBe(1.5);
    expect(sample(first, 'read_model_snapshot_age_seconds')).toBe(12);

    Object.assign(at, { position: 90, tookMs: 2_000, ageMs: 0, status: 'failed' });
    const second = await scrape();
    expect(sample(second, 'read_model_position')).toBe(90);
    expect(sample(second, 'read_model_lag_positions')).toBe(10);
    expect(sample(second, 'read_model_failed')).toBe(1);
    expect(sample(second, 'read_model_snapshot_duration_seconds')).toBe(2);
    expect(sample(second, 'read_model_snapshot_age_seconds')).toBe(0);
  });
});
