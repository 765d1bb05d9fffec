import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  EventStore,
  IdempotencyConflictError,
  InvalidAppendError,
  InvalidReadError,
  NewEvent,
  RecordedEvent,
  StreamDeletedError,
  SubscriptionMessage,
  WrongExpectedRevisionError,
} from '../../src/event-store';
import { newEvent } from '../support/new-event';
import { describeIdempotencyClaims } from './idempotency-claims.conformance';

export interface ConformanceTarget {
  /** Said in every test name, so a log shows which store a test ran against. */
  name: string;
  /**
   * How far the store recognises a retried append by its event ids.
   * - `stream`: an id is written at most once per stream, wherever it is retried
   *   (SQLite: UNIQUE(stream_id, event_id)).
   * - `same-place`: a retry is recognised where it was first written: with an
   *   expected revision behind the stream, or with `any` while the server still
   *   remembers the ids. With an exact expected revision equal to the stream's
   *   current one, EventStoreDB's commit check appends the events again
   *   (KurrentDB IndexWriter.CheckCommit: "writing exactly to the end -> ok").
   *   A caller that re-reads the stream before retrying must look for its ids.
   */
  idempotency: 'stream' | 'same-place';
  open(): Promise<EventStore>;
  /** Called once after the suite; removes files, stops servers. */
  dispose?(): Promise<void>;
}

const event = (type = 'ThingHappened', data: unknown = { n: 1 }): NewEvent => newEvent(type, data);

async function take(
  iterator: AsyncIterator<SubscriptionMessage>,
  count: number,
  timeoutMs = 10_000,
): Promise<SubscriptionMessage[]> {
  const messages: SubscriptionMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (messages.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next === 'timeout') throw new Error(`Timed out after ${messages.length} of ${count} messages`);
    if (next.done) break;
    messages.push(next.value);
  }
  return messages;
}

const events = (messages: SubscriptionMessage[]): RecordedEvent[] =>
  messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));

async function expectConflict(promise: Promise<unknown>, stream: string, actual: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  const conflict = error as WrongExpectedRevisionError;
  expect(conflict.stream).toBe(stream);
  expect(conflict.actual).toBe(actual);
  expect(typeof conflict.actual).toBe('number');
}

async function expectDeleted(promise: Promise<unknown>, stream: string, tombstoned: boolean): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StreamDeletedError);
  expect(error).toMatchObject({ stream, tombstoned });
}

