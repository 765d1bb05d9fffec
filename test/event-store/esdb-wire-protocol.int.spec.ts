import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { Position } from '@eventstore/db-client';
import { InvalidAppendError, NewEvent } from '../../src/event-store';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { newEvent } from '../support/new-event';

/*
 * What the real client sees from the double, for the server behaviours the
 * adapter relies on (docs/architecture/event-store.md, from the client's and the KurrentDB server's sources).
 */
for (const batchAppend of [true, false]) {
  const path = batchAppend ? 'BatchAppend' : 'Append';
  describe(`wire double as @eventstore/db-client sees it [esdb: gRPC wire double, ${path}]`, () => {
    let double: EsdbDouble;
    let client: EventStoreDBClient;
    beforeAll(async () => {
      double = await startEsdbDouble({ batchAppend });
      client = EventStoreDBClient.connectionString(double.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await double.stop();
    });
    const event = (type = 'Happened', data: Record<string, unknown> = {}) => jsonEvent({ type, data });

    it('reports a conflict on a missing stream with actualVersion "no_stream" (a string), else a bigint', async () => {
      const s = `wev-${randomUUID()}`;
      const missing = await client
        .appendToStream(s, [event()], { expectedRevision: 'stream_exists' })
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(WrongExpectedVersionError);
      expect((missing as WrongExpectedVersionError).actualVersion).toBe('no_stream');
      await client.appendToStream(s, [event()], { expectedRevision: NO_STREAM });
      const taken = await client
        .appendToStream(s, [event()], { expectedRevision: 5n })
        .catch((e: unknown) => e);
      expect(taken).toMatchObject({ expectedVersion: 5n, actualVersion: 0n });
    });

    it('takes an append of no events that meets its expected revision, adding no event (also to a missing stream)', async () => {
      const s = `empty-${randomUUID()}`;
      await client.appendToStream(s, [event()], { expectedRevision: NO_STREAM });
      const empty = await client.appendToStream(s, [], { expectedRevision: 0n });
      expect(empty).toMatchObject({ success: true, nextExpectedRevision: 0n });
      expect(await client.readStream(s).toArray()).toHaveLength(1);
      const wrong = await client.appendToStream(s, [], { expectedRevision: 3n }).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(WrongExpectedVersionError);
      const missing = `empty-${randomUUID()}`;
      await expect(
        client.appendToStream(missing, [], { expectedRevision: NO_STREAM }),
      ).resolves.toMatchObject({
        success: true,
      });
      await expect(client.readStream(missing).toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('answers a never-written stream with StreamNotFoundError, forwards and backwards', async () => {
      for (const direction of [FORWARDS, BACKWARDS] as const) {
        const read = client.readStream(`missing-${randomUUID()}`, { direction });
        await expect(read.toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
      }
    });

    it('refuses an append over 1 MiB, which the adapter reports as an InvalidAppendError', async () => {
      const big = { text: 'x'.repeat(1024 * 1024) };
      await expect(client.appendToStream(`big-${randomUUID()}`, [event('Big', big)])).rejects.toBeInstanceOf(
        MaxAppendSizeExceededError,
      );
      const store = EsdbEventStore.open({ connectionString: double.connectionString });
      await expect(
        store.appendToStream(`big-${randomUUID()}`, [newEvent('Big', big)]),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      await store.close();
    });

    it('reads $all from an event inclusively forwards, exclusively backwards, and refuses a position inside a record', async () => {
      const s = `all-${randomUUID()}`;
      await client.appendToStream(s, [event('One'), event('Two'), event('Three')]);
      const written = (await client.readStream(s).toArray()).map((e) => e.event?.position as Position);
      const forwards = await client.readAll({ fromPosition: written[1], maxCount: 2 }).toArray();
      expect(forwards.map((e) => e.event?.type)).toEqual(['Two', 'Three']);
      const backwards = await client
        .readAll({ fromPosition: written[1], direction: BACKWARDS, maxCount: 1 })
        .toArray();
      expect(backwards.map((e) => e.event?.type)).toEqual(['One']);
      const inside = { commit: written[1].commit + 1n, prepare: written[1].prepare + 1n };
      await expect(client.readAll({ fromPosition: inside, maxCount: 1 }).toArray()).rejects.toThrow(
        /invalid position/,
      );
      const first = await client.readAll({ fromPosition: START, maxCount: 1 }).toArray();
      expect(first[0].event?.position?.commit).toBeGreaterThan(0n);
      expect(first[0].event?.type.startsWith('$')).toBe(true);
    });

    it('subscribes to $all: confirmation, events after the start, a checkpoint, caught-up, then live events', async () => {
      const s = `sub-${randomUUID()}`;
      await client.appendToStream(s, [event('Before'), event('Start'), event('After')]);
      const [, start] = await client.readStream(s).toArray();
      const seen: string[] = [];
      const subscription = client.subscribeToAll({
        fromPosition: start.event?.position as Position,
        filter: excludeSystemEvents({ checkpointReached: () => void seen.push('checkpoint') }),
      });
      subscription.on('confirmation', () => seen.push('confirmation'));
      subscription.on('caughtUp', () => {
        seen.push('caught-up');
        void client.appendToStream(s, [event('Live')]);
      });
      for await (const resolved of subscription) {
        seen.push(resolved.event?.type ?? '?');
        if (resolved.event?.type === 'Live') break;
      }
      await subscription.unsubscribe();
      expect(seen).toEqual(['confirmation', 'After', 'checkpoint', 'caught-up', 'Live']);
    });

    it('soft-deletes as the server does: not found, $tb in $$stream, recreated from the next revision', async () => {
      const s = `soft-${randomUUID()}`;
      const written = await client.appendToStream(s, [event('Zero'), event('One')]);
      const deleted = await client.deleteStream(s, { expectedRevision: 1n });
      expect(deleted.position?.commit).toBeGreaterThan(written.position?.commit ?? 0n);
      await expect(client.readStream(s).toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(
        client.appendToStream(s, [event()], { expectedRevision: STREAM_EXISTS }),
      ).rejects.toBeInstanceOf(StreamDeletedError);
      const again = await client.appendToStream(s, [event('Two')], { expectedRevision: NO_STREAM });
      expect(again.nextExpectedRevision).toBe(2n);
      const read = await client.readStream(s).toArray();
      expect(read.map((e) => [e.event?.type, e.event?.revision])).toEqual([['Two', 2n]]);
      const meta = (await client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 3 }).toArray())
        .map((e) => e.event)
        .filter((e) => e?.streamId === `$$${s}`)
        .map((e) => e?.data);
      // Newest first: recreation truncates before its first event; the delete truncated everything.
      expect(meta).toEqual([{ $tb: 2 }, { $tb: 2 ** 63 }]);
      await expect(client.deleteStream(`never-${randomUUID()}`)).rejects.toMatchObject({
        type: 'wrong-expected-version',
        actualVersion: -1n,
      });
    });

    it('tombstones as the server does: every read, append and delete refused, a $streamDeleted record in $all', async () => {
      const s = `hard-${randomUUID()}`;
      await client.appendToStream(s, [event()]);
      const conflict = await client.tombstoneStream(s, { expectedRevision: 3n }).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(WrongExpectedVersionError);
      expect(conflict).toMatchObject({ streamName: s, expectedVersion: 3n, actualVersion: 0n });
      const tombstone = await client.tombstoneStream(s, { expectedRevision: 0n });
      for (const direction of [FORWARDS, BACKWARDS] as const) {
        const error = await client
          .readStream(s, { direction })
          .toArray()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StreamDeletedError);
        expect((error as StreamDeletedError).streamName).toBe(s);
      }
      // On this path (Append or BatchAppend), with any expected revision.
      for (const expectedRevision of [ANY, NO_STREAM, STREAM_EXISTS, 0n] as const) {
        await expect(client.appendToStream(s, [event()], { expectedRevision })).rejects.toBeInstanceOf(
          StreamDeletedError,
        );
      }
      await expect(client.deleteStream(s)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.tombstoneStream(s)).rejects.toBeInstanceOf(StreamDeletedError);
      const [last] = await client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }).toArray();
      expect(last.event).toMatchObject({ streamId: s, type: '$streamDeleted', revision: 2n ** 63n - 1n });
      expect(last.event?.position?.commit).toBe(tombstone.position?.commit);
    });

    it('subscribes to a stream from a revision, exclusively, then live; from END only live', async () => {
      const s = `stream-sub-${randomUUID()}`;
      await client.appendToStream(s, [event('Zero'), event('One')]);
      const fromZero = client.subscribeToStream(s, { fromRevision: 0n });
      const fromEnd = client.subscribeToStream(s, { fromRevision: END });
      const received = async (subscription: typeof fromZero, count: number): Promise<string[]> => {
        const types: string[] = [];
        for await (const resolved of subscription) {
          types.push(resolved.event?.type ?? '?');
          if (types.length === count) break;
        }
        await subscription.unsubscribe();
        return types;
      };
      const zero = received(fromZero, 2);
      const end = received(fromEnd, 1);
      await new Promise((resolve) => fromEnd.once('caughtUp', resolve));
      await client.appendToStream(s, [event('Two')]);
      expect(await zero).toEqual(['One', 'Two']);
      expect(await end).toEqual(['Two']);
    });
  });
}

describe('EventStoreDB adapter and the server’s own events [esdb: @eventstore/db-client → gRPC wire double]', () => {
  it('never shows system events, even between and after its own, and heads at its last own event', async () => {
    const double = await startEsdbDouble();
    const client = EventStoreDBClient.connectionString(double.connectionString);
    const store = EsdbEventStore.open({ connectionString: double.connectionString });
    try {
      const prefix = `sys${randomUUID().slice(0, 8)}`;
      const own = (type: string): NewEvent => newEvent(type);
      const first = await store.appendToStream(`${prefix}-a`, [own('First')]);
      await client.appendToStream(`$$${prefix}-a`, [
        jsonEvent({ type: '$metadata', data: { $maxCount: 10 } }),
      ]);
      await store.appendToStream(`${prefix}-a`, [own('Second')]);
      // More than one page of the server's own events after ours.
      for (let i = 0; i < 70; i++) {
        await client.appendToStream(`$stats-${prefix}`, [
          jsonEvent({ type: '$statsCollected', data: { i } }),
        ]);
      }
      const all = await store.readAll({ fromPosition: first.position });
      expect(all.map((e) => e.type)).toEqual(['First', 'Second']);
      expect(await store.headPosition()).toBe(all[1].position);

      const subscription = store.subscribeToAll({ fromPosition: first.position });
      const iterator = subscription[Symbol.asyncIterator]();
      const [second, caughtUp] = [await iterator.next(), await iterator.next()];
      expect(second.value).toMatchObject({ kind: 'event', event: { type: 'Second' } });
      expect(caughtUp.value).toMatchObject({ kind: 'caught-up' });
      expect(caughtUp.value.position).toBeGreaterThan(all[1].position);
      await subscription.close();
    } finally {
      await store.close();
      await client.dispose();
      await double.stop();
    }
  });
});

describe('a server before 22.6, as @eventstore/db-client sees it [esdb: gRPC wire double, legacyPositions]', () => {
  it('gives stream-read events the unset position, $all events theirs, and a retried append no position', async () => {
    const double = await startEsdbDouble({ legacyPositions: true });
    const client = EventStoreDBClient.connectionString(double.connectionString);
    try {
      const s = `legacy-${randomUUID()}`;
      const batch = [jsonEvent({ type: 'Zero', data: {} }), jsonEvent({ type: 'One', data: {} })];
      const first = await client.appendToStream(s, batch, { expectedRevision: NO_STREAM });
      expect(first.position?.commit).toBeGreaterThan(0n);
      const read = await client.readStream(s).toArray();
      expect(read.map((e) => e.event?.position)).toEqual([
        { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n },
        { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n },
      ]);
      expect(read.map((e) => e.commitPosition)).toEqual([undefined, undefined]);
      const [inAll] = await client
        .readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })
        .toArray();
      expect(inAll.event?.position?.commit).toBe(first.position?.commit);
      const retry = await client.appendToStream(s, batch, { expectedRevision: NO_STREAM });
      expect(retry.nextExpectedRevision).toBe(1n);
      expect(retry.position).toBeUndefined();
    } finally {
      await client.dispose();
      await double.stop();
    }
  });
});
