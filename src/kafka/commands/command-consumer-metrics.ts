import { Counter, Gauge, Registry } from 'prom-client';
import type { ConsumedOutcome } from './command-consumer-status';
import type { KafkaCommandConsumer } from './kafka-command-consumer';

const STATES = ['starting', 'joining', 'running', 'retrying', 'stopped'] as const;

/** The command consumer's figures for GET /metrics; it counts as it goes through `consumed`. */
export class CommandConsumerMetrics {
  private readonly consumedTotal: Counter<'command' | 'outcome'>;
  private readonly deadLettered: Counter<'reason'>;

  constructor(private readonly registry: Registry) {
    this.consumedTotal = new Counter({
      name: 'kafka_commands_consumed_total',
      help: 'Command messages done, by command and outcome (accepted, replayed, rejected, dlq); redeliveries count again.',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    });
    this.deadLettered = new Counter({
      name: 'kafka_commands_dlq_total',
      help: 'Command messages sent to the dead-letter topic, by reason.',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  consumed(command: string, outcome: ConsumedOutcome): void {
    this.consumedTotal.inc({ command, outcome });
  }

  deadLetter(reason: string): void {
    this.deadLettered.inc({ reason });
    this.consumedTotal.inc({ command: 'unreadable', outcome: 'dlq' });
  }

  /** Gauges read from the consumer at each scrape. */
  watch(consumer: KafkaCommandConsumer): void {
    new Gauge({
      name: 'kafka_commands_consumer_state',
      help: 'The command consumer state: 1 for the current one.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const { state } = consumer.status();
        for (const s of STATES) this.set({ state: s }, s === state ? 1 : 0);
      },
    });
    new Gauge({
      name: 'kafka_commands_consumer_lag_messages',
      help: 'Messages on the commands topic not yet committed by the consumer group (-1 when unknown).',
      registers: [this.registry],
      async collect() {
        this.set((await consumer.lag()) ?? -1);
      },
    });
    new Counter({
      name: 'kafka_commands_consumer_failures_total',
      help: 'Attempts that failed because the store or the broker was unavailable (each is retried).',
      registers: [this.registry],
      collect() {
        const failures = consumer.status().failures;
        this.reset();
        this.inc(failures);
      },
    });
  }
}
