import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { AllStreamResolvedEvent, ResolvedEvent, StreamingRead } from '@eventstore/db-client';
import {
  EventStoreStartupError,
  EventStoreUnavailableError,
  IdempotencyKeyReusedError,
  StreamDeletedError,
} from '../errors';
import type { IdempotencyKeyUse } from '../idempotency-claim';
import { claimKey, readClaim } from './esdb-idempotency-claims';
import { connectEsdb } from './esdb-client';
import { assertAppendable, assertReadable, assertWritableName } from '../event-validation';
import { NO_STREAM_REVISION } from '../expected-revision';
import type {
  AllSubscription,
  AppendOptions,
  DeleteStreamOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../port';
import { serializeEvent, UNKNOWN_POSITION } from '../recorded-event';
import type { AppendResult, NewEvent, RecordedEvent, SerializedEvent } from '../recorded-event';
import { Backoff, backoffDelay, sleep } from './backoff';
import { EsdbAllSubscription } from './esdb-all-subscription';
import { isStreamDeleted, toAppendError, toReadError, unavailable } from './esdb-errors';
import { matchesFilter, withinTimeBounds } from '../event-filter';
import { positionMissing, toEventData, toRecordedEvent } from './esdb-events';
import { findInLatest, lastOwnEventPosition } from './esdb-backward-reads';
import {
  isUnsetPosition,
  toAppendExpectedRevision,
  toDeleteExpectedRevision,
  toPortPosition,
  toReadPosition,
} from './esdb-positions';

export interface EsdbLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface EsdbEventStoreOptions {
  connectionString: string;
  /** Reconnection backoff for subscriptions and the start-up connection check. */
  retry?: Backoff;
  /** A health probe that gets no answer within this time reports the store unavailable. */
  pingTimeoutMs?: number;
  logger?: EsdbLogger;
}

const silent: EsdbLogger = { log: () => undefined, warn: () => undefined };
/** How far back $all is searched for a written event whose position the server did not give. */
const LOOKUP_EVENTS = 4096;
/** Claims read at once by `idempotencyKeyUses`. */
const KEY_READS_AT_ONCE = 32;

/**
 * The EventStore port on EventStoreDB through @eventstore/db-client 6.x.
 * Opening it never waits for the server: an unreachable server at start-up
 * leaves the service running and not ready (ping fails with the reason) while
 * a background check retries with backoff and says when it connects.
 * See esdb-positions.ts for how positions and revisions map.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly retry: Backoff;
  private readonly logger: EsdbLogger;
  private closed = false;
  private readonly closing: Promise<void>;
  private signalClosing!: () => void;

  static open(options: EsdbEventStoreOptions): EsdbEventStore {
    let client: EventStoreDBClient;
    try {
      client = connectEsdb(options.connectionString);
    } catch (error) {
      throw new EventStoreStartupError(
        `EVENTSTORE_CONNECTION_STRING: not a usable EventStoreDB connection string (${(error as Error).message})`,
      );
    }
    const store = new EsdbEventStore(client, options);
    void store.watchConnection();
    return store;
  }

  private constructor(
    readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions,
  ) {
    this.retry = options.retry ?? { initialMs: 250, maxMs: 30_000 };
    this.logger = options.logger ?? silent;
    this.closing = new Promise((resolve) => (this.signalClosing = resolve));
  }

  /** host:port, for messages; never the credentials a connection string may carry. */
  get endpoint(): string {
    const match = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(this.options.connectionString);
    return match ? match[1] : 'the configured address';
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(stream, events);
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    try {
      if (options.idempotency) await claimKey(this.client, options.idempotency);
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toAppendExpectedRevision(expected),
      });
      const nextRevision = Number(result.nextExpectedRevision);
      const position =
        result.position && !isUnsetPosition(result.position)
          ? toPortPosition(result.position.commit)
          : await this.positionOfWritten(stream, nextRevision);
      return { nextRevision, position };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw error;
      // A soft-deleted stream refuses only `stream_exists`, and the client's error does not say which it was.
      if (isStreamDeleted(error)) {
        throw new StreamDeletedError(
          stream,
          expected !== 'stream_exists' || (await this.isTombstoned(stream)),
        );
      }
      throw toAppendError(error, { endpoint: this.endpoint, stream, expected });
    }
  }

  /**
   * Older servers answer a retried append without a position (and before
   * 22.6 leave it out of stream reads too): the written event's own, else its
   * place found in the latest events of $all, else the head, which is never
   * before it (so ?minPosition= waits long enough).
   */
  private async positionOfWritten(stream: string, revision: number): Promise<number> {
    const [written] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    if (written && written.position !== UNKNOWN_POSITION) return written.position;
    return (await findInLatest(this.client, stream, revision, LOOKUP_EVENTS)) ?? this.headPosition();
  }

  private async isTombstoned(stream: string): Promise<boolean> {
    return this.readStream(stream, { direction: 'backwards', maxCount: 1 }).then(
      () => false,
      (error: unknown) => {
        if (error instanceof StreamDeletedError) return true;
        throw error;
      },
    );
  }

  async deleteStream(stream: string, options: DeleteStreamOptions = {}): Promise<void> {
    await this.remove(stream, options, false);
  }

  async tombstoneStream(stream: string, options: DeleteStreamOptions = {}): Promise<void> {
    await this.remove(stream, options, true);
  }

  private async remove(stream: string, options: DeleteStreamOptions, tombstone: boolean): Promise<void> {
    assertWritableName(stream);
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    const call = { expectedRevision: toDeleteExpectedRevision(expected) };
    try {
      if (tombstone) await this.client.tombstoneStream(stream, call);
      else await this.client.deleteStream(stream, call);
    } catch (error) {
      // Without `stream_exists` (which a delete cannot send), only a tombstone refuses a delete.
      if (isStreamDeleted(error)) throw new StreamDeletedError(stream, true);
      throw toAppendError(error, { endpoint: this.endpoint, stream, expected });
    }
  }

  async idempotencyKeyUse(key: string): Promise<IdempotencyKeyUse | undefined> {
    this.assertOpen();
    return readClaim(this.client, key).catch((error: unknown) => {
      throw toReadError(error, this.endpoint);
    });
  }

  async idempotencyKeyUses(keys: readonly string[]): Promise<Map<string, IdempotencyKeyUse>> {
    const uses = new Map<string, IdempotencyKeyUse>();
    // A claim is a stream of its own here: read a few at a time rather than thousands of calls at once.
    const distinct = [...new Set(keys)];
    for (let i = 0; i < distinct.length; i += KEY_READS_AT_ONCE) {
      const slice = distinct.slice(i, i + KEY_READS_AT_ONCE);
      const found = await Promise.all(slice.map((key) => this.idempotencyKeyUse(key)));
      found.forEach((use, j) => use && uses.set(slice[j], use));
    }
    return uses;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadable(options);
    this.assertOpen();
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const from =
      options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision);
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from,
      maxCount,
    });
    // A soft-deleted stream is "not found" too; a tombstoned one fails.
    return this.collect(read, () => true, false).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw toReadError(error, this.endpoint, stream);
    });
  }

  async streamRevision(stream: string): Promise<number> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? NO_STREAM_REVISION;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadable(options);
    this.assertOpen();
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    // 6.x reads $all unfiltered: the port's filter, time bounds (and the system-event rule) apply here.
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: toReadPosition(options.fromPosition),
    });
    const found: RecordedEvent[] = [];
    await this.collect(
      read,
      (event) => {
        if (event.position > to) return false;
        if (matchesFilter(event, options.filter) && withinTimeBounds(event, options)) found.push(event);
        return found.length < maxCount;
      },
      true,
    ).catch((error: unknown) => {
      throw toReadError(error, this.endpoint);
    });
    return found;
  }

  /** The client hands out parsed events; they are serialised again here. */
  async readAllSerialized(options: ReadAllOptions = {}): Promise<SerializedEvent[]> {
    return (await this.readAll(options)).map(serializeEvent);
  }

  /**
   * Reads until `accept` says stop (then cancels the call) or the server ends
   * it; returns what it accepted. System events never reach `accept`.
   * `inAll`: every event must come with its position.
   */
  private async collect(
    read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
    accept: (event: RecordedEvent) => boolean,
    inAll: boolean,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved.event, resolved.commitPosition);
      if (!event) continue;
      if (inAll && event.position === UNKNOWN_POSITION) throw positionMissing(event);
      if (!accept(event)) {
        await read.cancel();
        break;
      }
      events.push(event);
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new EsdbAllSubscription(this.client, {
      fromPosition: options.fromPosition ?? 0,
      filter: options.filter,
      retry: this.retry,
      endpoint: this.endpoint,
      onRetry: (reason, delay) =>
        this.logger.warn(
          `$all subscription to EventStoreDB at ${this.endpoint} dropped (${reason}); resubscribing in ${delay} ms`,
        ),
      onClose: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last non-system event's position: pages backwards past the server's own events. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    return lastOwnEventPosition(this.client).catch((error: unknown) => {
      throw toReadError(error, this.endpoint);
    });
  }

  async ping(): Promise<void> {
    if (this.closed)
      throw new EventStoreUnavailableError('The EventStoreDB event store is not open (closed)');
    const timeoutMs = this.options.pingTimeoutMs ?? 2_000;
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([read.toArray(), timeout]);
    } catch (error) {
      void read.cancel().catch(() => undefined);
      throw unavailable(this.endpoint, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Retries the first connection with backoff so the log says when EventStoreDB becomes reachable. */
  private async watchConnection(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.ping();
        this.logger.log(`Connected to EventStoreDB at ${this.endpoint}`);
        return;
      } catch (error) {
        if (this.closed) return;
        const delay = backoffDelay(this.retry, attempt);
        this.logger.warn(`${(error as Error).message}; retrying in ${delay} ms`);
        await sleep(delay, this.closing);
      }
    }
  }

  private assertOpen(): void {
    if (this.closed)
      throw new EventStoreUnavailableError('The EventStoreDB event store is not open (closed)');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosing();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }
}
