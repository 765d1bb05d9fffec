import type { Admin } from 'kafkajs';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { checkDelivery, Delivered } from '../support/delivery-check';
import { AGGREGATE_STREAMS, appendRoundRobin, testEvent } from '../support/integration-event-fixtures';
import {
  consumeWithKafkajs,
  consumeWithKcat,
  describeWithKafka,
  expectBrokerUp,
  uniquePrefix,
} from '../support/kafka-broker';
import { relayHealth, untilRelay } from '../support/relay-health';
import { startTestApp, TestApp } from '../support/test-app';

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

describeWithKafka('Kafka relay round trip [real Kafka 4.4 broker, app over real HTTP]', (brokers) => {
  let admin: Admin;
  const apps: TestApp[] = [];

  const start = async (prefix: string, env: Record<string, string> = {}): Promise<TestApp> => {
    const t = await startTestApp({
      LOG_LEVEL: 'error',
      APP_ROLES: 'api,relay',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      ...env,
    });
    apps.push(t);
    return t;
  };

  beforeAll(async () => {
    admin = await expectBrokerUp(brokers);
  });

  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    await admin?.disconnect();
  });

  it('publishes appended events to one topic per aggregate: keys, headers, schema-valid values, stream order (kafkajs and kcat)', async () => {
    const prefix = uniquePrefix('roundtrip');
    const t = await start(prefix);
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const appended = await appendRoundRobin(store, AGGREGATE_STREAMS, 400);
    await store.appendToStream('crash-1', [testEvent(1)]);
    const head = await store.headPosition();
    const relay = await untilRelay(t, (r) => r.state === 'live' && r.lag === 0, 'the relay caught up');
    expect(relay).toMatchObject({ status: 'up', checkpoint: head, headPosition: head, published: 400 });

    const topics = relayTopics(prefix);
    const byKafkajs = await consumeWithKafkajs(brokers, topics, 400);
    expect(checkDelivery(appended, byKafkajs, prefix)).toEqual({ problems: [], duplicates: 0 });
    const byKcat: Delivered[] = (
      await Promise.all(topics.map((topic) => consumeWithKcat(brokers, topic)))
    ).flat();
    expect(checkDelivery(appended, byKcat, prefix)).toEqual({ problems: [], duplicates: 0 });
    expect(new Set(byKcat.map((m) => m.topic))).toEqual(new Set(topics));

    const metrics = await (await fetch(`${t.url}/metrics`, { headers: t.auth })).text();
    expect(metric(metrics, 'kafka_relay_published_events_total')).toBe(400);
    expect(metric(metrics, 'kafka_relay_skipped_events_total')).toBe(1);
    expect(metric(metrics, 'kafka_relay_lag_positions')).toBe(0);
    expect(metric(metrics, 'kafka_relay_checkpoint_position')).toBe(head);
  });

  it('with KAFKA_CREATE_TOPICS=false, names the missing topics in /health/ready, keeps the API ready, and publishes once they exist', async () => {
    const prefix = uniquePrefix('notopics');
    const t = await start(prefix, { KAFKA_CREATE_TOPICS: 'false' });
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const appended = await appendRoundRobin(store, AGGREGATE_STREAMS, 16);
    const failing = await untilRelay(
      t,
      (r) => r.state === 'retrying',
      'the relay reports the missing topics',
    );
    expect(failing.lastError?.message).toMatch(
      new RegExp(`^Kafka topics missing: ${prefix}\\.programme\\.v1, .*KAFKA_CREATE_TOPICS=true`),
    );
    expect(failing.lag).toBe(await store.headPosition());
    expect((await relayHealth(t)).httpStatus).toBe(200);

    await admin.createTopics({
      topics: relayTopics(prefix).map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    await untilRelay(
      t,
      (r) => r.state === 'live' && r.lag === 0,
      'the relay published after the topics appeared',
    );
    const delivered = await consumeWithKafkajs(brokers, relayTopics(prefix), 16);
    expect(checkDelivery(appended, delivered, prefix)).toEqual({ problems: [], duplicates: 0 });
  });
});
