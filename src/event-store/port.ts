import type { ExpectedRevision } from './expected-revision';
import type { IdempotencyClaim, IdempotencyKeyUse } from './idempotency-claim';
import { AppendResult, NewEvent, RecordedEvent, SerializedEvent } from './recorded-event';

export interface AppendOptions {
  /** Defaults to `any`. */
  expectedRevision?: ExpectedRevision;
  /**
   * Claims an idempotency key for this append. The first append that claims
   * a key records it; a later claim of the same key with another fingerprint
   * fails with IdempotencyKeyReusedError and writes nothing. A claim with the
   * same fingerprint is a retry and appends as usual.
   */
  idempotency?: IdempotencyClaim;
}

/**
 * A delete's expected revision: every sentinel but `stream_exists`, which
 * EventStoreDB's 6.x client cannot send with a delete.
 */
export type DeleteExpectedRevision = Exclude<ExpectedRevision, 'stream_exists'>;

export interface DeleteStreamOptions {
  /** Defaults to `any`. */
  expectedRevision?: DeleteExpectedRevision;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to return (inclusive); defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  direction?: ReadDirection;
  maxCount?: number;
}

/**
 * Which events of $all to deliver. System events (types starting with `$`) are
 * always excluded.
 */
export interface EventFilter {
  streamPrefixes?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /**
   * First global position to return (inclusive); defaults to the start.
   * Positions are opaque: pass 0 or a position the store gave (an event's, a
   * checkpoint, a head). EventStoreDB's are byte offsets in its log, and it
   * refuses to start reading anywhere else.
   */
  fromPosition?: number;
  /** Last global position to return (inclusive), e.g. a data cut's bound. */
  toPosition?: number;
  maxCount?: number;
  filter?: EventFilter;
  /**
   * Business-time bound (ISO instant, inclusive): leave out events whose
   * `metadata.occurredAt` is after it. Instants compare as times, not text
   * (Date.parse); an occurredAt that does not parse is never left out, as in
   * shared/bounds.ts `withinBounds`. `maxCount` counts the events returned.
   */
  occurredAtMax?: string;
  /** Knowledge-time bound on `metadata.recordedAt`, alike. */
  recordedAtMax?: string;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position (a checkpoint the store gave); defaults to 0, the start. */
  fromPosition?: number;
  filter?: EventFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Every event up to `position` has been delivered; later events arrive live. */
  | { kind: 'caught-up'; position: number };

/**
 * An endless, ordered feed of $all. Iterating applies back-pressure: the next
 * message is read only after the consumer asks for it. `close()` ends the
 * iteration; a failure of the store ends it with that error.
 */
export interface AllSubscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/**
 * The one event-store port (docs/architecture/event-store.md); every adapter passes test/event-store's conformance suite.
 *
 * Deleted streams, as EventStoreDB has them (every adapter behaves alike):
 * - A soft-deleted stream (`deleteStream`) reads as missing: no events,
 *   revision -1. An append with `any`, `no_stream`, -1 or the revision it had
 *   when deleted (L) recreates it; its revisions go on from L + 1 and reads
 *   show only the events written since. An append with `stream_exists` fails
 *   with StreamDeletedError; any other revision conflicts with actual L.
 * - A tombstoned stream (`tombstoneStream`) is gone for good: reading it,
 *   appending to it, deleting or tombstoning it again all fail with
 *   StreamDeletedError (tombstoned), whatever the expected revision.
 * - Neither rewrites the log: $all reads and subscriptions still deliver
 *   every event the stream had (EventStoreDB drops them from $all only when
 *   a scavenge runs; the embedded store never does). Read models built from
 *   $all are not changed by a delete.
 */
export interface EventStore {
  /** Fails with StreamDeletedError on a tombstoned stream, and on a soft-deleted one with `stream_exists`. */
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; a missing or soft-deleted stream reads as an empty list, a tombstoned one fails. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current revision of a stream; -1 when it does not exist or is soft-deleted; a tombstoned one fails. */
  streamRevision(stream: string): Promise<number>;
  /** The first use of an idempotency key, as recorded by an append that claimed it. */
  idempotencyKeyUse(key: string): Promise<IdempotencyKeyUse | undefined>;
  /** `idempotencyKeyUse` for many keys at once (a batch of commands): the used ones, by key. */
  idempotencyKeyUses(keys: readonly string[]): Promise<Map<string, IdempotencyKeyUse>>;
  /**
   * Soft-deletes a stream. A stream that has never had events is a conflict
   * (actual -1); deleting a soft-deleted stream again is allowed.
   */
  deleteStream(stream: string, options?: DeleteStreamOptions): Promise<void>;
  /** Deletes a stream for good; a name that has never been used can be tombstoned too (`any`, `no_stream`). */
  tombstoneStream(stream: string, options?: DeleteStreamOptions): Promise<void>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The same events as `readAll`, each as one JSON text. An export writes
   * them without a parse and re-serialisation per event; a store that holds
   * parsed events serialises them here.
   */
  readAllSerialized(options?: ReadAllOptions): Promise<SerializedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event in $all; 0 when the store is empty. */
  headPosition(): Promise<number>;
  /** Throws EventStoreUnavailableError when the store cannot serve requests. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
