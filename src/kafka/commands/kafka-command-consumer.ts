import { unreachableError } from '../broker-watch';
import type { BrokerReachability, BrokerWatch } from '../broker-watch';
import { logFailure } from '../failure-log-level';
import { EventStoreUnavailableError } from '../../event-store/errors';
import type {
  ConsumedMessage,
  KafkaClient,
  KafkaConsumer,
  KafkaProducer,
  OutgoingMessage,
} from '../kafka-port';
import { ensureTopics, TopicOptions } from '../topics';
import type { CommandConsumerMetrics } from './command-consumer-metrics';
import type { CommandConsumerState, CommandConsumerStatus } from './command-consumer-status';
import { parseCommandMessage } from './command-message';
import { KafkaCommandResult, toDeadLetter, toResultMessage } from './command-result';
import { commandResultsTopic, commandsDlqTopic, commandsTopic, commandTopics } from './command-topics';
import { KafkaCommandPipelineDeps, runKafkaCommand } from './kafka-command-pipeline';
import { messageContext } from './message-context';

export interface KafkaCommandConsumerOptions {
  groupId: string;
  topics: TopicOptions;
  /** KAFKA_COMMANDS_PRINCIPAL. */
  principalSetting: string | undefined;
  sessionTimeoutMs?: number;
  partitionsConcurrently?: number;
  retryDelayMs?: { initial: number; max: number };
}

export interface KafkaCommandConsumerDeps extends KafkaCommandPipelineDeps {
  client: KafkaClient;
  metrics: CommandConsumerMetrics;
  /** Probes the cluster, so the state follows the broker within seconds either way. */
  watch?: BrokerWatch;
}

class StoppingError extends Error {
  override readonly name = 'StoppingError';
}

/** Ends a consumer that kafkajs would restart only after its own back-off, once the broker answers again. */
class ReconnectNow extends Error {
  override readonly name = 'ReconnectNow';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs commands from `<prefix>.commands.v1` through the same pipeline as
 * HTTP and answers each on `<prefix>.command-results.v1` (or dead-letters
 * it). A message's offset is committed only once its answer is acknowledged
 * by the broker, so a crash repeats commands, and their commandId makes the
 * repeat write nothing (it answers `replayed`). A message that fails for a
 * reason of its own is answered and passed; an unavailable store or broker
 * is retried with back-off on the same message, so nothing is skipped.
 */
export class KafkaCommandConsumer {
  private current: Omit<CommandConsumerStatus, 'broker'>;
  /** What `retrying` waits for: the broker (cleared when the broker answers the consumer) or the store. */
  private retryCause: 'broker' | 'store' | undefined;
  /** Set while the last probe found the broker unreachable. */
  private brokerDown = false;
  /** kafkajs is running the consumer (between its run() and the crash or disconnect that ends it). */
  private consuming = false;
  private unwatch: (() => void) | undefined;
  private consumer: KafkaConsumer | undefined;
  private producer: KafkaProducer | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private consecutiveFailures = 0;
  private crashed: ((error: Error) => void) | undefined;
  /** Back-off pauses in progress (one per partition at most), cut short on stop. */
  private readonly sleepers = new Set<() => void>();
  private lagAsked: { at: number; lag: Promise<number | undefined> } | undefined;

  constructor(
    private readonly deps: KafkaCommandConsumerDeps,
    private readonly options: KafkaCommandConsumerOptions,
  ) {
    this.current = {
      state: 'stopped',
      topic: commandsTopic(options.topics.prefix),
      groupId: options.groupId,
      consumed: { accepted: 0, replayed: 0, rejected: 0, dlq: 0 },
      failures: 0,
    };
  }

  status(): CommandConsumerStatus {
    // While the probe finds no broker, a consumer starting, joining or running is in truth waiting for it.
    const waiting = this.brokerDown && ['starting', 'joining', 'running'].includes(this.current.state);
    const state = waiting ? 'retrying' : this.current.state;
    return {
      ...this.current,
      state,
      broker: this.deps.watch?.state.reachability ?? 'unknown',
      consumed: { ...this.current.consumed },
    };
  }

  private onBroker(reachability: BrokerReachability, error?: string): void {
    this.brokerDown = reachability === 'unreachable';
    if (this.brokerDown) {
      this.current.lastError = unreachableError(error);
    } else if (this.current.state === 'retrying' && this.retryCause === 'broker') {
      // Back: a consumer waiting out a back-off (its own, or kafkajs's before a restart) reconnects now.
      for (const wake of [...this.sleepers]) wake();
      this.crashed?.(new ReconnectNow('the broker answers again'));
    }
  }

  /** The broker answered the running consumer: whatever kept it from the broker is over. */
  private onAlive(): void {
    if (this.consuming && this.current.state === 'retrying' && this.retryCause !== 'store') {
      this.setState('running');
    }
  }

  /**
   * Messages on the commands topic the group has not committed yet; undefined
   * when the broker cannot say. Asked only while running, at most once a
   * second and for at most 2 s, so health checks and scrapes stay fast when
   * the broker is not.
   */
  lag(): Promise<number | undefined> {
    if (this.current.state !== 'running') return Promise.resolve(undefined);
    if (this.lagAsked && Date.now() - this.lagAsked.at < 1_000) return this.lagAsked.lag;
    const lag = Promise.race([this.askLag(), sleep(2_000).then(() => undefined)]);
    this.lagAsked = { at: Date.now(), lag };
    return lag;
  }