/** The one suite every adapter of the EventStore port must pass (docs/architecture/event-store.md). */
export function describeEventStoreConformance(target: ConformanceTarget): void {
  describe(`EventStore conformance [${target.name}]`, () => {
    let store: EventStore;
    // Streams are unique per test so the suite also runs against a shared, non-empty server.
    let prefix: string;
    const stream = (name = 'stream'): string => `${prefix}${name}-${randomUUID()}`;

    beforeAll(async () => {
      store = await target.open();
    });
    afterAll(async () => {
      await store.close();
      await target.dispose?.();
    });
    beforeEach(() => {
      prefix = `t${randomUUID().slice(0, 8)}`;
    });

    describe('expected revision sentinels', () => {
      it('no_stream succeeds on a new stream and conflicts with the numeric revision on an existing one', async () => {
        const s = stream();
        await expect(
          store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }),
        ).resolves.toMatchObject({
          nextRevision: 0,
        });
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }), s, 0);
      });

      it('stream_exists conflicts with actual -1 on a missing stream and succeeds on an existing one', async () => {
        const s = stream();
        await expectConflict(
          store.appendToStream(s, [event()], {
            expectedRevision: 'stream_exists',
          }),
          s,
          -1,
        );
        await store.appendToStream(s, [event()]);
        await expect(
          store.appendToStream(s, [event()], {
            expectedRevision: 'stream_exists',
          }),
        ).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('an exact revision must equal the current one; -1 means no stream', async () => {
        const s = stream();
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 0 }), s, -1);
        await store.appendToStream(s, [event()], { expectedRevision: -1 });
        await store.appendToStream(s, [event(), event()], {
          expectedRevision: 0,
        });
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 1 }), s, 2);
        await expect(store.appendToStream(s, [event()], { expectedRevision: 2 })).resolves.toMatchObject({
          nextRevision: 3,
        });
      });

      it('any appends whatever the state, and is the default', async () => {
        const s = stream();
        await store.appendToStream(s, [event()], { expectedRevision: 'any' });
        await store.appendToStream(s, [event()]);
        expect(await store.streamRevision(s)).toBe(1);
      });

      it('a conflict carries the expected value as given', async () => {
        const s = stream();
        await store.appendToStream(s, [event()]);
        const error = await store
          .appendToStream(s, [event()], { expectedRevision: 7 })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ stream: s, expected: 7, actual: 0 });
      });
    });

    describe('atomic appends', () => {
      it('writes every event of a batch at consecutive revisions and increasing positions', async () => {
        const s = stream();
        const batch = [event('A'), event('B'), event('C')];
        const result = await store.appendToStream(s, batch, {
          expectedRevision: 'no_stream',
        });
        expect(result.nextRevision).toBe(2);
        const read = await store.readStream(s);
        expect(read.map((e) => [e.id, e.type, e.revision])).toEqual([
          [batch[0].id, 'A', 0],
          [batch[1].id, 'B', 1],
          [batch[2].id, 'C', 2],
        ]);
        expect(read[1].position).toBeGreaterThan(read[0].position);
        expect(read[2].position).toBeGreaterThan(read[1].position);
        expect(result.position).toBe(read[2].position);
      });

      it('writes nothing when a batch conflicts', async () => {
        const s = stream();
        await store.appendToStream(s, [event()]);
        await expectConflict(
          store.appendToStream(s, [event(), event()], {
            expectedRevision: 'no_stream',
          }),
          s,
          0,
        );
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('refuses an invalid batch before writing anything', async () => {
        const s = stream();
        const e = event();
        await expect(store.appendToStream(s, [])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.appendToStream(s, [e, { ...e }])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.appendToStream(s, [{ ...event(), id: 'not-a-uuid' }])).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        await expect(store.appendToStream('$system', [event()])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.appendToStream(s, [event('$metadata')])).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        expect(await store.readStream(s)).toEqual([]);
      });

      it('stores metadata with the time it was recorded', async () => {
        const s = stream();
        const e = event('Recorded', {
          nested: { list: [1, 'two', null], flag: true },
        });
        const before = Date.now();
        await store.appendToStream(s, [e]);
        const [read] = await store.readStream(s);
        expect(read.data).toEqual(e.data);
        expect(read.metadata).toMatchObject(e.metadata);
        const recordedAt = Date.parse(read.metadata.recordedAt);
        expect(recordedAt).toBeGreaterThanOrEqual(before - 5_000);
        expect(recordedAt).toBeLessThanOrEqual(Date.now() + 5_000);
      });
    });

    describe('idempotent retries', () => {
      it('re-appending the same events at the same place returns the original result and writes nothing', async () => {
        const s = stream();
        await store.appendToStream(s, [event()]);
        const batch = [event(), event()];
        const first = await store.appendToStream(s, batch, {
          expectedRevision: 0,
        });
        const head = await store.headPosition();
        const retries = [
          await store.appendToStream(s, batch, { expectedRevision: 0 }),
          await store.appendToStream(s, batch, { expectedRevision: 'any' }),
        ];
        const where = (r: AppendResult) => ({ nextRevision: r.nextRevision, position: r.position });
        for (const retry of retries) expect(where(retry)).toEqual(where(first));
        // A store that says whether it wrote (SQLite does; EventStoreDB's client cannot tell) says so rightly.
        if (first.replayed !== undefined) {
          expect(first.replayed).toBe(false);
          expect(retries.map((r) => r.replayed)).toEqual([true, true]);
        }
        expect(await store.readStream(s)).toHaveLength(3);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses a retry whose events only partly match what was written', async () => {
        const s = stream();
        const batch = [event(), event()];
        await store.appendToStream(s, batch);
        const error = await store.appendToStream(s, [batch[0], event()]).catch((e: unknown) => e);
        expect(error instanceof IdempotencyConflictError || error instanceof WrongExpectedRevisionError).toBe(
          true,
        );
        expect(await store.readStream(s)).toHaveLength(2);
      });

      if (target.idempotency === 'stream') {
        it('refuses the same events retried at a different place', async () => {
          const s = stream();
          const batch = [event()];
          await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
          await store.appendToStream(s, [event()]);
          const error = await store
            .appendToStream(s, batch, { expectedRevision: 1 })
            .catch((e: unknown) => e);
          expect(
            error instanceof IdempotencyConflictError || error instanceof WrongExpectedRevisionError,
          ).toBe(true);
          expect(await store.readStream(s)).toHaveLength(2);
        });
      } else {
        it('appends the same events again when retried at exactly the current revision', async () => {
          const s = stream();
          const batch = [event()];
          await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
          await store.appendToStream(s, [event()]);
          await expect(store.appendToStream(s, batch, { expectedRevision: 1 })).resolves.toMatchObject({
            nextRevision: 2,
          });
          const ids = (await store.readStream(s)).map((e) => e.id);
          expect(ids).toEqual([batch[0].id, ids[1], batch[0].id]);
        });
      }

      it('different events at a taken revision are a conflict', async () => {
        const s = stream();
        await store.appendToStream(s, [event()], {
          expectedRevision: 'no_stream',
        });
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: -1 }), s, 0);
      });
    });

    describe('reading a stream', () => {
      let s: string;
      beforeEach(async () => {
        s = stream();
        await store.appendToStream(
          s,
          Array.from({ length: 10 }, (_, n) => event('Numbered', { n })),
        );
      });
      const ns = (read: RecordedEvent[]): number[] => read.map((e) => (e.data as { n: number }).n);

      it('reads forwards from a revision with a maximum count', async () => {
        expect(ns(await store.readStream(s))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(ns(await store.readStream(s, { fromRevision: 4, maxCount: 3 }))).toEqual([4, 5, 6]);
        expect(await store.readStream(s, { fromRevision: 10 })).toEqual([]);
      });

      it('reads backwards from the end or from a revision', async () => {
        expect(ns(await store.readStream(s, { direction: 'backwards', maxCount: 2 }))).toEqual([9, 8]);
        expect(
          ns(
            await store.readStream(s, {
              direction: 'backwards',
              fromRevision: 3,
            }),
          ),
        ).toEqual([3, 2, 1, 0]);
      });

      it('reads a missing stream as empty, at revision -1', async () => {
        const missing = stream('missing');
        expect(await store.readStream(missing)).toEqual([]);
        expect(await store.readStream(missing, { direction: 'backwards' })).toEqual([]);
        expect(await store.streamRevision(missing)).toBe(-1);
        expect(await store.streamRevision(s)).toBe(9);
      });

      it('refuses revisions and counts that are not whole numbers from 0, before reading', async () => {
        for (const options of [
          { fromRevision: -1 },
          { fromRevision: 1.5 },
          { fromRevision: Number.NaN },
          { fromRevision: 2 ** 60 },
          { maxCount: -1 },
          { maxCount: Infinity },
        ]) {
          await expect(store.readStream(s, options)).rejects.toBeInstanceOf(InvalidReadError);
        }
        await expect(store.readAll({ fromPosition: 0.5 })).rejects.toBeInstanceOf(InvalidReadError);
        await expect(store.readAll({ maxCount: -1 })).rejects.toBeInstanceOf(InvalidReadError);
        expect(await store.readStream(s, { fromRevision: Number.MAX_SAFE_INTEGER })).toEqual([]);
      });

      it('keeps unicode stream names and large payloads intact', async () => {
        const unicode = `${prefix}organisation-Ünïcødé-健康-😀-${randomUUID()}`;
        // ~0.6 MB: well past gRPC's frame and window sizes, within EventStoreDB's default 1 MiB per append.
        const big = {
          text: 'Ω'.repeat(256 * 1024),
          numbers: Array.from({ length: 10_000 }, (_, i) => i),
        };
        await store.appendToStream(unicode, [event('Big', big)]);
        const [read] = await store.readStream(unicode);
        expect(read.streamId).toBe(unicode);
        expect(read.data).toEqual(big);
      });
    });

    describe('$all', () => {
      it('orders every event by a strictly increasing global position', async () => {
        const a = stream('a');
        const b = stream('b');
        // Positions are opaque (EventStoreDB's are byte offsets): a read starts at 0 or at an event's position.
        const start = await store.headPosition();
        await store.appendToStream(a, [event('One')]);
        await store.appendToStream(b, [event('Two'), event('Three')]);
        await store.appendToStream(a, [event('Four')]);
        const all = await store.readAll({
          fromPosition: start,
          filter: { streamPrefixes: [prefix] },
        });
        expect(all.map((e) => e.type)).toEqual(['One', 'Two', 'Three', 'Four']);
        for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(all[3].position);
      });

      it('bounds reads by position (inclusive) and count', async () => {
        const s = stream();
        await store.appendToStream(
          s,
          Array.from({ length: 5 }, (_, n) => event('Numbered', { n })),
        );
        const all = await store.readAll({
          filter: { streamPrefixes: [prefix] },
        });
        expect(all).toHaveLength(5);
        const middle = await store.readAll({
          fromPosition: all[1].position,
          toPosition: all[3].position,
          filter: { streamPrefixes: [prefix] },
        });
        expect(middle.map((e) => e.revision)).toEqual([1, 2, 3]);
        const two = await store.readAll({
          fromPosition: all[1].position,
          maxCount: 2,
          filter: { streamPrefixes: [prefix] },
        });
        expect(two.map((e) => e.revision)).toEqual([1, 2]);
      });

      it('filters by stream prefix and event type', async () => {
        await store.appendToStream(stream('org'), [event('Registered'), event('Renamed')]);
        await store.appendToStream(stream('pdsa'), [event('Registered')]);
        const byPrefix = await store.readAll({
          filter: { streamPrefixes: [`${prefix}org`] },
        });
        expect(byPrefix.map((e) => e.type)).toEqual(['Registered', 'Renamed']);
        const byType = await store.readAll({
          filter: { streamPrefixes: [prefix], eventTypes: ['Registered'] },
        });
        expect(byType.map((e) => e.streamId.slice(prefix.length, prefix.length + 3))).toEqual(['org', 'pds']);
      });
      it('gives the same events as one JSON text each, bounds and filter applied alike', async () => {
        const s = stream('serialized');
        await store.appendToStream(s, [
          event('Plain', { n: 1, text: 'naïve "quoted" \\ line\nbreak', nested: { list: [1, 2.5, null] } }),
          event('Other', { n: 2 }),
          event('Plain', { n: 3 }),
        ]);
        const options = { filter: { streamPrefixes: [prefix], eventTypes: ['Plain'] } };
        const parsed = await store.readAll(options);
        const serialized = await store.readAllSerialized(options);
        expect(serialized.map((e) => JSON.parse(e.json) as unknown)).toEqual(parsed);
        expect(serialized.map(({ position, type }) => ({ position, type }))).toEqual(
          parsed.map(({ position, type }) => ({ position, type })),
        );
        // Keys in declaration order, so an export's lines read the same from every store.
        expect(Object.keys(JSON.parse(serialized[0].json) as object)).toEqual([
          'id',
          'type',
          'streamId',
          'revision',
          'position',
          'data',
          'metadata',
        ]);
        const second = await store.readAllSerialized({
          ...options,
          fromPosition: parsed[1].position,
          maxCount: 1,
        });
        expect(second.map((e) => (JSON.parse(e.json) as { revision: number }).revision)).toEqual([2]);
      });
    });

    describe('$all within business and knowledge time', () => {
      // Stored as written: offsets, dates alone, days a month lacks, text that is no date at all.
      const occurred = [
        '2018-03-31T09:00:00.000Z',
        '2018-04-01T00:00:00.000Z',
        '2018-03-31T23:59:59.999Z',
        '2018-04-01T00:30:00+01:00',
        '2018-03-31',
        '2018-02-31T00:00:00.000Z',
        '2018-03-32T00:00:00.000Z',
        'not a date',
        '2018-03-31T23:59:59.999+00:00',
        '2019-01-01T00:00:00.000Z',
      ];
      const timed = (occurredAt: string, n: number): NewEvent => {
        const e = event('Timed', { n });
        return { ...e, metadata: { ...e.metadata, occurredAt } };
      };
      const notAfter = (instant: string, bound: string): boolean =>
        !(new Date(instant).getTime() > new Date(bound).getTime());

      it('leaves out events after occurredAtMax, comparing instants as times, never as text', async () => {
        await store.appendToStream(
          stream('timed'),
          occurred.map((at, n) => timed(at, n)),
        );
        const filter = { streamPrefixes: [prefix] };
        for (const bound of [
          '2018-03-31T23:59:59.999Z',
          '2018-03-03T00:00:00.000Z',
          '2018-03-31T23:30:00+01:00',
        ]) {
          const within = await store.readAll({ filter, occurredAtMax: bound });
          const expected = occurred.flatMap((at, n) => (notAfter(at, bound) ? [n] : []));
          expect(within.map((e) => (e.data as { n: number }).n)).toEqual(expected);
          const serialized = await store.readAllSerialized({ filter, occurredAtMax: bound });
          expect(serialized.map((e) => JSON.parse(e.json) as unknown)).toEqual(within);
        }
        // The month end keeps 3 (23:30Z, later as text) and 5 (3 March); 6 and 7 are no dates, never left out.
        const monthEnd = await store.readAll({ filter, occurredAtMax: '2018-03-31T23:59:59.999Z' });
        expect(monthEnd.map((e) => (e.data as { n: number }).n)).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
      });

      it('leaves out events recorded after recordedAtMax, and counts only what it returns', async () => {
        const s = stream('known');
        for (let n = 0; n < 4; n++) {
          await store.appendToStream(s, [
            timed(n % 2 === 0 ? '2018-01-01T00:00:00.000Z' : '2030-01-01T00:00:00.000Z', n),
          ]);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const filter = { streamPrefixes: [prefix] };
        const all = await store.readAll({ filter });
        const bound = all[2].metadata.recordedAt;
        const known = await store.readAll({ filter, recordedAtMax: bound });
        expect(known.map((e) => e.revision)).toEqual(
          all.filter((e) => notAfter(e.metadata.recordedAt, bound)).map((e) => e.revision),
        );
        expect(known.map((e) => e.revision)).toEqual(expect.arrayContaining([0, 1, 2]));
        const both = await store.readAll({
          filter,
          recordedAtMax: bound,
          occurredAtMax: '2018-12-31T23:59:59.999Z',
        });
        expect(both.map((e) => e.revision)).toEqual([0, 2]);
        // maxCount counts the events inside the bounds, so paging never stops short.
        const first = await store.readAll({ filter, occurredAtMax: '2018-12-31T23:59:59.999Z', maxCount: 2 });
        expect(first.map((e) => e.revision)).toEqual([0, 2]);
      });

      it('refuses a bound that is not an instant, before reading', async () => {
        await expect(store.readAll({ occurredAtMax: 'soon' })).rejects.toBeInstanceOf(InvalidReadError);
        await expect(store.readAllSerialized({ recordedAtMax: '' })).rejects.toBeInstanceOf(InvalidReadError);
      });
    });

    describe('subscriptions to $all', () => {
      it('catches up, says so, then delivers live events in order', async () => {
        const s = stream();
        const filter = { streamPrefixes: [prefix] };
        await store.appendToStream(s, [event('Numbered', { n: 0 }), event('Numbered', { n: 1 })]);
        const subscription = store.subscribeToAll({ filter });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          const catchUp = await take(iterator, 3);
          expect(catchUp.map((m) => m.kind)).toEqual(['event', 'event', 'caught-up']);
          const caughtUp = catchUp[2] as {
            kind: 'caught-up';
            position: number;
          };
          expect(caughtUp.position).toBeGreaterThanOrEqual(events(catchUp)[1].position);

          await store.appendToStream(s, [event('Numbered', { n: 2 })]);
          await store.appendToStream(stream('other'), [event('Numbered', { n: 3 })]);
          const live = events(await take(iterator, 2));
          expect(live.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
        } finally {
          await subscription.close();
        }
      });

      it('starts strictly after a checkpoint', async () => {
        const s = stream();
        await store.appendToStream(
          s,
          Array.from({ length: 4 }, (_, n) => event('Numbered', { n })),
        );
        const written = await store.readStream(s);
        const subscription = store.subscribeToAll({
          fromPosition: written[1].position,
          filter: { streamPrefixes: [prefix] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          const received = await take(iterator, 3);
          expect(events(received).map((e) => e.revision)).toEqual([2, 3]);
          expect(received[2].kind).toBe('caught-up');
        } finally {
          await subscription.close();
        }
      });

      it('applies the filter to live events', async () => {
        const filter = {
          streamPrefixes: [`${prefix}keep`],
          eventTypes: ['Kept'],
        };
        const subscription = store.subscribeToAll({
          fromPosition: await store.headPosition(),
          filter,
        });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          expect((await take(iterator, 1))[0].kind).toBe('caught-up');
          await store.appendToStream(stream('drop'), [event('Kept')]);
          await store.appendToStream(stream('keep'), [event('Dropped'), event('Kept', { n: 1 })]);
          const [received] = events(await take(iterator, 1));
          expect(received.type).toBe('Kept');
          expect(received.streamId.startsWith(`${prefix}keep`)).toBe(true);
        } finally {
          await subscription.close();
        }
      });

      it('ends iteration when closed', async () => {
        const subscription = store.subscribeToAll({
          filter: { streamPrefixes: [prefix] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await take(iterator, 1))[0].kind).toBe('caught-up');
        const pending = iterator.next();
        await subscription.close();
        await expect(pending).resolves.toMatchObject({ done: true });
      });
    });

    describeIdempotencyClaims(
      () => store,
      () => stream(),
    );

    describe('deleted streams', () => {
      const numbered = (count: number): NewEvent[] =>
        Array.from({ length: count }, (_, n) => event('Numbered', { n }));
      const inAll = async (s: string): Promise<number[]> =>
        (await store.readAll({ filter: { streamPrefixes: [s] } })).map((e) => e.revision);

      it('a soft-deleted stream reads as missing, and $all keeps its events', async () => {
        const s = stream();
        await store.appendToStream(s, numbered(3), { expectedRevision: 'no_stream' });
        await store.deleteStream(s, { expectedRevision: 2 });
        expect(await store.readStream(s)).toEqual([]);
        expect(await store.readStream(s, { direction: 'backwards' })).toEqual([]);
        expect(await store.streamRevision(s)).toBe(-1);
        expect(await inAll(s)).toEqual([0, 1, 2]);
      });

      for (const expectedRevision of ['any', 'no_stream', -1, 1] as const) {
        it(`an append expecting ${expectedRevision} recreates a soft-deleted stream, its revisions going on`, async () => {
          const s = stream();
          await store.appendToStream(s, numbered(2));
          await store.deleteStream(s);
          const again = [event('Again', { n: 2 }), event('Again', { n: 3 })];
          await expect(store.appendToStream(s, again, { expectedRevision })).resolves.toMatchObject({
            nextRevision: 3,
          });
          expect((await store.readStream(s)).map((e) => [e.id, e.revision])).toEqual([
            [again[0].id, 2],
            [again[1].id, 3],
          ]);
          expect((await store.readStream(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([
            3, 2,
          ]);
          expect(await store.readStream(s, { direction: 'backwards', fromRevision: 1 })).toEqual([]);
          expect(await store.streamRevision(s)).toBe(3);
          // Recreated, it is an ordinary stream again.
          await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }), s, 3);
          await store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' });
          expect(await inAll(s)).toEqual([0, 1, 2, 3, 4]);
        });
      }

      it('a soft-deleted stream refuses stream_exists as deleted, and other revisions conflict at its last one', async () => {
        const s = stream();
        await store.appendToStream(s, numbered(2));
        await store.deleteStream(s, { expectedRevision: 1 });
        await expectDeleted(
          store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' }),
          s,
          false,
        );
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 0 }), s, 1);
        await expectConflict(store.appendToStream(s, [event()], { expectedRevision: 5 }), s, 1);
        expect(await store.readStream(s)).toEqual([]);
      });

      it('a delete checks its expected revision, needs a stream with events, and may be repeated', async () => {
        const s = stream();
        await expectConflict(store.deleteStream(s), s, -1);
        await expectConflict(store.deleteStream(s, { expectedRevision: 'no_stream' }), s, -1);
        await store.appendToStream(s, numbered(2));
        await expectConflict(store.deleteStream(s, { expectedRevision: 0 }), s, 1);
        await expectConflict(store.deleteStream(s, { expectedRevision: 'no_stream' }), s, 1);
        expect(await store.readStream(s)).toHaveLength(2);
        await store.deleteStream(s, { expectedRevision: 1 });
        await store.deleteStream(s);
        expect(await store.readStream(s)).toEqual([]);
        await expect(store.deleteStream('$system')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.tombstoneStream('')).rejects.toBeInstanceOf(InvalidAppendError);
      });

      it('a tombstoned stream refuses every read, append and delete, and $all keeps its events', async () => {
        const s = stream();
        await store.appendToStream(s, numbered(2));
        await expectConflict(store.tombstoneStream(s, { expectedRevision: 0 }), s, 1);
        await store.tombstoneStream(s, { expectedRevision: 1 });
        await expectDeleted(store.readStream(s), s, true);
        await expectDeleted(store.readStream(s, { direction: 'backwards', maxCount: 1 }), s, true);
        await expectDeleted(store.readStream(s, { fromRevision: 5 }), s, true);
        await expectDeleted(store.streamRevision(s), s, true);
        for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 1, 7] as const) {
          await expectDeleted(store.appendToStream(s, [event()], { expectedRevision }), s, true);
        }
        await expectDeleted(store.deleteStream(s), s, true);
        await expectDeleted(store.tombstoneStream(s, { expectedRevision: 'no_stream' }), s, true);
        expect(await inAll(s)).toEqual([0, 1]);
      });

      it('a name never used can be tombstoned (any, no_stream), and so can a soft-deleted stream', async () => {
        const unused = stream('unused');
        await expectConflict(store.tombstoneStream(unused, { expectedRevision: 0 }), unused, -1);
        await store.tombstoneStream(unused, { expectedRevision: 'no_stream' });
        await expectDeleted(
          store.appendToStream(unused, [event()], { expectedRevision: 'no_stream' }),
          unused,
          true,
        );
        // Odd but ASCII: a server sends the name back in a gRPC trailer, which holds ASCII only.
        const soft = `${prefix}odd name.with@chars+${randomUUID()}`;
        await store.appendToStream(soft, numbered(1));
        await store.deleteStream(soft);
        await store.tombstoneStream(soft, { expectedRevision: 'no_stream' });
        await expectDeleted(store.readStream(soft), soft, true);
      });

      it('a subscription sees no trace of deletes, only the events appended around them', async () => {
        const s = stream();
        const subscription = store.subscribeToAll({
          fromPosition: await store.headPosition(),
          filter: { streamPrefixes: [prefix] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          expect((await take(iterator, 1))[0].kind).toBe('caught-up');
          await store.appendToStream(s, [event('Before')]);
          await store.deleteStream(s);
          await store.appendToStream(s, [event('Recreated')]);
          await store.tombstoneStream(s);
          await store.appendToStream(stream('after'), [event('After')]);
          const received = await take(iterator, 3);
          expect(received.map((m) => (m.kind === 'event' ? m.event.type : m.kind))).toEqual([
            'Before',
            'Recreated',
            'After',
          ]);
        } finally {
          await subscription.close();
        }
      });
    });

    describe('concurrent appenders', () => {
      it('exactly one of many appenders wins each revision', async () => {
        const s = stream();
        await store.appendToStream(s, [event()]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 25 }, () => store.appendToStream(s, [event()], { expectedRevision: 0 })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(24);
        for (const o of lost)
          expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('appenders with expected revision any all succeed at distinct revisions', async () => {
        const s = stream();
        await Promise.all(Array.from({ length: 20 }, () => store.appendToStream(s, [event()])));
        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    });
  });
}
