import { randomUUID } from 'node:crypto';
import { SubscriptionMessage, UNKNOWN_POSITION } from '../../src/event-store';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { newEvent } from '../support/new-event';

/*
 * Servers before 22.6 leave the $all position out of stream reads (every
 * event carries the unset 2^64 - 1) and answer a retried append without a
 * position. The adapter must neither fail (a RangeError was the old outcome)
 * nor invent positions: see esdb-positions.ts.
 */
describe('EventStoreDB adapter on a server before 22.6 [esdb: @eventstore/db-client → gRPC wire double, legacyPositions]', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    double = await startEsdbDouble({ legacyPositions: true });
    store = EsdbEventStore.open({ connectionString: double.connectionString });
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('reads a stream with its positions unknown, and $all, subscriptions and the head with real ones', async () => {
    const s = `legacy-${randomUUID()}`;
    const written = await store.appendToStream(s, [newEvent('Zero', { n: 0 }), newEvent('One', { n: 1 })]);
    const read = await store.readStream(s);
    expect(read.map((e) => [e.type, e.revision, e.position, e.data])).toEqual([
      ['Zero', 0, UNKNOWN_POSITION, { n: 0 }],
      ['One', 1, UNKNOWN_POSITION, { n: 1 }],
    ]);
    expect(await store.streamRevision(s)).toBe(1);
    const all = await store.readAll({ filter: { streamPrefixes: [s] } });
    expect(all.map((e) => e.position)).toEqual([expect.any(Number), written.position]);
    expect(all[0].position).toBeGreaterThan(UNKNOWN_POSITION);
    expect(await store.headPosition()).toBe(written.position);

    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [s] } });
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      const messages: SubscriptionMessage[] = [];
      for (let i = 0; i < 3; i++) messages.push((await iterator.next()).value as SubscriptionMessage);
      expect(messages.map((m) => (m.kind === 'event' ? m.event.position : m.kind))).toEqual([
        all[0].position,
        all[1].position,
        'caught-up',
      ]);
    } finally {
      await subscription.close();
    }
  });

  it('answers a retried append with the first one’s position, found in $all', async () => {
    const s = `legacy-retry-${randomUUID()}`;
    const batch = [newEvent('Zero'), newEvent('One')];
    const first = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
    await store.appendToStream(`legacy-other-${randomUUID()}`, [newEvent('Later')]);
    const retry = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
    expect(retry).toEqual({ nextRevision: 1, position: first.position });
    expect(await store.readStream(s)).toHaveLength(2);
  });

  it('answers a retry whose events are further back than it looks with the head: never before them', async () => {
    const s = `legacy-far-${randomUUID()}`;
    const batch = [newEvent('Early')];
    const first = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
    // More events after it than the adapter searches (4096), in appends under the 1 MiB limit.
    const other = `legacy-busy-${randomUUID()}`;
    for (let round = 0; round < 3; round++) {
      await store.appendToStream(
        other,
        Array.from({ length: 1500 }, () => newEvent('Busy')),
      );
    }
    const head = await store.headPosition();
    const retry = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
    expect(retry.nextRevision).toBe(0);
    expect(retry.position).toBe(head);
    expect(retry.position).toBeGreaterThan(first.position);
  });
});
