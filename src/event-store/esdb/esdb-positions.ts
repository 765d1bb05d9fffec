/**
 * How the port's numbers map to EventStoreDB's.
 *
 * Global position. EventStoreDB addresses $all by a pair of byte offsets in
 * its transaction log, (commit, prepare). Every write made through the gRPC
 * API (and every write this service makes) is an implicit transaction of
 * self-committed prepare records, and the server gives each of its events
 * commit == prepare == the record's own log position, distinct and strictly
 * increasing in $all order; an append's reply carries the position of its
 * last event. So the commit position alone is a total order over $all and the
 * port's single `position` is that commit position; going back, a position p
 * becomes (p, p), which is exactly where that event starts. Only explicit
 * transactions of the legacy TCP protocol put several events under one commit
 * position; nothing here writes them, and the subscription keeps the full
 * pair internally so even those would be delivered once each.
 *
 * Positions are byte offsets, so they have gaps and 0 is never an event. A
 * read may only start at 0, at an event's position or past the end of the log:
 * anywhere else the server answers "invalid position". They fit a JS number
 * exactly up to 2^53 bytes (8 PiB of log); beyond that we refuse rather than
 * round.
 *
 * Unset. The server encodes "none" as -1 read as a uint64, 2^64 - 1. Servers
 * before 22.6 send it as the position of every event of a stream read (they
 * knew positions only when reading $all), and it marks checkpoints and
 * appends without a position. It is never turned into a number: a stream
 * read's event then has the port's UNKNOWN_POSITION, an append's result is
 * looked up, an unset checkpoint is ignored, and an $all event without a
 * position is a server fault (the adapter says so rather than misplace it).
 *
 * Revisions. The port's -1 for "no stream" is the client's `no_stream`, which
 * the client also reports as the string "no_stream" (never a number) in
 * WrongExpectedVersionError.actualVersion.
 */
import { ANY, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import type {
  AppendExpectedRevision,
  ExpectedRevision as EsdbExpectedRevision,
  Position,
} from '@eventstore/db-client';
import { ExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';
import type { DeleteExpectedRevision } from '../port';

/** At and above this, a position is the server's "none" (2^64 - 1) rather than a byte offset in a log. */
const UNSET = 2n ** 63n;

export function toPortPosition(position: bigint): number {
  if (position > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB position ${position} is beyond what this service can address exactly`);
  }
  return Number(position);
}

export function isUnsetPosition(position: Position): boolean {
  return position.commit >= UNSET;
}

/** An $all event's (commit, prepare): its own, else its read response's commit position as both; undefined if neither. */
export function allPosition(own: Position | undefined, commitPosition?: bigint): Position | undefined {
  if (own && !isUnsetPosition(own)) return own;
  if (commitPosition !== undefined && commitPosition < UNSET)
    return { commit: commitPosition, prepare: commitPosition };
  return undefined;
}

/**
 * Where an event is in $all: its own position, else the commit position its
 * read response carries; undefined when the server gave neither.
 */
export function knownPosition(own: Position | undefined, commitPosition?: bigint): number | undefined {
  const at = allPosition(own, commitPosition);
  return at && toPortPosition(at.commit);
}

/** Where a read or subscription starts: 0 (or less) is the start of $all. */
export function toReadPosition(position: number | undefined): Position | typeof START {
  if (position === undefined || position <= 0) return START;
  const at = BigInt(position);
  return { commit: at, prepare: at };
}

/** (commit, prepare) order, the order of $all. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

export function toPortRevision(revision: bigint | string): number {
  if (typeof revision === 'bigint') return Number(revision);
  if (revision === NO_STREAM) return NO_STREAM_REVISION;
  // "any" or "stream_exists" are not revisions; the server never reports them as one.
  throw new TypeError(`EventStoreDB reported "${revision}" where a stream revision was expected`);
}

export function toAppendExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected === NO_STREAM_REVISION ? NO_STREAM : BigInt(expected);
  }
}

/** The 6.x client sends a delete's expected revision as any, no stream or a number (never "stream exists"). */
export function toDeleteExpectedRevision(expected: DeleteExpectedRevision): EsdbExpectedRevision {
  return toAppendExpectedRevision(expected) as EsdbExpectedRevision;
}
