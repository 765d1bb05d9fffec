import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** One event as the double keeps it: what the server would hold in a prepare record. */
export interface StoredEvent {
  id: string;
  stream: string;
  revision: number;
  /** Byte offset of the record in the log; commit == prepare, as for every gRPC write. */
  position: number;
  /** Record length, so the next record starts at position + size, as in a real transaction file. */
  size: number;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server puts in `created`. */
  created: bigint;
  /** A tombstone record: the server writes it at revision 2^63 - 1 (EventNumber.DeletedStream). */
  tombstone?: true;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

export type AppendOutcome =
  /** `replayed`: the ids were already written there (an idempotent retry); nothing was written. */
  | { kind: 'success'; currentRevision: number; position: number; replayed: boolean }
  /** `currentRevision` is -1 when the stream does not exist. */
  | { kind: 'wrong-expected-version'; currentRevision: number; expected: ExpectedState }
  | { kind: 'too-large'; maxAppendSize: number }
  | { kind: 'stream-deleted' };

export type DeleteOutcome = Exclude<AppendOutcome, { kind: 'too-large' }>;

/** What a stream read finds: events from the first visible revision on, nothing, or a tombstone. */
export type StreamLookup =
  { kind: 'found'; events: readonly StoredEvent[] } | { kind: 'not-found' } | { kind: 'deleted' };

/** EventNumber.DeletedStream: a tombstone's revision, and a soft delete's truncate-before. */
export const DELETED_STREAM = '9223372036854775807';

/** The default of EventStoreDB up to 25.0 (25.1 raised it to a chunk, 256 MiB). */
export const MAX_APPEND_SIZE = 1024 * 1024;
const RECORD_HEADER_BYTES = 81;
const TICKS_PER_MS = 10_000n;

const SYSTEM_EVENTS: Array<[stream: string, type: string, data: unknown]> = [
  ['$$$settings', '$metadata', { $acl: { $r: '$admins' } }],
  ['$settings', '$settings', { $userStreamAcl: { $r: '$all' } }],
  ['$users', '$UserCreated', { loginName: 'admin' }],
  ['$user-admin', '$user', { loginName: 'admin', fullName: 'Event Store Administrator' }],
  ['$scavenges', '$scavengeIndexInitialized', {}],
];

/** A deleted stream: soft-deleted (`$tb` = DeletedStream), recreated (`$tb` = its first new revision), or tombstoned. */
type Deletion = { truncateBefore: number | 'deleted' } | 'tombstoned';

/**
 * The in-memory transaction log of the double. Appends follow the server's
 * commit check (KurrentDB `IndexWriter.CheckCommit`): deleted streams, the
 * expected-version rules, "strong" idempotency when the expected revision is
 * behind the stream, and "weak" idempotency by recently written event ids for
 * `any` and `stream_exists`. Like the server, an exact expected revision that
 * equals the stream's revision appends, even if those ids were written earlier.
 *
 * Deletes write what the server writes: a soft delete sets the stream's
 * metadata (`$$stream`) to `{"$tb": DeletedStream}`, and the append that
 * recreates it sets `$tb` to its first new revision; a tombstone is a
 * `$streamDeleted` record in the stream at revision DeletedStream. The
 * stream's events stay in $all (no scavenge here).
 */
export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** The server's committed-events cache; the double never evicts. */
  private readonly byEventId = new Map<string, StoredEvent>();
  private readonly deletions = new Map<string, Deletion>();
  private endOfLog = 0;
  readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(private readonly now: () => number = Date.now) {
    // A real log starts with an epoch record and system events: no user event is ever at 0.
    this.endOfLog = 4096;
    for (const [stream, type, data] of SYSTEM_EVENTS) {
      this.write(stream, [json(type, data)]);
    }
  }

  get events(): readonly StoredEvent[] {
    return this.all;
  }

  /** Where the next record would be written: the post-position of the last one. */
  get end(): number {
    return this.endOfLog;
  }

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** A stream as a read sees it, deletions applied (KurrentDB IndexReader). */
  lookup(name: string): StreamLookup {
    const deletion = this.deletions.get(name);
    if (deletion === 'tombstoned') return { kind: 'deleted' };
    const from = deletion === undefined ? 0 : deletion.truncateBefore;
    const visible = from === 'deleted' ? [] : (this.streams.get(name)?.slice(from) ?? []);
    return visible.length > 0 ? { kind: 'found', events: visible } : { kind: 'not-found' };
  }

