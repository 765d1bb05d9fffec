import { IdempotencyKeyReusedError } from '../event-store/errors';
import { uuidV5 } from '../shared/uuid-v5';
import type { RecordedEvent } from '../event-store/recorded-event';
import type { KnownEventIds } from './known-event-ids';

/** Namespace for event ids derived from idempotency keys (a fixed, random UUID). */
const EVENT_ID_NAMESPACE = '3f6c1d0e-6a57-4d8e-9b1f-2c1e5f0a9d47';

/**
 * A command derives its first event's id when it looks for an earlier try
 * and again when it writes: the ids derived lately, so each is hashed once.
 */
const recentIds = new Map<string, string>();
const RECENT_IDS = 4_096;

/**
 * The id of the i-th event a keyed command writes. The target stream is part
 * of it, so one key can never give two streams an event with the same id;
 * within a stream the store refuses an id twice.
 */
export function derivedEventId(command: string, streamId: string, key: string, index: number): string {
  const name = `${command}\n${streamId}\n${key}\n${index}`;
  let id = recentIds.get(name);
  if (id === undefined) {
    if (recentIds.size >= RECENT_IDS) recentIds.clear();
    id = uuidV5(name, EVENT_ID_NAMESPACE);
    recentIds.set(name, id);
  }
  return id;
}

/** How ids were derived before the stream was part of them: a retry of such a request still finds its events. */
function earlierEventId(command: string, key: string, index: number): string {
  return uuidV5(`${command}\n${key}\n${index}`, EVENT_ID_NAMESPACE);
}

export interface KeyedRequest {
  command: string;
  streamId: string;
  key: string;
  requestHash: string;
}

export interface RetriedResult {
  revision: number;
  position: number;
  eventIds: string[];
}

/** A stream's stored events from a revision on, at most `count` (the store's readStream). */
export type ReadEvents = (fromRevision: number, count: number) => Promise<RecordedEvent[]>;

/** Events read at first while following a request's events (most write one: it and the next), then at a time. */
const FIRST_PAGE = 2;
const PAGE = 16;

/**
 * The events an earlier request with this key wrote to the stream, if any:
 * its first event by id, then every later event of the same request. The
 * known ids only say where an id may be; the stored events there are read
 * and checked, so only a retry pays a read. The same key with another body
 * on this stream is refused.
 */
export async function findRetried(
  known: KnownEventIds,
  request: KeyedRequest,
  read: ReadEvents,
): Promise<RetriedResult | undefined> {
  const { command, streamId, key, requestHash } = request;
  // Ids as derived now, else as derived before the stream was part of them.
  const derivations = [
    (i: number) => derivedEventId(command, streamId, key, i),
    (i: number) => earlierEventId(command, key, i),
  ];
  for (const derive of derivations) {
    const first = derive(0);
    for (const revision of known.revisionsOf(first)) {
      const written = await following(read, revision, derive);
      if (written.length === 0) continue;
      if (written[0].metadata.requestHash !== requestHash) {
        throw new IdempotencyKeyReusedError(key, command);
      }
      const last = written[written.length - 1];
      return { revision: last.revision, position: last.position, eventIds: written.map((event) => event.id) };
    }
  }
  return undefined;
}

/** The stored events from `revision` on that are the request's, in order: none if the first is not. */
async function following(
  read: ReadEvents,
  revision: number,
  derive: (i: number) => string,
): Promise<RecordedEvent[]> {
  const written: RecordedEvent[] = [];
  for (let from = revision, count = FIRST_PAGE; ; from += count, count = PAGE) {
    const page = await read(from, count);
    for (const event of page) {
      const first = written[0];
      const ours =
        event.id.toLowerCase() === derive(written.length) &&
        (!first ||
          (event.metadata.requestHash === first.metadata.requestHash &&
            event.metadata.causationId === first.metadata.causationId));
      if (!ours) return written;
      written.push(event);
    }
    if (page.length < count) return written;
  }
}
