import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { derivedEventId, findRetried } from '../../src/commands/event-ids';
import { KnownEventIds } from '../../src/commands/known-event-ids';
import { IdempotencyKeyReusedError } from '../../src/event-store/errors';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';

const STREAM = 'measure-1';
const request = { command: 'RecordMeasurement', streamId: STREAM, key: 'k-1', requestHash: 'h-1' };

type Written = [id: string, requestHash: string, causationId: string];
const other = (): Written => [randomUUID(), 'h-other', randomUUID()];
const ours = (i: number, id = derivedEventId('RecordMeasurement', STREAM, 'k-1', i)): Written => [
  id,
  'h-1',
  'k-1',
];

/**
 * Two keys whose first derived ids KnownEventIds cannot tell apart (it keeps
 * 30 bits of a hash: a birthday search over a few ten thousand keys).
 */
function collidingKeys(): [string, string] {
  const seen = new KnownEventIds();
  for (let i = 0; ; i++) {
    const [match] = seen.revisionsOf(derivedEventId('RecordMeasurement', STREAM, `k-${i}`, 0));
    if (match !== undefined) return [`k-${match}`, `k-${i}`];
    seen.add(derivedEventId('RecordMeasurement', STREAM, `k-${i}`, 0), i);
  }
}

/** findRetried on the embedded store: the known ids say where to look, the stored events decide. */
describe('finding the events a keyed request already wrote [sqlite: embedded store in memory]', () => {
  let store: SqliteEventStore;
  let known: KnownEventIds;
  let reads: number;

  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:' });
    known = new KnownEventIds();
    reads = 0;
  });
  afterEach(() => store.close());

  /** Appends one event per entry, each its own append, and records where each id is. */
  async function stream(...events: Written[]): Promise<void> {
    for (const [id, requestHash, causationId] of events) {
      const event = newEvent('MeasurementRecorded');
      const metadata = { ...event.metadata, causationId, requestHash };
      const { nextRevision } = await store.appendToStream(STREAM, [{ ...event, id, metadata }]);
      known.add(id, nextRevision);
    }
  }
  const find = (req = request) =>
    findRetried(known, req, (fromRevision, count) => {
      reads++;
      return store.readStream(STREAM, { fromRevision, maxCount: count });
    });
  const positionOf = async (revision: number) =>
    (await store.readStream(STREAM, { fromRevision: revision, maxCount: 1 }))[0].position;

  it('finds nothing for a request not yet written, and reads nothing to say so', async () => {
    await stream(other(), other());
    expect(await find()).toBeUndefined();
    expect(reads).toBe(0);
  });

  it('finds every event of a request, and only those, wherever it stands in the stream', async () => {
    const written = [other(), ours(0), ours(1), ours(2), other()];
    await stream(...written);
    expect(await find()).toEqual({
      revision: 3,
      position: await positionOf(3),
      eventIds: [1, 2, 3].map((i) => written[i][0]),
    });
  });

  it('follows a request of more events than one read returns', async () => {
    const written = Array.from({ length: 40 }, (_, i) => ours(i));
    await stream(other(), ...written, other());
    const found = await find();
    expect(found?.eventIds).toEqual(written.map(([id]) => id));
    expect(found?.revision).toBe(40);
  });

  it('finds the events of a request written when ids did not name the stream', async () => {
    const earlier = (i: number) =>
      uuidv5(`RecordMeasurement\nk-1\n${i}`, '3f6c1d0e-6a57-4d8e-9b1f-2c1e5f0a9d47');
    await stream(ours(0, earlier(0)), ours(1, earlier(1)), other());
    expect(await find()).toEqual({
      revision: 1,
      position: await positionOf(1),
      eventIds: [earlier(0), earlier(1)],
    });
  });

  it('refuses the same key with another request', async () => {
    await stream(ours(0));
    await expect(find({ ...request, requestHash: 'h-2' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('checks the stored event where the known ids point, so an id that only shares a hash is not taken', async () => {
    const [a, b] = collidingKeys();
    const idOf = (key: string) => derivedEventId('RecordMeasurement', STREAM, key, 0);
    expect(idOf(a)).not.toBe(idOf(b));
    await stream([idOf(a), 'h-a', a]);
    // b's id is where a's is, as far as the hashes tell: the stored event there is not b's.
    expect(known.revisionsOf(idOf(b))).toEqual([0]);
    expect(await find({ ...request, key: b })).toBeUndefined();
    await stream(other(), [idOf(b), 'h-1', b]);
    expect(known.revisionsOf(idOf(b))).toEqual([0, 2]);
    expect(await find({ ...request, key: b })).toEqual({
      revision: 2,
      position: await positionOf(2),
      eventIds: [idOf(b)],
    });
  });
});

describe('KnownEventIds', () => {
  it('keeps each revision an id was seen at once, whatever its case', () => {
    const ids = new KnownEventIds();
    const id = randomUUID();
    ids.add(id, 3);
    ids.add(id.toUpperCase(), 3);
    expect(ids.revisionsOf(id)).toEqual([3]);
    expect(ids.revisionsOf(randomUUID())).toEqual([]);
  });
});
