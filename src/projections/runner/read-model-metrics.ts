import { Gauge, Registry } from 'prom-client';
import type { EventStore } from '../../event-store/port';
import type { ProjectionRunner } from './projection-runner';

/**
 * Read-model gauges, computed when Prometheus scrapes: each model's position,
 * its lag behind the store's head (in positions: events on the embedded
 * store, log bytes on EventStoreDB), whether it has stopped on an event, and
 * its snapshots: how long the last took (a snapshot by time waits ten times
 * as long as the last round of them took, so models whose snapshots grow are
 * snapshotted less often) and how long ago it was written.
 */
export function registerReadModelMetrics(
  registry: Registry,
  runner: ProjectionRunner,
  store: EventStore,
): void {
  // Each gauge sets its own values in its own collect(): prom-client reads a gauge's values as soon as
  // its collect() returns, so values set in another gauge's (asynchronous) collect() would show a
  // scrape late, and not at all on the first.
  const perModel = <Row extends { name: string }>(
    name: string,
    help: string,
    rows: () => readonly Row[],
    value: (row: Row) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['read_model'],
      registers: [registry],
      collect() {
        for (const row of rows()) this.set({ read_model: row.name }, value(row));
      },
    });
  const health = () => runner.health();
  const snapshots = () => runner.snapshotTimes();
  perModel(
    'read_model_position',
    'Last global position folded into each read model',
    health,
    (m) => m.position,
  );
  perModel('read_model_failed', '1 when a read model stopped on an event it could not fold', health, (m) =>
    m.status === 'failed' ? 1 : 0,
  );
  perModel(
    'read_model_snapshot_duration_seconds',
    "How long each read model's last snapshot took to write (0 before its first in this process)",
    snapshots,
    (s) => s.tookMs / 1000,
  );
  perModel(
    'read_model_snapshot_age_seconds',
    "Seconds since each read model's last snapshot was written (or since this process started, before its first)",
    snapshots,
    (s) => Math.max(0, s.ageMs) / 1000,
  );
  new Gauge({
    name: 'read_model_lag_positions',
    help: "Positions of the store's $all not yet folded into each read model",
    labelNames: ['read_model'],
    registers: [registry],
    async collect() {
      const head = await store.headPosition().catch(() => undefined);
      if (head === undefined) return;
      for (const model of runner.health())
        this.set({ read_model: model.name }, Math.max(0, head - model.position));
    },
  });
}
