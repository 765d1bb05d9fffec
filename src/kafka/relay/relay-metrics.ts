import { Counter, Gauge, Registry } from 'prom-client';
import type { KafkaRelay } from './kafka-relay';
import type { RelayState } from './relay-status';

const STATES: RelayState[] = ['starting', 'catching-up', 'live', 'standby', 'retrying', 'stopped'];

/** Counts kept by the relay itself, exposed as of the moment of each scrape. */
function monotonic(name: string, help: string, registry: Registry, read: () => number): void {
  let reported = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const value = read();
      this.inc(Math.max(0, value - reported));
      reported = Math.max(reported, value);
    },
  });
}

/** The relay's numbers for GET /metrics. */
export function registerRelayMetrics(registry: Registry, relay: KafkaRelay): void {
  monotonic(
    'kafka_relay_published_events_total',
    'Integration events the broker acknowledged (redeliveries count again).',
    registry,
    () => relay.status().published,
  );
  monotonic(
    'kafka_relay_skipped_events_total',
    'Events of streams that are not an aggregate type, not published.',
    registry,
    () => relay.status().skipped,
  );
  monotonic(
    'kafka_relay_failures_total',
    'Failed relay attempts (each resumes from the checkpoint).',
    registry,
    () => relay.status().failures,
  );
  new Gauge({
    name: 'kafka_relay_lag_positions',
    help: 'Positions of $all stored but not yet acknowledged by the broker.',
    registers: [registry],
    async collect() {
      this.set((await relay.lag()).lag);
    },
  });
  new Gauge({
    name: 'kafka_relay_checkpoint_position',
    help: 'Last $all position acknowledged by the broker.',
    registers: [registry],
    collect() {
      this.set(relay.status().checkpoint);
    },
  });
  new Gauge({
    name: 'kafka_relay_state',
    help: 'The relay state: 1 for the current one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { state } = relay.status();
      for (const s of STATES) this.set({ state: s }, s === state ? 1 : 0);
    },
  });
}