  /** The last revision written, whether a delete hides it or not; -1 for none. */
  revisionOf(stream: string): number {
    return (this.streams.get(stream)?.length ?? 0) - 1;
  }

  /** Index in `events` of the first event at or after `position`. */
  indexFrom(position: number): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.all[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** A position the server can start reading at: 0, a record's start, or the end of the log and beyond. */
  isReadablePosition(position: number): boolean {
    if (position === 0 || position >= this.endOfLog) return true;
    const index = this.indexFrom(position);
    return index < this.all.length && this.all[index].position === position;
  }

  append(stream: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const size = proposed.reduce(
      (sum, e) => sum + e.data.length + e.customMetadata.length + e.type.length * 2,
      0,
    );
    if (size > MAX_APPEND_SIZE) return { kind: 'too-large', maxAppendSize: MAX_APPEND_SIZE };
    const check = this.checkCommit(stream, expected, proposed);
    if (check !== 'ok') return check;
    // An append of no events that meets its expected state succeeds and adds no event to the stream.
    if (proposed.length === 0) return this.unchanged(stream);
    const softDeleted = this.isSoftDeleted(stream);
    const first = this.revisionOf(stream) + 1;
    const written = this.write(stream, proposed);
    // As the server's SoftUndeleteStream: the metadata record comes after the events.
    if (softDeleted) this.setTruncateBefore(stream, first);
    if (stream.startsWith('$$')) this.applyMetadata(stream.slice(2), proposed[proposed.length - 1]);
    return written;
  }

  isTombstoned(stream: string): boolean {
    return this.deletions.get(stream) === 'tombstoned';
  }

  /** The first revision stream reads show (a stream's `$tb`); 0 when nothing is hidden. */
  truncateBefore(stream: string): number {
    const deletion = this.deletions.get(stream);
    if (deletion === undefined || deletion === 'tombstoned') return 0;
    return deletion.truncateBefore === 'deleted' ? Number(DELETED_STREAM) : deletion.truncateBefore;
  }

  /** A client's setStreamMetadata: its `$tb` hides earlier revisions from stream reads at once. */
  private applyMetadata(stream: string, metadata: ProposedEvent): void {
    if (this.deletions.get(stream) === 'tombstoned') return;
    let tb: unknown;
    try {
      tb = (JSON.parse(Buffer.from(metadata.data).toString('utf8')) as { $tb?: unknown }).$tb;
    } catch {
      return;
    }
    if (typeof tb === 'number' && tb > 0) this.deletions.set(stream, { truncateBefore: tb });
  }

  /**
   * What a scavenge reclaims: every record of a tombstoned stream but its
   * tombstone, and every record of a stream below its `$tb`, leaves the log
   * and $all reads. A truncated stream keeps empty slots for them, so its
   * revisions still index its list (no read shows them). Returns how many went.
   */
  scavenge(): number {
    const gone = (event: StoredEvent): boolean => {
      if (event.tombstone) return false;
      const deletion = this.deletions.get(event.stream);
      if (deletion === undefined) return false;
      if (deletion === 'tombstoned') return true;
      return deletion.truncateBefore === 'deleted' || event.revision < deletion.truncateBefore;
    };
    const before = this.all.length;
    const kept = this.all.filter((event) => !gone(event));
    this.all.splice(0, this.all.length, ...kept);
    for (const events of this.streams.values()) {
      for (const event of events) {
        if (gone(event)) Object.assign(event, { data: new Uint8Array(), customMetadata: new Uint8Array() });
      }
    }
    for (const [id, event] of this.byEventId) if (gone(event)) this.byEventId.delete(id);
    return before - this.all.length;
  }

  /** Soft delete or tombstone, after the commit check an append gets (StorageWriterService WriteDelete). */
  delete(stream: string, expected: ExpectedState, hard: boolean): DeleteOutcome {
    const current = this.revisionOf(stream);
    // The server checks a delete as a write of one new event.
    const check = this.checkCommit(stream, expected, [json('$delete', {})]);
    if (check !== 'ok') return check;
    if (hard) {
      const position = this.writeTombstone(stream);
      return { kind: 'success', currentRevision: current, position, replayed: false };
    }
    if (current < 0 && this.revisionOf(`$$${stream}`) < 0) {
      return { kind: 'wrong-expected-version', currentRevision: -1, expected };
    }
    const position = this.setTruncateBefore(stream, 'deleted');
    return { kind: 'success', currentRevision: current, position, replayed: false };
  }

  private isSoftDeleted(stream: string): boolean {
    const deletion = this.deletions.get(stream);
    return deletion !== undefined && deletion !== 'tombstoned' && deletion.truncateBefore === 'deleted';
  }

  /** KurrentDB IndexWriter.CheckCommit, in its order; 'ok' means write. */
  private checkCommit(
    stream: string,
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): DeleteOutcome | 'ok' {
    if (this.deletions.get(stream) === 'tombstoned') return { kind: 'stream-deleted' };
    const current = this.revisionOf(stream);
    const softDeleted = this.isSoftDeleted(stream);
    const conflict = { kind: 'wrong-expected-version', currentRevision: current, expected } as const;
    if (expected.kind === 'stream_exists') {
      if (softDeleted) return { kind: 'stream-deleted' };
      if (current < 0 && this.revisionOf(`$$${stream}`) < 0) return conflict;
    }
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      const found = proposed.map((e) => this.byEventId.get(e.id));
      if (found[0]?.stream !== stream) return 'ok';
      if (found.some((e) => e?.stream !== stream)) return conflict;
      return this.replay(found[found.length - 1] as StoredEvent);
    }
    const at = expected.kind === 'no_stream' ? -1 : expected.revision;
    if (at > current) return conflict;
    if (at === current) return 'ok';
    const events = this.streams.get(stream) ?? [];
    for (let i = 0; i < proposed.length; i++) {
      if (events[at + 1 + i]?.id === proposed[i].id) continue;
      // "No stream" recreates a soft-deleted stream, however far its revisions went.
      return i === 0 && expected.kind === 'no_stream' && softDeleted ? 'ok' : conflict;
    }
    return this.replay(events[at + proposed.length]);
  }

