import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import {
  EventNotFoundError,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  IdempotencyKeyReusedError,
  WrongExpectedRevisionError,
} from '../errors';
import { assertAppendable, assertReadable, assertWritableName } from '../event-validation';
import { acceptsWrite, ExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';
import type { IdempotencyClaim, IdempotencyKeyUse } from '../idempotency-claim';
import {
  AllSubscription,
  AppendOptions,
  DeleteStreamOptions,
  EventFilter,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../port';
import { AppendResult, EventMetadata, NewEvent, RecordedEvent, SerializedEvent } from '../recorded-event';
import { OncePerTurn } from '../../shared/once-per-turn';
import { openSqliteDatabase } from './open-sqlite-database';
import { APPLICATION_ID, SCHEMA, SCHEMA_VERSION, SchemaUpgradeReport, upgradeSchema } from './schema';
import { SqliteAllSubscription } from './sqlite-all-subscription';
import { EventRow, toRecordedEvent } from './event-row';
import { StreamDeletions } from './stream-deletions';
import { registerTimeBoundFunction, timeBoundsClause } from './time-bounds-sql';
import { WalCheckpointer } from './wal-checkpointer';
import { withChanges } from '../../shared/with-changes';

export interface SqliteEventStoreOptions {
  path: string;
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * How often an idle subscription looks for events written by another
   * process sharing the file (default 50 ms: one indexed max() query, so
   * several instances on one file read each other's writes almost at once);
   * appends in this process wake it at once.
   */
  pollIntervalMs?: number;
  /** Events fetched per query while a subscription catches up. */
  batchSize?: number;
  /** How long a live subscription woken by an append here waits for more before it reads (default 5 ms). */
  wakeDelayMs?: number;
  /** Clock for `recordedAt`; tests pin it. */
  now?: () => Date;
}

const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** SQL for an $all filter; parameters are bound by name. */
export function filterClause(filter: EventFilter | undefined): {
  sql: string;
  params: Record<string, string>;
} {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) {
    parts.push(
      `(${prefixes
        .map((prefix, i) => {
          // Range scan instead of LIKE: no escaping and case-sensitive like every other adapter.
          params[`p${i}lo`] = prefix;
          params[`p${i}hi`] = `${prefix}\u{10FFFF}`;
          return `(stream_id >= @p${i}lo AND stream_id < @p${i}hi)`;
        })
        .join(' OR ')})`,
    );
  }
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) {
    parts.push(`type IN (${types.map((type, i) => ((params[`t${i}`] = type), `@t${i}`)).join(', ')})`);
  }
  parts.push(`substr(type, 1, 1) <> '$'`);
  return { sql: parts.join(' AND '), params };
}

/** `EventRow`'s columns: occurred_at and recorded_at are in the metadata too, and each string read costs. */
const EVENT_ROW_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';

/** `SerializedEvent` columns: the JSON text is built from the stored data and metadata text, keys in order. */
const SERIALIZED_COLUMNS = `position, type, CAST(json_extract(metadata, '$.schemaVersion') AS REAL) AS schemaVersion,
  '{"id":' || json_quote(event_id) || ',"type":' || json_quote(type) || ',"streamId":' || json_quote(stream_id)
  || ',"revision":' || revision || ',"position":' || position
  || ',"data":' || data || ',"metadata":' || metadata || '}' AS json`;

interface PendingAppend {
  stream: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  claim: IdempotencyClaim | undefined;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { result: AppendResult & { replayed: boolean } } | { error: unknown };

/** Streams whose revision this connection remembers, at most (then it starts afresh). */
const KNOWN_STREAMS = 50_000;

/**
 * The embedded event store: one SQLite file in WAL mode. SQLite serialises
 * writers, so the INTEGER PRIMARY KEY position is strictly increasing in
 * commit order and needs no high-water mark.
 *
 * Group commit: the appends that arrive in one turn of the event loop share
 * one transaction, and a conflict rolls back that append alone (a savepoint
 * for an append of several events, see appendBatch); every append is acknowledged only once the transaction
 * has committed. With synchronous=FULL each commit is an fsync, which a
 * transaction per append paid for every command.
 */
export class SqliteEventStore implements EventStore {
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly now: () => Date;
  private readonly statements;
  private readonly appendInSavepoint: Database.Transaction<SqliteEventStore['appendUnchecked']>;
  private readonly appendBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;
  private readonly deletions: StreamDeletions;
  private readonly deleteInTransaction: Database.Transaction<
    (stream: string, expected: ExpectedRevision, tombstone: boolean) => void
  >;
  private pending: PendingAppend[] = [];
  /**
   * Each stream's last revision as this connection last wrote or read it, so
   * a command's "anything new since my cached state?" read of a stream needs
   * no query. Forgotten whenever another connection commits (PRAGMA
   * data_version moves), e.g. a CLI run against the same file.
   */
  private readonly knownRevisions = new Map<string, number>();
  private dataVersion = -1;
  private readonly dataVersionCheck = new OncePerTurn();
  private readonly checkpointer: WalCheckpointer | undefined;
  private closed = false;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    let upgrade: (SchemaUpgradeReport & { fromVersion: number }) | undefined;
    const db = openSqliteDatabase(options.path, {
      setting: 'SQLITE_PATH',
      applicationId: APPLICATION_ID,
      schemaVersion: SCHEMA_VERSION,
      schema: SCHEMA,
      synchronous: options.synchronous,
      upgrade: (database, fromVersion) => {
        upgrade = { ...upgradeSchema(database, fromVersion), fromVersion };
      },
    });
    return new SqliteEventStore(db, options, upgrade);
  }

  private constructor(
    readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
    /** What opening the file upgraded, if it did: start-up logs it. */
    readonly upgrade?: SchemaUpgradeReport & { fromVersion: number },
  ) {
    this.now = options.now ?? (() => new Date());
    // A file's WAL is copied back on a thread of its own (wal-checkpointer.ts); `:memory:` has none.
    if (options.path !== ':memory:') this.checkpointer = new WalCheckpointer(db, options.path);
    this.statements = {
      revision: db.prepare<[string], { revision: number | null }>(
        'SELECT max(revision) AS revision FROM events WHERE stream_id = ?',
      ),
      byEventId: db.prepare<[string, string], { revision: number; position: number; type: string }>(
        'SELECT revision, position, type FROM events WHERE stream_id = ? AND event_id = ?',
      ),
      atRevision: db.prepare<[string, number], { event_id: string; position: number }>(
        'SELECT event_id, position FROM events WHERE stream_id = ? AND revision = ?',
      ),
      insert: db.prepare(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
         VALUES (@stream, @revision, @id, @type, @data, @metadata, @occurredAt, @recordedAt)`,
      ),
      forwards: db.prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      ),
      backwards: db.prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      head: db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
      keyUse: db.prepare<[string], IdempotencyKeyUse>(
        'SELECT fingerprint, command FROM idempotency_keys WHERE idempotency_key = ?',
      ),
      keyUses: db.prepare<[string], IdempotencyKeyUse & { key: string }>(
        'SELECT idempotency_key AS key, fingerprint, command FROM idempotency_keys WHERE idempotency_key IN (SELECT value FROM json_each(?))',
      ),
      claimKey: db.prepare<[string, string, string, number]>(
        'INSERT INTO idempotency_keys (idempotency_key, fingerprint, command, position) VALUES (?, ?, ?, ?)',
      ),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    this.deletions = new StreamDeletions(db);
    registerTimeBoundFunction(db);
    this.deleteInTransaction = db.transaction(
      (stream: string, expected: ExpectedRevision, tombstone: boolean) =>
        this.deletions.delete(
          stream,
          expected,
          this.physicalRevision(stream),
          tombstone,
          this.now().toISOString(),
        ),
    );
    // Nested in appendBatch's transaction, better-sqlite3 runs this one as a savepoint.
    this.appendInSavepoint = db.transaction(this.appendUnchecked.bind(this));
    this.appendBatch = db.transaction((batch: PendingAppend[]) => {
      this.otherWriterCommitted();
      return batch.map((append): Outcome => {
        try {
          // One event is one INSERT, which SQLite undoes alone if it fails, and appendUnchecked writes
          // nothing before it: only an append of several events needs a savepoint of its own.
          const { stream, events, expected, claim } = append;
          return {
            result:
              events.length === 1
                ? this.appendUnchecked(stream, events, expected, claim)
                : this.appendInSavepoint(stream, events, expected, claim),
          };
        } catch (error) {
          // SQLite rolled the whole transaction back (a full disk, an I/O error): the later appends
          // would each commit on their own while the batch is reported failed. Fail it all instead.
          if (!db.inTransaction) throw error;
          return { error };
        }
      });
    });
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(stream, events);
    if (this.closed) throw new EventStoreUnavailableError('The SQLite event store is not open');
    return new Promise((resolve, reject) => {
      this.pending.push({
        stream,
        events,
        expected: options.expectedRevision ?? 'any',
        claim: options.idempotency,
        resolve,
        reject,
      });
      if (this.pending.length === 1) setImmediate(() => this.commitPending());
    });
  }

  private commitPending(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.appendBatch.immediate(batch);
    } catch (error) {
      // The transaction failed: nothing of the batch was written. What this connection
      // remembers of streams is no longer to be trusted either.
      this.knownRevisions.clear();
      for (const append of batch) append.reject(error);
      return;
    }
    let head = 0;
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if ('error' in outcome) return append.reject(outcome.error);
      const { nextRevision, position, replayed } = outcome.result;
      // The append remembered its stream's revision itself, inside the transaction.
      if (!replayed) head = Math.max(head, position);
      append.resolve({ nextRevision, position, replayed });
    });
    if (head > 0) {
      this.checkpointer?.written();
      this.appended.emit('appended', head);
    }
  }

  private appendUnchecked(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    claim: IdempotencyClaim | undefined,
  ): AppendResult & { replayed: boolean } {
    const firstUse = claim ? this.statements.keyUse.get(claim.key) : undefined;
    if (claim && firstUse && firstUse.fingerprint !== claim.fingerprint) {
      throw new IdempotencyKeyReusedError(claim.key, firstUse.command);
    }
    const softDeleted = this.deletions.beforeAppend(stream, expected);
    const ids = events.map((event) => event.id.toLowerCase());
    const replay = this.findReplay(stream, ids, expected);
    if (replay) return { ...replay, replayed: true };

    // Remembered revisions are physical ones, except a soft-deleted stream's (a read of it remembers none).
    const remembered = softDeleted ? undefined : this.knownRevisions.get(stream);
    const actual = remembered ?? this.physicalRevision(stream);
    if (!acceptsWrite(expected, actual, softDeleted)) {
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    const recordedAt = this.now().toISOString();
    let position = 0;
    events.forEach((event, i) => {
      const metadata: EventMetadata = withChanges(event.metadata, { recordedAt });
      position = Number(this.insertEvent(stream, actual + 1 + i, ids[i], event, metadata).lastInsertRowid);
    });
    // Every write that cannot fail comes after the inserts that can (see appendBatch).
    if (softDeleted) this.deletions.recreated(stream);
    if (claim && !firstUse) {
      this.statements.claimKey.run(claim.key, claim.fingerprint, claim.command, position);
    }
    // For the next append to the stream in this transaction; forgotten if the transaction fails.
    this.remember(stream, actual + events.length);
    return { nextRevision: actual + events.length, position, replayed: false };
  }

  /** One row; an id already used by an event of another stream is refused by the unique index. */
  private insertEvent(
    stream: string,
    revision: number,
    id: string,
    event: NewEvent,
    metadata: EventMetadata,
  ): Database.RunResult {
    try {
      return this.statements.insert.run({
        stream,
        revision,
        id,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(metadata),
        occurredAt: event.metadata.occurredAt,
        recordedAt: metadata.recordedAt,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.event_id/.test((error as Error).message)) {
        throw new IdempotencyConflictError(stream, [id], 'an event of another stream already has this id');
      }
      throw error;
    }
  }

  /**
   * A retry of an append that already happened returns the original result.
   * It must be the same ids, in the same order, at the same place; any other
   * overlap with stored ids is refused rather than half-applied.
   */
  private findReplay(
    stream: string,
    ids: readonly string[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const first = this.statements.byEventId.get(stream, ids[0]);
    if (!first) {
      const stored = ids.slice(1).filter((id) => this.statements.byEventId.get(stream, id));
      if (stored.length > 0) {
        throw new IdempotencyConflictError(stream, stored, 'already appended as part of another batch');
      }
      return undefined;
    }
    let position = first.position;
    for (let i = 1; i < ids.length; i++) {
      const row = this.statements.atRevision.get(stream, first.revision + i);
      if (row?.event_id !== ids[i]) {
        throw new IdempotencyConflictError(stream, ids, 'the batch differs from the one first appended');
      }
      position = row.position;
    }
    if (typeof expected === 'number' && expected !== first.revision - 1) {
      throw new IdempotencyConflictError(
        stream,
        ids,
        `first appended after revision ${first.revision - 1}, retried after revision ${expected}`,
      );
    }
    return { nextRevision: first.revision + ids.length - 1, position };
  }

  /**
   * A governed change of one stored event (redaction): its data is rewritten
   * in place and `audit` appended to a new stream in the same transaction, so
   * neither happens without the other. `rewrite` sees the stored event and
   * returns its new data, or throws to change nothing. The only write that
   * touches an existing event; see docs/governance/erasure-and-redaction.md.
   */
  async rewriteEvent(
    stream: string,
    eventId: string,
    rewrite: (event: RecordedEvent) => {
      data: unknown;
      audit: { stream: string; events: readonly NewEvent[] };
    },
  ): Promise<AppendResult> {
    if (this.closed) throw new EventStoreUnavailableError('The SQLite event store is not open');
    this.commitPending();
    const find = this.db.prepare<[string, string], EventRow>(
      `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE stream_id = ? AND event_id = ?`,
    );
    const update = this.db.prepare<[string, number]>('UPDATE events SET data = ? WHERE position = ?');
    const inTransaction = this.db.transaction(() => {
      this.otherWriterCommitted();
      const row = find.get(stream, eventId.toLowerCase());
      if (!row) return undefined;
      const { data, audit } = rewrite(toRecordedEvent(row));
      update.run(JSON.stringify(data), row.position);
      return this.appendUnchecked(audit.stream, audit.events, 'no_stream', undefined);
    });
    let result: ReturnType<typeof inTransaction>;
    try {
      result = inTransaction.immediate();
    } catch (error) {
      // Nothing was written: what the append remembered is not so.
      this.knownRevisions.clear();
      throw error;
    }
    if (!result) throw new EventNotFoundError(stream, eventId);
    this.checkpointer?.written();
    this.appended.emit('appended', result.position);
    return { nextRevision: result.nextRevision, position: result.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadable(options);
    const maxCount = options.maxCount ?? MAX_COUNT;
    if (options.direction === 'backwards') {
      const { hiddenThrough } = this.deletions.forRead(stream);
      // The hidden revisions are the lowest: cutting them after the LIMIT loses nothing visible.
      return this.statements.backwards
        .all(stream, options.fromRevision ?? MAX_COUNT, maxCount)
        .filter((row) => row.revision > hiddenThrough)
        .map(toRecordedEvent);
    }
    const from = options.fromRevision ?? 0;
    // Only streams this connection saw alive are remembered (a delete here forgets the stream).
    const known = this.knownRevision(stream);
    if (known !== undefined && from > known) return [];
    const { hiddenThrough } = this.deletions.forRead(stream);
    const rows = this.statements.forwards.all(stream, Math.max(from, hiddenThrough + 1), maxCount);
    // A read that stopped short of maxCount reached the end of the stream (from 0: or found none).
    if (rows.length < maxCount) {
      if (rows.length > 0) this.remember(stream, rows[rows.length - 1].revision);
      else if (from === 0) this.remember(stream, NO_STREAM_REVISION);
    }
    return rows.map(toRecordedEvent);
  }

  /**
   * data_version is asked once per turn of the event loop: another process's
   * commit in the same turn is seen at the next one, as if this read had come
   * a moment earlier (a command decided on it fails its expected revision and
   * decides again).
   */
  private knownRevision(stream: string): number | undefined {
    if (this.dataVersionCheck.take() && this.otherWriterCommitted()) return undefined;
    return this.knownRevisions.get(stream);
  }

  /**
   * Whether another connection has committed since this one last asked; if
   * so, what this connection remembers of streams and deletions is
   * forgotten. Asked at the start of every write transaction, where no one
   * else can commit until it ends, so its appends rely on what it remembers.
   */
  private otherWriterCommitted(): boolean {
    const version = this.statements.dataVersion.get() as number;
    if (version === this.dataVersion) return false;
    this.knownRevisions.clear();
    this.deletions.forget();
    this.dataVersion = version;
    return true;
  }

  private remember(stream: string, revision: number): void {
    if (this.knownRevisions.size >= KNOWN_STREAMS) this.knownRevisions.clear();
    this.knownRevisions.set(stream, revision);
  }

  async streamRevision(stream: string): Promise<number> {
    return this.deletions.forRead(stream).softDeleted ? NO_STREAM_REVISION : this.physicalRevision(stream);
  }

  /** The last revision written, whether a delete hides it or not. */
  private physicalRevision(stream: string): number {
    return this.statements.revision.get(stream)?.revision ?? NO_STREAM_REVISION;
  }

  async idempotencyKeyUse(key: string): Promise<IdempotencyKeyUse | undefined> {
    return this.statements.keyUse.get(key);
  }

  async idempotencyKeyUses(keys: readonly string[]): Promise<Map<string, IdempotencyKeyUse>> {
    const uses = new Map<string, IdempotencyKeyUse>();
    // One statement for the lot, the keys as a JSON array, so any number of them binds as one value.
    for (const { key, fingerprint, command } of this.statements.keyUses.all(JSON.stringify(keys)))
      uses.set(key, { fingerprint, command });
    return uses;
  }

  async deleteStream(stream: string, options: DeleteStreamOptions = {}): Promise<void> {
    this.deleteNow(stream, options, false);
  }

  async tombstoneStream(stream: string, options: DeleteStreamOptions = {}): Promise<void> {
    this.deleteNow(stream, options, true);
  }

  /** After the appends already asked for, so the store sees writes in the order they were made. */
  private deleteNow(stream: string, options: DeleteStreamOptions, tombstone: boolean): void {
    assertWritableName(stream);
    if (this.closed) throw new EventStoreUnavailableError('The SQLite event store is not open');
    this.commitPending();
    this.deleteInTransaction.immediate(stream, options.expectedRevision ?? 'any', tombstone);
    this.checkpointer?.written();
    this.knownRevisions.delete(stream);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadable(options);
    return this.readAllRows(options).map(toRecordedEvent);
  }

  /**
   * SQLite writes each event's JSON text itself, from the stored text: one
   * string per event instead of seven halves the cost of a page.
   */
  async readAllSerialized(options: ReadAllOptions = {}): Promise<SerializedEvent[]> {
    assertReadable(options);
    return this.pageOf<SerializedEvent>(SERIALIZED_COLUMNS, options);
  }

  /** Raw rows of $all, for callers (subscriptions, exports) that page through it. */
  readAllRows(options: ReadAllOptions): EventRow[] {
    return this.pageOf<EventRow>(EVENT_ROW_COLUMNS, options);
  }

  private pageOf<Row>(columns: string, options: ReadAllOptions): Row[] {
    const bounds = timeBoundsClause(options);
    return this.allQuery<Row>(
      columns,
      options.filter,
      bounds,
    )({
      ...bounds.params,
      from: options.fromPosition ?? 0,
      to: options.toPosition ?? MAX_COUNT,
      limit: options.maxCount ?? MAX_COUNT,
    });
  }

  private readonly allQueries = new Map<string, (params: Record<string, unknown>) => unknown[]>();

  private allQuery<Row>(
    columns: string,
    filter: EventFilter | undefined,
    bounds: { sql: string; key: string },
  ): (params: Record<string, unknown>) => Row[] {
    const key = `${columns}\n${JSON.stringify(filter ?? {})}\n${bounds.key}`;
    let query = this.allQueries.get(key);
    if (!query) {
      const { sql, params } = filterClause(filter);
      const statement = this.db.prepare<Record<string, unknown>, Row>(
        `SELECT ${columns} FROM events WHERE position >= @from AND position <= @to AND ${sql}
         AND ${bounds.sql} ORDER BY position ASC LIMIT @limit`,
      );
      query = (values) => statement.all({ ...params, ...values });
      if (this.allQueries.size < 100) this.allQueries.set(key, query);
    }
    return query as (params: Record<string, unknown>) => Row[];
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new SqliteAllSubscription(this, this.appended, {
      fromPosition: options.fromPosition ?? 0,
      filter: options.filter,
      batchSize: this.options.batchSize ?? 1000,
      pollIntervalMs: this.options.pollIntervalMs ?? 50,
      wakeDelayMs: this.options.wakeDelayMs ?? 5,
      onClose: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.headPositionSync();
  }

  headPositionSync(): number {
    return this.statements.head.get()?.head ?? 0;
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      throw new EventStoreUnavailableError('The SQLite event store is not open', { cause: error });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.commitPending();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.checkpointer?.stop();
    this.db.close();
  }
}
