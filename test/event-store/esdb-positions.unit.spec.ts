import { ANY, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { UNKNOWN_POSITION } from '../../src/event-store';
import { toRecordedEvent } from '../../src/event-store/esdb/esdb-events';
import {
  allPosition,
  comparePositions,
  isUnsetPosition,
  knownPosition,
  toAppendExpectedRevision,
  toDeleteExpectedRevision,
  toPortPosition,
  toPortRevision,
  toReadPosition,
} from '../../src/event-store/esdb/esdb-positions';

/** What servers before 22.6 put in every event of a stream read: -1 as a uint64. */
const UNSET = 2n ** 64n - 1n;
const unset = { commit: UNSET, prepare: UNSET };

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

  it("maps a delete's expected revision to what the client can send: any, no stream or a number", () => {
    expect(toDeleteExpectedRevision('any')).toBe(ANY);
    expect(toDeleteExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toDeleteExpectedRevision(-1)).toBe(NO_STREAM);
    expect(toDeleteExpectedRevision(12)).toBe(12n);
  });

  it("never turns the unset position into a number: an event's own, else its response's, else unknown", () => {
    expect(knownPosition({ commit: 4748n, prepare: 4748n }, 9000n)).toBe(4748);
    expect(knownPosition(unset, 4748n)).toBe(4748);
    expect(knownPosition(unset, UNSET)).toBeUndefined();
    expect(knownPosition(unset)).toBeUndefined();
    expect(knownPosition(undefined)).toBeUndefined();
    expect(allPosition(unset, 4748n)).toEqual({ commit: 4748n, prepare: 4748n });
    expect(allPosition(unset)).toBeUndefined();
    // A real position past 2^53 is still refused rather than rounded.
    expect(() => knownPosition({ commit: 2n ** 60n, prepare: 2n ** 60n })).toThrow(RangeError);
  });

  it('reads a stream event with the unset position as UNKNOWN_POSITION, everything else intact', () => {
    const event: EsdbRecordedEvent = {
      streamId: 'organisation-RYX',
      id: '0b7e6f9c-3a0e-4c36-9a4c-2d8b3b1f3b11',
      revision: 3n,
      type: 'OrganisationRegistered',
      data: { odsCode: 'RYX' },
      metadata: { occurredAt: '2024-01-01T00:00:00.000Z' },
      isJson: true,
      created: new Date('2024-01-02T00:00:00.000Z'),
      position: unset,
    };
    expect(toRecordedEvent(event)).toMatchObject({
      streamId: 'organisation-RYX',
      revision: 3,
      position: UNKNOWN_POSITION,
      data: { odsCode: 'RYX' },
      metadata: { recordedAt: '2024-01-02T00:00:00.000Z' },
    });
    expect(toRecordedEvent(event, 8192n)?.position).toBe(8192);
    expect(toRecordedEvent({ ...event, position: { commit: 77n, prepare: 77n } })?.position).toBe(77);
  });
});
