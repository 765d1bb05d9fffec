import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { IntegrationEventRegistry } from '../../src/kafka/relay/integration-event-registry';
import { KafkaRelay, KafkaRelayOptions } from '../../src/kafka/relay/kafka-relay';
import { RelayState } from '../../src/kafka/relay/relay-status';
import { SqliteSharedLease } from '../../src/coordination/sqlite-shared-lease';
import { CheckpointStore } from '../../src/state/checkpoint-store';
import { openStateDatabase } from '../../src/state/state-database';
import { checkDelivery, Delivered } from '../support/delivery-check';
import { AGGREGATE_STREAMS, appendRoundRobin, testEvent } from '../support/integration-event-fixtures';
import { InMemoryKafka, SentMessage } from '../support/in-memory-kafka';

const PREFIX = 'always-events';
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

const asDelivered = (sent: readonly SentMessage[]): Delivered[] =>
  sent.map((m) => ({ topic: m.topic, partition: 0, key: m.key, headers: m.headers, value: m.value }));

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('KafkaRelay [sqlite: embedded file store, in-memory Kafka double]', () => {
  let folder: string;
  let store: SqliteEventStore;
  let checkpoints: CheckpointStore;
  let kafka: InMemoryKafka;
  const relays: KafkaRelay[] = [];

  function relay(
    options: Partial<KafkaRelayOptions> = {},
    registry = new IntegrationEventRegistry(),
  ): KafkaRelay {
    const created = new KafkaRelay(
      {
        store,
        leases: (lease) => new SqliteSharedLease(store.db, lease),
        checkpoints,
        client: kafka,
        registry,
        logger: silent,
      },
      {
        name: 'kafka-relay',
        batchSize: 100,
        topics: { prefix: PREFIX, create: true, partitions: 1, replicationFactor: 1 },
        retryDelayMs: { initial: 10, max: 50 },
        ...options,
      },
    );
    relays.push(created);
    return created;
  }

  const caughtUp = async (r: KafkaRelay): Promise<boolean> =>
    r.status().state === 'live' && (await r.lag()).lag === 0;
  /** The checkpoint every relay on the store shares. */
  const sharedCheckpoint = (): Promise<number> =>
    new SqliteSharedLease(store.db, { name: 'kafka-relay', ttlMs: 10_000 }).checkpoint();

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-relay-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), synchronous: 'NORMAL' });
    checkpoints = new CheckpointStore(openStateDatabase(join(folder, 'state.sqlite')));
    kafka = new InMemoryKafka();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await store.close();
    checkpoints.db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes a backlog in batches, then live events, each once, in stream order, and checkpoints the head', async () => {
    const backlog = await appendRoundRobin(store, AGGREGATE_STREAMS, 1_000);
    const r = relay();
    r.start();
    await until(() => caughtUp(r), 'the backlog is published');
    expect(kafka.sends.length).toBeLessThan(100);
    const live = await appendRoundRobin(store, AGGREGATE_STREAMS, 50, 1_000);
    await until(() => kafka.sent.length === 1_050, 'live events are published');

    const report = checkDelivery([...backlog, ...live], asDelivered(kafka.sent), PREFIX);
    expect(report).toEqual({ problems: [], duplicates: 0 });
    // Commits are spaced out (commitEveryMs) while busy; what was acknowledged is committed soon after.
    const head = await store.headPosition();
    await until(async () => (await sharedCheckpoint()) === head, 'the head is committed');
    expect([...kafka.topics.keys()].sort()).toEqual(relayTopics(PREFIX).sort());
    expect(r.status()).toMatchObject({ state: 'live', published: 1_050, failures: 0 });
  });

  it('keeps the checkpoint until the broker acknowledges, then resends from it: duplicates, no loss, order kept', async () => {
    const appended = await appendRoundRobin(store, AGGREGATE_STREAMS, 300);
    kafka.failNextSends(3);
    const r = relay({ batchSize: 50 });
    r.start();
    await until(() => r.status().failures >= 1, 'the first send has failed');
    expect(await sharedCheckpoint()).toBe(0);
    await until(() => caughtUp(r), 'the relay has recovered');

    const report = checkDelivery(appended, asDelivered(kafka.sent), PREFIX);
    expect(report.problems).toEqual([]);
    expect(report.duplicates).toBeGreaterThan(0);
    expect(r.status()).toMatchObject({ failures: 3, lastError: { message: 'broker unavailable' } });
  });

  it('resumes after its checkpoint when restarted', async () => {
    const first = await appendRoundRobin(store, AGGREGATE_STREAMS, 100);
    const r1 = relay();
    r1.start();
    await until(() => caughtUp(r1), 'the first relay caught up');
    await r1.stop();
    const second = await appendRoundRobin(store, AGGREGATE_STREAMS, 100, 100);
    const r2 = relay();
    r2.start();
    await until(() => caughtUp(r2), 'the second relay caught up');
    expect(checkDelivery([...first, ...second], asDelivered(kafka.sent), PREFIX)).toEqual({
      problems: [],
      duplicates: 0,
    });
  });

  it('splits a batch into requests under the byte limit', async () => {
    const appended = await appendRoundRobin(store, AGGREGATE_STREAMS, 40);
    const r = relay({ maxRequestBytes: 4_000 });
    r.start();
    await until(() => caughtUp(r), 'published');
    expect(Math.max(...kafka.sends)).toBeLessThan(40);
    expect(checkDelivery(appended, asDelivered(kafka.sent), PREFIX).problems).toEqual([]);
  });

  it('passes over streams that are not an aggregate type, still moving the checkpoint to the head', async () => {
    await store.appendToStream('crash-1', [testEvent(1), testEvent(2)]);
    await store.appendToStream('always-1', [testEvent(3)]);
    const r = relay();
    r.start();
    await until(() => caughtUp(r), 'caught up');
    expect(kafka.sent).toEqual([]);
    expect(r.status()).toMatchObject({ skipped: 3, checkpoint: 3 });
  });

  it('publishes registered types at their public schema version and data', async () => {
    const registry = new IntegrationEventRegistry([
      {
        type: 'RelayTestEventRecorded',
        schemaVersion: 2,
        toData: (data) => ({ public: (data as { n: number }).n }),
      },
    ]);
    await store.appendToStream('measure-1', [testEvent(7)]);
    const r = relay({}, registry);
    r.start();
    await until(() => caughtUp(r), 'published');
    expect(JSON.parse(kafka.sent[0].value)).toMatchObject({ schemaVersion: 2, data: { public: 7 } });
  });

  it('stops with an error naming the missing topics when it may not create them', async () => {
    await store.appendToStream('measure-1', [testEvent(1)]);
    const r = relay({ topics: { prefix: PREFIX, create: false, partitions: 1, replicationFactor: 1 } });
    r.start();
    await until(() => r.status().failures >= 1, 'it failed');
    expect(r.status().state).toBe<RelayState>('retrying');
    expect(r.status().lastError?.message).toMatch(
      /^Kafka topics missing: always-events\.programme\.v1, .*always-events\.evaluation\.v1, always-events\.personal-data\.v1, always-events\.worklist\.v1\. .*KAFKA_CREATE_TOPICS=true/,
    );
    expect(await sharedCheckpoint()).toBe(0);

    await kafka
      .admin()
      .createTopics(relayTopics(PREFIX).map((topic) => ({ topic, partitions: 1, replicationFactor: 1 })));
    await until(() => caughtUp(r), 'published once the topics exist');
    expect(kafka.sent).toHaveLength(1);
  });

  it('lets one relay publish per store: a second waits on standby and takes over when the first stops', async () => {
    const first = await appendRoundRobin(store, AGGREGATE_STREAMS, 50);
    const active = relay();
    active.start();
    await until(() => caughtUp(active), 'the first relay caught up');
    const standby = relay();
    standby.start();
    await until(() => standby.status().state === 'standby', 'the second relay is on standby');
    const second = await appendRoundRobin(store, AGGREGATE_STREAMS, 50, 50);
    await until(() => kafka.sent.length === 100, 'the first relay published the new events');
    expect(standby.status()).toMatchObject({ state: 'standby', published: 0 });

    await active.stop();
    const third = await appendRoundRobin(store, AGGREGATE_STREAMS, 50, 100);
    await until(() => caughtUp(standby), 'the second relay took over');
    expect(checkDelivery([...first, ...second, ...third], asDelivered(kafka.sent), PREFIX)).toEqual({
      problems: [],
      duplicates: 0,
    });
  });

  it('starts from a checkpoint this instance kept in its state file before the shared one existed', async () => {
    await appendRoundRobin(store, AGGREGATE_STREAMS, 30);
    checkpoints.set('kafka-relay', await store.headPosition());
    const fresh = await appendRoundRobin(store, AGGREGATE_STREAMS, 20, 30);
    const r = relay();
    r.start();
    await until(() => caughtUp(r), 'published');
    expect(kafka.sent).toHaveLength(20);
    expect(checkDelivery(fresh, asDelivered(kafka.sent), PREFIX).problems).toEqual([]);
  });
});
