import { LeaseLostError, SharedLease, SharedLeases } from '../../coordination/shared-lease';
import { unreachableError } from '../broker-watch';
import type { BrokerReachability, BrokerWatch } from '../broker-watch';
import { logFailure } from '../failure-log-level';
import type { AllSubscription, EventStore } from '../../event-store/port';
import { streamCategory } from '../../event-store/recorded-event';
import type { CheckpointStore } from '../../state/checkpoint-store';
import type { KafkaClient, KafkaProducer, OutgoingMessage } from '../kafka-port';
import type { KafkaLogger } from '../kafkajs/kafkajs-log';
import { aggregateTypeOf, topicFor } from './aggregate-topics';
import { toIntegrationEvent } from './integration-event';
import type { IntegrationEventRegistry } from './integration-event-registry';
import { toOutgoingMessage } from './integration-message';
import type { RelayState, RelayStatus } from './relay-status';
import { ensureRelayTopics, RelayTopicOptions } from './relay-topics';
import { SubscriptionBatch, SubscriptionBatcher } from './subscription-batcher';

export interface KafkaRelayOptions {
  /** Names its lease and the checkpoint kept with it. */
  name: string;
  /** A checkpoint of this relay's in the instance's state file, from before the shared one (default: `name`). */
  formerCheckpoint?: string;
  topics: RelayTopicOptions;
  /** Most events read from the store per batch. */
  batchSize: number;
  /** Most bytes per request to the broker; keeps each partition's record batch under the broker's limit. */
  maxRequestBytes?: number;
  retryDelayMs?: { initial: number; max: number };
  /** How long the lease outlives its holder's last renewal: the longest a dead holder's successor waits. */
  leaseTtlMs?: number;
  /** The fewest milliseconds between two commits of the shared checkpoint while busy (default 500). */
  commitEveryMs?: number;
  /** How long stop() lets a send in flight finish before cutting the connection. */
  stopGraceMs?: number;
}

export interface KafkaRelayDependencies {
  store: EventStore;
  /** The lease and checkpoint every instance shares (in the event store), so one relay publishes at a time. */
  leases: SharedLeases;
  /** This instance's state file: read once, for a checkpoint written there before the shared one existed. */
  checkpoints: CheckpointStore;
  client: KafkaClient;
  registry: IntegrationEventRegistry;
  logger: KafkaLogger;
  /** Probes the cluster, so an idle relay reports an outage (and the end of one) within seconds. */
  watch?: BrokerWatch;
}

interface Chunk {
  byTopic: Map<string, OutgoingMessage[]>;
  count: number;
  bytes: number;
}

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
};

/**
 * Publishes every stored event to Kafka as an integration event: a
 * checkpointed $all subscription through the EventStore port, so it works on
 * any store. The checkpoint moves only after the broker has acknowledged
 * everything before it, and sends are strictly one after another, so a crash
 * or an outage can repeat events but never lose or reorder them
 * (at-least-once; consumers deduplicate on the event id).
 */