  private async askLag(): Promise<number | undefined> {
    const admin = this.deps.client.admin();
    if (!admin.groupLag) return undefined;
    try {
      await admin.connect();
      const partitions = await admin.groupLag(this.options.groupId, this.current.topic);
      return partitions.reduce((sum, p) => sum + p.lag, 0);
    } catch {
      return undefined;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  start(): void {
    this.stopping = false;
    this.unwatch ??= this.deps.watch?.subscribe((reachability, error) => this.onBroker(reachability, error));
    this.loop ??= this.run().finally(() => (this.loop = undefined));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unwatch?.();
    this.unwatch = undefined;
    for (const wake of [...this.sleepers]) wake();
    this.crashed?.(new StoppingError('stopping'));
    await this.loop;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopping) {
      try {
        await this.consumeUntilCrashOrStop(() => (attempt = 0));
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof ReconnectNow) continue;
        attempt++;
        this.fail(error, 'broker');
        await this.pause(this.delay(attempt));
      }
    }
    this.setState('stopped');
  }

  private async consumeUntilCrashOrStop(onConnected: () => void): Promise<void> {
    if (this.current.state !== 'retrying') this.setState('starting');
    const producer = this.deps.client.producer();
    const consumer = this.deps.client.consumer({
      groupId: this.options.groupId,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      partitionsConcurrently: this.options.partitionsConcurrently,
    });
    this.producer = producer;
    this.consumer = consumer;
    try {
      const crashed = new Promise<never>((_, reject) => (this.crashed = reject));
      crashed.catch(() => undefined);
      await producer.connect();
      await ensureTopics(this.deps.client, commandTopics(this.options.topics.prefix), this.options.topics);
      await consumer.connect();
      await consumer.subscribe([this.current.topic], { fromBeginning: true });
      // The broker answers; run() returns once the group has taken the consumer in.
      this.setState('joining');
      await consumer.run((message) => this.handle(message), {
        onCrash: (error, restarting) => {
          this.fail(error, 'broker');
          if (!restarting) this.crashed?.(error);
        },
        onAlive: () => this.onAlive(),
      });
      this.consuming = true;
      onConnected();
      this.setState('running');
      await crashed;
    } finally {
      this.consuming = false;
      this.crashed = undefined;
      this.consumer = undefined;
      this.producer = undefined;
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
    }
  }

  /** Resolves once the message is answered or dead-lettered, and only then is its offset committed. */
  private async handle(consumed: ConsumedMessage): Promise<void> {
    const parsed = parseCommandMessage(consumed);
    if (!parsed.ok) {
      this.deps.logger.warn(
        `Kafka command message ${consumed.topic}/${consumed.partition}@${consumed.offset} dead-lettered (${parsed.reason}): ${parsed.detail}`,
      );
      await this.publish([
        {
          topic: commandsDlqTopic(this.options.topics.prefix),
          messages: [toDeadLetter(consumed, parsed.reason, parsed.detail, parsed.redact)],
        },
      ]);
      this.deps.metrics.deadLetter(parsed.reason);
      this.done('dlq');
      return;
    }
    const { message } = parsed;
    const context = messageContext(
      consumed,
      message,
      this.options.principalSetting,
      this.options.topics.prefix,
    );
    const result = await this.retrying(() => runKafkaCommand(this.deps, message, context));
    await this.publish([
      {
        topic: commandResultsTopic(this.options.topics.prefix),
        messages: [toResultMessage(result, message.command, context.correlationId)],
      },
    ]);
    this.deps.metrics.consumed(message.command, result.status);
    this.done(result.status);
  }

  private done(outcome: KafkaCommandResult['status'] | 'dlq'): void {
    this.current.consumed[outcome]++;
    this.current.lastConsumedAt = new Date().toISOString();
    if (this.current.state === 'retrying') this.setState('running');
  }

  private publish(batch: { topic: string; messages: OutgoingMessage[] }[]): Promise<void> {
    const producer = this.producer;
    if (!producer) return Promise.reject(new StoppingError('The consumer is stopping'));
    return this.retrying(() => producer.send(batch), true);
  }

  /**
   * Retries while the store (or, for sends, the broker) is unavailable; the
   * message stays uncommitted meanwhile. Gives up only when stopping, so the
   * message is read again by whichever consumer takes the partition.
   */
  private async retrying<T>(attempt: () => Promise<T>, anyError = false): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const transient = anyError || error instanceof EventStoreUnavailableError;
        if (!transient || this.stopping) throw error;
        this.fail(error, error instanceof EventStoreUnavailableError ? 'store' : 'broker');
        await this.pause(this.delay(n));
        if (this.stopping) throw new StoppingError('The consumer is stopping');
      }
    }
  }

  private delay(attempt: number): number {
    const { initial, max } = this.options.retryDelayMs ?? { initial: 250, max: 10_000 };
    return Math.min(max, initial * 2 ** (attempt - 1));
  }

  private fail(error: unknown, cause: 'broker' | 'store'): void {
    if (error instanceof StoppingError) return;
    this.retryCause = cause;
    const message = describe(error);
    this.current.failures++;
    this.current.lastError = { message, at: new Date().toISOString() };
    this.setState('retrying');
    this.consecutiveFailures++;
    logFailure(
      this.deps.logger,
      this.consecutiveFailures,
      message,
      `Kafka command consumer: ${message} (attempt ${this.current.failures}); retrying`,
    );
  }

  private setState(state: CommandConsumerState): void {
    this.current.state = state;
    if (state === 'running') {
      this.consecutiveFailures = 0;
      this.retryCause = undefined;
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
