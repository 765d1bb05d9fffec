import { v5 as uuidv5 } from 'uuid';
import { derivedEventId, findRetried } from '../../src/commands/event-ids';
import type { KnownEvent } from '../../src/commands/stream-state-cache';
import { IdempotencyKeyReusedError } from '../../src/event-store/errors';

const STREAM = 'measure-1';
const request = { command: 'RecordMeasurement', streamId: STREAM, key: 'k-1', requestHash: 'h-1' };

function stream(...events: Array<[id: string, requestHash: string, causationId: string]>) {
  const known = new Map<string, KnownEvent>();
  events.forEach(([id, requestHash, causationId], revision) =>
    known.set(id, { id, revision, position: 100 + revision, requestHash, causationId }),
  );
  return known;
}
const other = (n: number): [string, string, string] => [`other-${n}`, 'h-other', `c-${n}`];
const ours = (
  i: number,
  id = derivedEventId('RecordMeasurement', STREAM, 'k-1', i),
): [string, string, string] => [id, 'h-1', 'k-1'];

describe('finding the events a keyed request already wrote', () => {
  it('finds nothing for a request not yet written', () => {
    expect(findRetried(stream(other(0), other(1)), request)).toBeUndefined();
  });

  it('finds every event of a request, and only those, wherever it stands in the stream', () => {
    const known = stream(other(0), ours(0), ours(1), ours(2), other(4));
    expect(findRetried(known, request)).toEqual({
      revision: 3,
      position: 103,
      eventIds: [1, 2, 3].map((i) => [...known.values()][i].id),
    });
  });

  it('finds the events of a request written when ids did not name the stream', () => {
    const earlier = (i: number) =>
      uuidv5(`RecordMeasurement\nk-1\n${i}`, '3f6c1d0e-6a57-4d8e-9b1f-2c1e5f0a9d47');
    const known = stream(ours(0, earlier(0)), ours(1, earlier(1)), other(2));
    expect(findRetried(known, request)).toEqual({
      revision: 1,
      position: 101,
      eventIds: [earlier(0), earlier(1)],
    });
  });

  it('refuses the same key with another request', () => {
    expect(() => findRetried(stream(ours(0)), { ...request, requestHash: 'h-2' })).toThrow(
      IdempotencyKeyReusedError,
    );
  });
});
