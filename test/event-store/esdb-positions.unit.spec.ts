import { ANY, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import {
  comparePositions,
  isUnsetPosition,
  toAppendExpectedRevision,
  toPortPosition,
  toPortRevision,
  toReadPosition,
} from '../../src/event-store/esdb/esdb-positions';

describe('EventStoreDB position and revision mapping [esdb adapter, pure]', () => {
  it('maps the client\'s "no_stream" to -1 and bigints to numbers, and refuses anything else', () => {
    expect(toPortRevision('no_stream')).toBe(-1);
    expect(toPortRevision(0n)).toBe(0);
    expect(toPortRevision(41n)).toBe(41);
    expect(() => toPortRevision('stream_exists')).toThrow(TypeError);
  });

  it('maps every expected revision sentinel, and -1 to no_stream', () => {
    expect(toAppendExpectedRevision('any')).toBe(ANY);
    expect(toAppendExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toAppendExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toAppendExpectedRevision(-1)).toBe(NO_STREAM);
    expect(toAppendExpectedRevision(7)).toBe(7n);
  });

  it('uses the commit position as the port position, exactly or not at all', () => {
    expect(toPortPosition(4748n)).toBe(4748);
    expect(toPortPosition(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPortPosition(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(4748)).toEqual({ commit: 4748n, prepare: 4748n });
  });

  it('orders positions by commit, then prepare, and knows the server\'s "unset"', () => {
    expect(comparePositions({ commit: 5n, prepare: 1n }, { commit: 4n, prepare: 4n })).toBe(1);
    expect(comparePositions({ commit: 5n, prepare: 1n }, { commit: 5n, prepare: 3n })).toBe(-1);
    expect(comparePositions({ commit: 5n, prepare: 5n }, { commit: 5n, prepare: 5n })).toBe(0);
    expect(isUnsetPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(true);
    expect(isUnsetPosition({ commit: 4748n, prepare: 4748n })).toBe(false);
  });
});
