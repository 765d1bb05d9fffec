import { randomUUID } from 'node:crypto';
import {
  EventStoreUnavailableError,
  NewEvent,
  RecordedEvent,
  SubscriptionMessage,
} from '../../src/event-store';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { newEvent } from '../support/new-event';
import { freePort } from '../support/free-port';
import { until } from '../support/until';

const TARGET = 'esdb: @eventstore/db-client → gRPC wire double';
const fastRetry = { initialMs: 20, maxMs: 200 };

const numbered = (n: number): NewEvent => newEvent('MeasurementRecorded', { n });

/** The projection under test: a count and a sum, folded from events. */
const fold = (events: readonly RecordedEvent[]): { count: number; sum: number } =>
  events.reduce((s, e) => ({ count: s.count + 1, sum: s.sum + (e.data as { n: number }).n }), {
    count: 0,
    sum: 0,
  });

const answers = (store: EsdbEventStore): Promise<boolean> =>
  store.ping().then(
    () => true,
    () => false,
  );

function recordingLogger(): {
  warnings: string[];
  logs: string[];
  log(m: string): void;
  warn(m: string): void;
} {
  const logger = {
    warnings: [] as string[],
    logs: [] as string[],
    log: (m: string) => void logger.logs.push(m),
    warn: (m: string) => void logger.warnings.push(m),
  };
  return logger;
}

describe(`EventStoreDB adapter when the connection drops [${TARGET}]`, () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  const logger = recordingLogger();

  beforeEach(async () => {
    double = await startEsdbDouble();
    store = EsdbEventStore.open({ connectionString: double.connectionString, retry: fastRetry, logger });
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('a subscription dropped mid-catch-up resumes after its checkpoint: every event, once, in order; the projection equals a rebuild', async () => {
    const prefix = `drop${randomUUID().slice(0, 8)}-`;
    const streams = Array.from({ length: 10 }, (_, i) => `${prefix}${i}`);
    let n = 0;
    const appendRound = async (perStream: number): Promise<void> => {
      for (let i = 0; i < perStream; i++) {
        for (const s of streams) await store.appendToStream(s, [numbered(n++)]);
      }
    };
    await appendRound(100);

    const received: RecordedEvent[] = [];
    let checkpoint = 0;
    let consumer = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
    const consume = async (subscription: typeof consumer): Promise<void> => {
      for await (const message of subscription as AsyncIterable<SubscriptionMessage>) {
        if (message.kind !== 'event') continue;
        received.push(message.event);
        checkpoint = message.event.position;
        // A slow consumer, so the drop lands while the server still has events to send.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    let consuming = consume(consumer);

    await until(() => received.length >= 300, 'the consumer is part-way through catching up');
    const warningsBefore = logger.warnings.length;
    await double.stop();
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await until(() => logger.warnings.length > warningsBefore, 'the subscription notices the drop');
    await double.restart();
    await appendRound(20);
    await until(() => received.length >= n, 'every event arrived after the restart');

    // Then the consumer stops and starts again from the checkpoint it kept, as after a process restart.
    await consumer.close();
    await consuming;
    await appendRound(5);
    consumer = store.subscribeToAll({ fromPosition: checkpoint, filter: { streamPrefixes: [prefix] } });
    consuming = consume(consumer);
    await until(() => received.length >= n, 'the events written while it was stopped arrived');
    await consumer.close();
    await consuming;

    const rebuilt = await store.readAll({ filter: { streamPrefixes: [prefix] } });
    expect(rebuilt).toHaveLength(n);
    expect(received.map((e) => e.id)).toEqual(rebuilt.map((e) => e.id));
    for (let i = 1; i < received.length; i++)
      expect(received[i].position).toBeGreaterThan(received[i - 1].position);
    expect(fold(received)).toEqual(fold(rebuilt));
    expect(fold(rebuilt)).toEqual({ count: n, sum: (n * (n - 1)) / 2 });
  });

  it('every operation fails with EventStoreUnavailableError while the server is down, and works again once it is back', async () => {
    const s = `down-${randomUUID()}`;
    await store.appendToStream(s, [numbered(1)]);
    await double.stop();
    const unavailable = expect.objectContaining({
      name: 'EventStoreUnavailableError',
      message: expect.stringContaining(`EventStoreDB at 127.0.0.1:${double.port} is unreachable`),
    });
    await expect(store.appendToStream(s, [numbered(2)])).rejects.toEqual(unavailable);
    await expect(store.readStream(s)).rejects.toEqual(unavailable);
    await expect(store.streamRevision(s)).rejects.toEqual(unavailable);
    await expect(store.readAll({ maxCount: 1 })).rejects.toEqual(unavailable);
    await expect(store.headPosition()).rejects.toEqual(unavailable);
    await expect(store.ping()).rejects.toEqual(unavailable);
    await expect(store.deleteStream(s)).rejects.toEqual(unavailable);
    await expect(store.tombstoneStream(s)).rejects.toEqual(unavailable);
    await double.restart();
    await until(() => answers(store), 'the store answers again');
    await expect(store.appendToStream(s, [numbered(2)], { expectedRevision: 0 })).resolves.toMatchObject({
      nextRevision: 1,
    });
    // Nothing was deleted while it was down; a delete now is refused for good.
    await store.tombstoneStream(s, { expectedRevision: 1 });
    await expect(store.readStream(s)).rejects.toMatchObject({ name: 'StreamDeletedError', tombstoned: true });
  });

  for (const stall of ['before-write', 'after-write'] as const) {
    it(`an append whose connection drops ${stall === 'before-write' ? 'before' : 'after'} the write fails as unavailable, and the same retry writes it once`, async () => {
      const s = `lost-${randomUUID()}`;
      await store.appendToStream(s, [numbered(0)], { expectedRevision: 'no_stream' });
      const batch = [numbered(1), numbered(2)];
      double.faults.stall = stall;
      const inFlight = store.appendToStream(s, batch, { expectedRevision: 0 });
      await double.appendsReceived(2);
      await double.stop();
      await expect(inFlight).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await double.restart();
      await until(() => answers(store), 'the store answers again');
      const retried = await store.appendToStream(s, batch, { expectedRevision: 0 });
      const read = await store.readStream(s);
      expect(read.map((e) => e.id)).toEqual([read[0].id, batch[0].id, batch[1].id]);
      expect(retried).toEqual({ nextRevision: 2, position: read[2].position });
    });
  }
});

describe(`EventStoreDB adapter opened while nothing listens [${TARGET}]`, () => {
  it('opens, reports unavailable, retries with growing delays, and connects once the server starts', async () => {
    const port = await freePort();
    const logger = recordingLogger();
    const store = EsdbEventStore.open({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      retry: fastRetry,
      logger,
    });
    let double: EsdbDouble | undefined;
    try {
      await expect(store.ping()).rejects.toThrow(
        new RegExp(`EventStoreDB at 127.0.0.1:${port} is unreachable`),
      );
      await until(() => logger.warnings.length >= 3, 'three connection attempts failed');
      const delays = logger.warnings.slice(0, 3).map((w) => Number(/retrying in (\d+) ms/.exec(w)?.[1]));
      expect(delays[1]).toBeGreaterThan(delays[0]);
      expect(delays[2]).toBeGreaterThan(delays[1]);
      double = await startEsdbDouble({ port });
      await until(
        () => logger.logs.includes(`Connected to EventStoreDB at 127.0.0.1:${port}`),
        'it connects',
      );
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
      await double?.stop();
    }
  });
});
