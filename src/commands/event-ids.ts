import { IdempotencyKeyReusedError } from '../event-store/errors';
import { uuidV5 } from '../shared/uuid-v5';
import type { KnownEvent } from './stream-state-cache';

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

/**
 * The events an earlier request with this key wrote to the stream, if any:
 * its first event by id, then every later event of the same request. The same
 * key with another body on this stream is refused.
 */
export function findRetried(
  known: ReadonlyMap<string, KnownEvent>,
  request: KeyedRequest,
): RetriedResult | undefined {
  const { command, streamId, key, requestHash } = request;
  // Ids as derived now, else as derived before the stream was part of them.
  let derive = (i: number) => derivedEventId(command, streamId, key, i);
  let first = known.get(derive(0));
  if (!first) {
    derive = (i: number) => earlierEventId(command, key, i);
    first = known.get(derive(0));
  }
  if (!first) return undefined;
  if (first.requestHash !== requestHash) {
    throw new IdempotencyKeyReusedError(key, command);
  }
  // The request's later events by their own ids: no walk over the whole stream's.
  const written = [first];
  for (let i = 1; ; i++) {
    const next = known.get(derive(i));
    if (!next || next.requestHash !== requestHash || next.causationId !== first.causationId) break;
    written.push(next);
  }
  written.sort((a, b) => a.revision - b.revision);
  const last = written[written.length - 1];
  return { revision: last.revision, position: last.position, eventIds: written.map((event) => event.id) };
}