export class KafkaRelay {
  private current: Omit<RelayStatus, 'broker'> = {
    state: 'stopped',
    checkpoint: 0,
    published: 0,
    skipped: 0,
    failures: 0,
  };
  /** Set while the last probe found the broker unreachable. */
  private brokerDown = false;
  private unwatch: (() => void) | undefined;
  private readonly lease: SharedLease;
  /** The shared checkpoint as this relay last read or wrote it (status is synchronous). */
  private checkpointSeen = 0;
  private committedAt = 0;
  /** Acknowledged by the broker, not yet committed (commits are spaced out while busy). */
  private unsaved = 0;
  private commitTimer: NodeJS.Timeout | undefined;
  /** When the store last confirmed this relay holds the lease (taken, renewed or committed). */
  private leaseConfirmedAt = 0;
  private readonly reported = new Set<string>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private consecutiveFailures = 0;
  private subscription: AllSubscription | undefined;
  private producer: KafkaProducer | undefined;
  private wakeUp: (() => void) | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: KafkaRelayDependencies,
    private readonly options: KafkaRelayOptions,
  ) {
    this.lease = deps.leases({ name: options.name, ttlMs: options.leaseTtlMs ?? 10_000 });
  }

  /**
   * While the probe finds the broker unreachable, a relay that would say it is
   * starting, catching up or live says `retrying`: its next send would fail.
   */
  status(): RelayStatus {
    const { state } = this.current;
    const blocked = this.brokerDown && (state === 'live' || state === 'catching-up' || state === 'starting');
    return {
      ...this.current,
      state: blocked ? 'retrying' : state,
      broker: this.deps.watch?.state.reachability ?? 'unknown',
      checkpoint: this.checkpointSeen,
    };
  }

  private onBroker(reachability: BrokerReachability, error?: string): void {
    this.brokerDown = reachability === 'unreachable';
    if (this.brokerDown) {
      this.current.lastError = unreachableError(error);
    } else {
      // Back: a relay waiting out its back-off tries again now.
      this.wakeUp?.();
    }
  }

  /** How far the published log trails the store; a standby relay reports the active one's progress. */
  async lag(): Promise<{ headPosition: number; checkpoint: number; lag: number }> {
    const headPosition = await this.deps.store.headPosition();
    const checkpoint = (this.checkpointSeen = await this.lease.checkpoint());
    return { headPosition, checkpoint, lag: Math.max(0, headPosition - checkpoint) };
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
    this.wakeUp?.();
    await this.subscription?.close();
    const loop = this.loop;
    if (!loop) return;
    const grace = setTimeout(() => void this.producer?.disconnect(), this.options.stopGraceMs ?? 5_000);
    await loop.finally(() => clearTimeout(grace));
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopping) {
      try {
        if (!(await this.acquireLease())) break;
        await this.publishUntilStopped(() => (attempt = 0));
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof LeaseLostError) {
          // Not a failure: another instance publishes now. Wait for the lease like any standby.
          this.deps.logger.warn(`Kafka relay stops publishing: ${error.message}`);
          this.unsaved = 0;
          continue;
        }
        attempt++;
        this.fail(error);
        const { initial, max } = this.options.retryDelayMs ?? { initial: 500, max: 10_000 };
        await this.pause(Math.min(max, initial * 2 ** (attempt - 1)));
      }
    }
    clearInterval(this.leaseTimer);
    // What the broker acknowledged is committed before the lease goes, so the next holder resumes after it.
    await this.commitUnsaved().catch(() => undefined);
    await this.lease.release().catch(() => undefined);
    this.setState('stopped');
  }

  private async acquireLease(): Promise<boolean> {
    while (!this.stopping) {
      if (await this.lease.tryAcquire()) {
        this.leaseConfirmedAt = Date.now();
        await this.adoptLocalCheckpoint();
        return true;
      }
      if (this.current.state !== 'standby') {
        const holder = await this.lease.holder();
        this.deps.logger.warn(
          `Kafka relay on standby: another relay (${holder ? `${holder.host} pid ${holder.pid}` : 'unknown'}) holds the lease`,
        );
        this.setState('standby');
      }
      await this.pause(1_000);
    }
    return false;
  }

  private async publishUntilStopped(onProgress: () => void): Promise<void> {
    // After a failure it stays `retrying` until connected again, so health never shows a flapping `starting`.
    if (this.current.state !== 'retrying') this.setState('starting');
    const producer = this.deps.client.producer();
    this.producer = producer;
    try {
      await producer.connect();
      await ensureRelayTopics(this.deps.client, this.options.topics);
      const from = (this.checkpointSeen = await this.lease.checkpoint());
      const subscription = this.deps.store.subscribeToAll({ fromPosition: from });
      this.subscription = subscription;
      this.watchLease(subscription);
      if (this.stopping) await subscription.close();
      try {
        this.setState('catching-up');
        const batcher = new SubscriptionBatcher(subscription);
        for (;;) {
          const batch = await batcher.next(this.options.batchSize);
          if (!batch) break;
          await this.publish(producer, batch);
          onProgress();
          if (batch.caughtUp && this.current.state !== 'live') {
            this.deps.logger.log(
              `Kafka relay caught up at position ${batch.throughPosition} (published ${this.current.published} events since start)`,
            );
            this.setState('live');
          }
        }
        if (!this.stopping) {
          throw (await this.lease.renew())
            ? new Error('The $all subscription ended')
            : new LeaseLostError('Another relay took over the lease');
        }
      } finally {
        clearInterval(this.leaseTimer);
        await subscription.close();
      }
    } finally {
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
    }
  }

  /** Renews the lease while idle too; losing it ends the subscription, and with it this attempt. */
  private watchLease(subscription: AllSubscription): void {
    clearInterval(this.leaseTimer);
    const every = (this.options.leaseTtlMs ?? 30_000) / 3;
    this.leaseTimer = setInterval(() => {
      void this.lease
        .renew()
        // The store cannot be reached: the lease may lapse, so stop publishing all the same.
        .catch(() => false)
        .then((held) => {
          if (held) this.leaseConfirmedAt = Date.now();
          else void subscription.close();
        });
    }, every);
    this.leaseTimer.unref();
  }

  private async publish(producer: KafkaProducer, batch: SubscriptionBatch): Promise<void> {
    await this.confirmLease();
    const maxBytes = this.options.maxRequestBytes ?? 768 * 1024;
    let chunk: Chunk = { byTopic: new Map(), count: 0, bytes: 0 };
    let chunkEnd = 0;
    for (const event of batch.events) {
      const type = aggregateTypeOf(event.streamId);
      if (!type) {
        const category = streamCategory(event.streamId);
        this.current.skipped++;
        this.reportOnce(`category:${category}`, () =>
          this.deps.logger.warn(`Kafka relay skips streams of category "${category}": not an aggregate type`),
        );
        continue;
      }
      const definition = this.deps.registry.definitionOf(event.type);
      if (!definition) {
        this.reportOnce(`type:${event.type}`, () =>
          this.deps.logger.log(
            `Kafka relay publishes ${event.type} with the envelope schema only: no data schema registered for it`,
          ),
        );
      }
      const message = toOutgoingMessage(toIntegrationEvent(event, definition));
      // Headers and record framing add roughly 200 bytes; the limit only needs to be approached, not met exactly.
      const bytes = Buffer.byteLength(message.value) + message.key.length + 200;
      if (chunk.count > 0 && chunk.bytes + bytes > maxBytes) {
        await this.send(producer, chunk);
        await this.commitIfDue(chunkEnd, false);
        chunk = { byTopic: new Map(), count: 0, bytes: 0 };
      }
      const topic = topicFor(this.options.topics.prefix, type);
      const messages = chunk.byTopic.get(topic) ?? [];
      messages.push(message);
      chunk.byTopic.set(topic, messages);
      chunk.count++;
      chunk.bytes += bytes;
      chunkEnd = event.position;
    }
    await this.send(producer, chunk);
    // The batch's checkpoint also covers skipped events and a caught-up position beyond its events.
    await this.commitIfDue(batch.throughPosition, batch.caughtUp);
  }

  /**
   * A relay frozen for longer than a third of the TTL (a paused process, a
   * long GC, a suspended VM) may have lost the lease without its timer having
   * run yet: it asks the store before it publishes anything more.
   */
  private async confirmLease(): Promise<void> {
    const ttl = this.options.leaseTtlMs ?? 10_000;
    if (Date.now() - this.leaseConfirmedAt < ttl / 3) return;
    if (!(await this.lease.renew())) throw new LeaseLostError('Another relay took over the lease');
    this.leaseConfirmedAt = Date.now();
  }

  /**
   * While busy the checkpoint is committed at most every commitEveryMs, so a
   * successor repeats at most that much; what is acknowledged but not yet
   * committed is committed when that time is up, busy or not.
   */
  private async commitIfDue(position: number, now: boolean): Promise<void> {
    const wait = this.committedAt + (this.options.commitEveryMs ?? 500) - Date.now();
    if (now || wait <= 0) return this.commit(position);
    this.unsaved = Math.max(this.unsaved, position);
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = undefined;
      void this.commitUnsaved().catch((error: unknown) => {
        // Lost the lease: stop publishing now. Anything else: the next commit tries again.
        if (error instanceof LeaseLostError) void this.subscription?.close();
      });
    }, wait);
  }

  private async commitUnsaved(): Promise<void> {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    if (this.unsaved > 0) await this.commit(this.unsaved);
  }

  private async send(producer: KafkaProducer, chunk: Chunk): Promise<void> {
    if (chunk.count === 0) return;
    await producer.send([...chunk.byTopic].map(([topic, messages]) => ({ topic, messages })));
    this.current.published += chunk.count;
    this.current.lastPublishedAt = new Date().toISOString();
  }

  /** Only after the broker's acknowledgement, and only while this relay holds the lease (else LeaseLostError). */
  private async commit(position: number): Promise<void> {
    if (position <= this.unsaved) this.unsaved = 0;
    if (position <= this.checkpointSeen) return;
    await this.lease.commit(position);
    this.leaseConfirmedAt = Date.now();
    this.checkpointSeen = position;
    this.committedAt = Date.now();
  }

  /**
   * Before the shared checkpoint existed, the relay kept its position in this
   * instance's state file. The first holder that finds the shared one empty
   * starts from there instead of publishing the whole log again.
   */
  private async adoptLocalCheckpoint(): Promise<void> {
    const local = this.deps.checkpoints.get(this.options.formerCheckpoint ?? this.options.name);
    if (local > 0 && (await this.lease.checkpoint()) === 0) await this.lease.commit(local);
  }

  private fail(error: unknown): void {
    const message = describeError(error);
    this.current.failures++;
    this.current.lastError = { message, at: new Date().toISOString() };
    this.setState('retrying');
    this.consecutiveFailures++;
    logFailure(
      this.deps.logger,
      this.consecutiveFailures,
      message,
      `Kafka relay failed (attempt ${this.current.failures}); resuming from checkpoint ${this.checkpointSeen}: ${message}`,
    );
  }

  private setState(state: RelayState): void {
    this.current.state = state;
    if (state === 'live') this.consecutiveFailures = 0;
  }

  private reportOnce(key: string, report: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    report();
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
