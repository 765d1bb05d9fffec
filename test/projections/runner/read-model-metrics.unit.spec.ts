import { Registry } from 'prom-client';
import type { EventStore } from '../../../src/event-store/port';
import type { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { registerReadModelMetrics } from '../../../src/projections/runner/read-model-metrics';
import { metricSample } from '../../support/metric-sample';

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

const GAUGES = [
  'read_model_position',
  'read_model_lag_positions',
  'read_model_failed',
  'read_model_snapshot_duration_seconds',
  'read_model_snapshot_age_seconds',
] as const;

/** Each gauge's sample for the model in a scrape's text (NaN where it is missing). */
const samples = (text: string) =>
  Object.fromEntries(
    GAUGES.map((metric) => [metric, metricSample(text, metric, ['read_model', 'measures'])]),
  );

describe('read-model gauges on /metrics', () => {
  it('shows every gauge as the runner stands on the first scrape, not a scrape late', async () => {
    const { at, scrape } = scraped();
    expect(samples(await scrape())).toEqual({
      read_model_position: 40,
      read_model_lag_positions: 60,
      read_model_failed: 0,
      read_model_snapshot_duration_seconds: 1.5,
      read_model_snapshot_age_seconds: 12,
    });

    Object.assign(at, { position: 90, tookMs: 2_000, ageMs: 0, status: 'failed' });
    expect(samples(await scrape())).toEqual({
      read_model_position: 90,
      read_model_lag_positions: 10,
      read_model_failed: 1,
      read_model_snapshot_duration_seconds: 2,
      read_model_snapshot_age_seconds: 0,
    });
  });
});
