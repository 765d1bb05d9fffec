import { Gauge, Registry } from 'prom-client';
import type { EventStore } from '../../event-store/port';
import { ProjectionRunner } from './projection-runner';

/**
 * Read-model gauges, computed when Prometheus scrapes: each model's position,
 * its lag behind the store's head (in positions: events on the embedded
 * store, log bytes on EventStoreDB), whether it has stopped on an event, and
 * its snapshots: how long the last took (a snapshot by time waits ten times
 * that, so a model whose snapshots grow is snapshotted less often) and how
 * long ago it was written.
 */
export function registerReadModelMetrics(
  registry: Registry,
  runner: ProjectionRunner,
  store: EventStore,
): void {
  const position = new Gauge({
    name: 'read_model_position',
    help: 'Last global position folded into each read model',
    labelNames: ['read_model'],
    registers: [registry],
  });
  const failed = new Gauge({
    name: 'read_model_failed',
    help: '1 when a read model stopped on an event it could not fold',
    labelNames: ['read_model'],
    registers: [registry],
  });
  const snapshotSeconds = new Gauge({
    name: 'read_model_snapshot_duration_seconds',
    help: "How long each read model's last snapshot took to write (0 before its first in this process)",
    labelNames: ['read_model'],
    registers: [registry],
  });
  const snapshotAge = new Gauge({
    name: 'read_model_snapshot_age_seconds',
    help: "Seconds since each read model's last snapshot was written (or since this process started, before its first)",
    labelNames: ['read_model'],
    registers: [registry],
  });
  new Gauge({
    name: 'read_model_lag_positions',
    help: "Positions of the store's $all not yet folded into each read model",
    labelNames: ['read_model'],
    registers: [registry],
    async collect() {
      const head = await store.headPosition().catch(() => undefined);
      for (const model of runner.health()) {
        position.set({ read_model: model.name }, model.position);
        failed.set({ read_model: model.name }, model.status === 'failed' ? 1 : 0);
        if (head !== undefined) this.set({ read_model: model.name }, Math.max(0, head - model.position));
      }
      const now = Date.now();
      for (const { name, tookMs, at } of runner.snapshotTimes()) {
        snapshotSeconds.set({ read_model: name }, tookMs / 1000);
        snapshotAge.set({ read_model: name }, Math.max(0, now - at) / 1000);
      }
    },
  });
}
