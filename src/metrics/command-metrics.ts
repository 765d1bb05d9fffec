import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { DomainError } from '../domain/shared';
import { EventStoreUnavailableError, StreamDeletedError } from '../event-store/errors';
import { ProblemException } from '../shared/problem';

export type CommandOutcome = 'accepted' | 'replayed' | 'rejected' | 'failed';

/** A refusal the caller can act on (4xx) is `rejected`; anything else the service could not do is `failed`. */
function outcomeOfError(error: unknown): CommandOutcome {
  if (error instanceof EventStoreUnavailableError) return 'failed';
  if (error instanceof DomainError || error instanceof StreamDeletedError) return 'rejected';
  if (error instanceof ProblemException) return error.status < 500 ? 'rejected' : 'failed';
  return 'failed';
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Counts and times every command the CommandBus runs, whatever brought it
 * (HTTP, Kafka, the service's own seeding), in the one place they all pass:
 * the command handler. Refusals before the bus (validation, authorisation)
 * are counted by each transport: Kafka's in kafka_commands_consumed_total.
 */
@Injectable()
export class CommandMetrics {
  private readonly commands: Counter<'command' | 'transport' | 'outcome'>;
  private readonly duration: Histogram<'command' | 'transport' | 'outcome'>;
  private readonly append: Histogram<'command'>;

  constructor(registry: Registry) {
    this.commands = new Counter({
      name: 'commands_total',
      help: 'Commands the command handler ran, by name, transport (http, kafka, import, internal) and outcome (accepted, replayed, rejected, failed).',
      labelNames: ['command', 'transport', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'command_duration_seconds',
      help: 'Time from the command handler receiving a command to its answer (reads, decision, append).',
      labelNames: ['command', 'transport', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.append = new Histogram({
      name: 'event_store_append_duration_seconds',
      help: 'Time the event store took to append a command’s events.',
      labelNames: ['command'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  async observe<T extends { replayed: boolean }>(
    command: string,
    transport: string,
    run: () => Promise<T>,
  ): Promise<T> {
    const stop = this.duration.startTimer({ command, transport });
    let outcome: CommandOutcome = 'failed';
    try {
      const result = await run();
      outcome = result.replayed ? 'replayed' : 'accepted';
      return result;
    } catch (error) {
      outcome = outcomeOfError(error);
      throw error;
    } finally {
      stop({ outcome });
      this.commands.inc({ command, transport, outcome });
    }
  }

  /** One command of a batch: counted, not timed (a batch's time is not any one command's). */
  count(
    command: string,
    transport: string,
    outcome: { ok: true; result: { replayed: boolean } } | { ok: false; error: unknown },
  ): void {
    const counted = outcome.ok
      ? outcome.result.replayed
        ? 'replayed'
        : 'accepted'
      : outcomeOfError(outcome.error);
    this.commands.inc({ command, transport, outcome: counted });
  }

  async timeAppend<T>(command: string, append: () => Promise<T>): Promise<T> {
    const stop = this.append.startTimer({ command });
    try {
      return await append();
    } finally {
      stop();
    }
  }
}