  private unchanged(stream: string): AppendOutcome {
    const last = this.streams.get(stream)?.at(-1);
    return {
      kind: 'success',
      currentRevision: this.revisionOf(stream),
      position: last?.position ?? 0,
      replayed: false,
    };
  }

  private replay(last: StoredEvent): DeleteOutcome {
    return { kind: 'success', currentRevision: last.revision, position: last.position, replayed: true };
  }

  /** Writes `{"$tb": …}` to the stream's metadata stream; returns the record's position. */
  private setTruncateBefore(stream: string, truncateBefore: number | 'deleted'): number {
    const position = this.endOfLog;
    const tb = truncateBefore === 'deleted' ? DELETED_STREAM : String(truncateBefore);
    this.write(`$$${stream}`, [{ ...json('$metadata', {}), data: Buffer.from(`{"$tb":${tb}}`) }]);
    this.deletions.set(stream, { truncateBefore });
    return position;
  }

  /** The tombstone is a record of the stream in $all, outside its list of events (its revision is DeletedStream). */
  private writeTombstone(stream: string): number {
    const [stored] = this.record(stream, [json('$streamDeleted', {})], Number.MAX_SAFE_INTEGER);
    stored.tombstone = true;
    this.all.push(stored);
    this.deletions.set(stream, 'tombstoned');
    this.appended.emit('appended', [stored]);
    return stored.position;
  }

  private write(stream: string, proposed: readonly ProposedEvent[]): AppendOutcome {
    const events = this.streams.get(stream) ?? [];
    this.streams.set(stream, events);
    const written = this.record(stream, proposed, events.length);
    for (const stored of written) {
      events.push(stored);
      this.all.push(stored);
      this.byEventId.set(stored.id, stored);
    }
    const last = written[written.length - 1];
    this.appended.emit('appended', written);
    return { kind: 'success', currentRevision: last.revision, position: last.position, replayed: false };
  }

  /** Lays records out at the end of the log, from revision `first`. */
  private record(stream: string, proposed: readonly ProposedEvent[], first: number): StoredEvent[] {
    const created = BigInt(this.now()) * TICKS_PER_MS;
    return proposed.map((e, i): StoredEvent => {
      const stored: StoredEvent = {
        ...e,
        stream,
        revision: first + i,
        position: this.endOfLog,
        size:
          RECORD_HEADER_BYTES +
          Buffer.byteLength(stream) +
          Buffer.byteLength(e.type) +
          e.data.length +
          e.customMetadata.length,
        created,
      };
      this.endOfLog += stored.size;
      return stored;
    });
  }
}

function json(type: string, data: unknown): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    customMetadata: new Uint8Array(),
  };
}
