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
  | { kind: 'success'; currentRevision: number; position: number }
  /** `currentRevision` is -1 when the stream does not exist. */
  | { kind: 'wrong-expected-version'; currentRevision: number; expected: ExpectedState }
  | { kind: 'too-large'; maxAppendSize: number }
  /** The stream was hard-deleted (tombstoned): its name can never be written again. */
  | { kind: 'stream-deleted'; stream: string };

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

/**
 * The in-memory transaction log of the double. Appends follow the server's
 * commit check (KurrentDB `IndexWriter.CheckCommit`): the expected-version
 * rules, "strong" idempotency when the expected revision is behind the
 * stream, and "weak" idempotency by recently written event ids for `any` and
 * `stream_exists`. Like the server, an exact expected revision that equals the
 * stream's revision appends, even if those ids were written earlier.
 */
export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** The server's committed-events cache; the double never evicts. */
  private readonly byEventId = new Map<string, StoredEvent>();
  private endOfLog = 0;
  /** Hard-deleted streams: reads and writes of them fail with `stream-deleted`, as on the server. */
  private readonly tombstoned = new Set<string>();
  readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(private readonly now: () => number = Date.now) {
    // A real log starts with an epoch record and system events: no user event is ever at 0.
    this.endOfLog = 4096;
    for (const [stream, type, data] of SYSTEM_EVENTS) {
      this.write(stream, [json(type, data)], this.revisionOf(stream));
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
    if (this.tombstoned.has(stream)) return { kind: 'stream-deleted', stream };
    const size = proposed.reduce(
      (sum, e) => sum + e.data.length + e.customMetadata.length + e.type.length * 2,
      0,
    );
    if (size > MAX_APPEND_SIZE) return { kind: 'too-large', maxAppendSize: MAX_APPEND_SIZE };

    const current = this.revisionOf(stream);
    const conflict: AppendOutcome = { kind: 'wrong-expected-version', currentRevision: current, expected };
    if (expected.kind === 'stream_exists' && current < 0) return conflict;
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      const found = proposed.map((e) => this.byEventId.get(e.id));
      if (found[0]?.stream !== stream) return this.write(stream, proposed, current);
      if (found.some((e) => e?.stream !== stream)) return conflict;
      return this.replay(found[found.length - 1] as StoredEvent);
    }
    const at = expected.kind === 'no_stream' ? -1 : expected.revision;
    if (at > current) return conflict;
    if (at === current) return this.write(stream, proposed, current);
    const events = this.streams.get(stream) ?? [];
    for (let i = 0; i < proposed.length; i++) {
      if (events[at + 1 + i]?.id !== proposed[i].id) return conflict;
    }
    return this.replay(events[at + proposed.length]);
  }

  isTombstoned(stream: string): boolean {
    return this.tombstoned.has(stream);
  }

  /**
   * A hard delete. Like the server, the stream's events stay in the log (and
   * in $all reads) until a scavenge; the stream itself reads as deleted at once.
   */
  tombstone(stream: string, expected: ExpectedState): AppendOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream-deleted', stream };
    const current = this.revisionOf(stream);
    const fits =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current < 0) ||
      (expected.kind === 'stream_exists' && current >= 0) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!fits) return { kind: 'wrong-expected-version', currentRevision: current, expected };
    this.tombstoned.add(stream);
    return { kind: 'success', currentRevision: current, position: this.endOfLog };
  }

  /**
   * The stream's `$tb` (truncate before) from the last event of its metadata
   * stream `$$<stream>`, which the client's setStreamMetadata writes: stream
   * reads skip earlier revisions at once, $all reads until a scavenge.
   */
  truncateBefore(stream: string): number {
    const metadata = this.streams.get(`$$${stream}`);
    if (!metadata?.length) return 0;
    try {
      const text = Buffer.from(metadata[metadata.length - 1].data).toString('utf8');
      const tb = (JSON.parse(text) as { $tb?: unknown }).$tb;
      return typeof tb === 'number' ? tb : 0;
    } catch {
      return 0;
    }
  }

  /**
   * What a scavenge reclaims: every record of a tombstoned stream, and of a
   * stream below its `$tb`, leaves the log. A truncated stream keeps empty
   * slots for them, so its revisions still index its array (no read shows them).
   */
  scavenge(): number {
    const gone = (event: StoredEvent): boolean =>
      this.tombstoned.has(event.stream) || event.revision < this.truncateBefore(event.stream);
    const before = this.all.length;
    const kept = this.all.filter((event) => !gone(event));
    this.all.splice(0, this.all.length, ...kept);
    for (const stream of this.tombstoned) this.streams.delete(stream);
    for (const events of this.streams.values()) {
      for (const event of events) {
        if (gone(event)) Object.assign(event, { data: new Uint8Array(), customMetadata: new Uint8Array() });
      }
    }
    for (const [id, event] of this.byEventId) if (gone(event)) this.byEventId.delete(id);
    return before - this.all.length;
  }

  private replay(last: StoredEvent): AppendOutcome {
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  private write(stream: string, proposed: readonly ProposedEvent[], current: number): AppendOutcome {
    const events = this.streams.get(stream) ?? [];
    this.streams.set(stream, events);
    const created = BigInt(this.now()) * TICKS_PER_MS;
    const written = proposed.map((e, i): StoredEvent => {
      const stored: StoredEvent = {
        ...e,
        stream,
        revision: current + 1 + i,
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
      events.push(stored);
      this.all.push(stored);
      this.byEventId.set(stored.id, stored);
      return stored;
    });
    const last = written[written.length - 1];
    this.appended.emit('appended', written);
    return { kind: 'success', currentRevision: last.revision, position: last.position };
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
