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
 * Revisions. The port's -1 for "no stream" is the client's `no_stream`, which
 * the client also reports as the string "no_stream" (never a number) in
 * WrongExpectedVersionError.actualVersion.
 */
import { ANY, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import type { AppendExpectedRevision, Position } from '@eventstore/db-client';
import { ExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';

/** The server's encoding of "none" (-1 as a uint64); never a real position. */
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
