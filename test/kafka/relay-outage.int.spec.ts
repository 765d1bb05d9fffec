import { EVENT_STORE, EventStore } from '../../src/event-store';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { checkDelivery } from '../support/delivery-check';
import { AGGREGATE_STREAMS } from '../support/integration-event-fixtures';
import {
  consumeWithKafkajs,
  distinctEvents,
  consumeWithKcat,
  describeWithKafka,
  uniquePrefix,
} from '../support/kafka-broker';
import { LocalKafkaBroker } from '../support/local-kafka-broker';
import { SteadyAppender } from '../support/steady-appender';
import { relayHealth, untilRelay } from '../support/relay-health';
import { startTestApp, TestApp } from '../support/test-app';

const OUTAGE_MS = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Stops a broker of its own, so the tests sharing KAFKA_BROKERS are not disturbed.
describeWithKafka('Kafka relay through a broker outage [real Kafka 4.4 broker stopped for 30 s]', () => {
  let broker: LocalKafkaBroker;
  let t: TestApp | undefined;

  beforeAll(async () => {
    broker = await LocalKafkaBroker.create();
    await broker.start();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await broker?.dispose();
  }, 60_000);

  it('keeps appending while the broker is down, reports it, and delivers every event after the restart, in stream order', async () => {
    const prefix = uniquePrefix('outage');
    t = await startTestApp({
      LOG_LEVEL: 'fatal',
      APP_ROLES: 'api,relay',
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '3',
    });
    const app = t;
    const store = app.app.get<symbol, EventStore>(EVENT_STORE);
    const appender = new SteadyAppender(store, AGGREGATE_STREAMS, 50);
    await untilRelay(app, (r) => r.state === 'live' && r.published > 20, 'the relay is publishing', 60_000);

    await broker.stop();
    const stoppedAt = Date.now();
    await untilRelay(
      app,
      (r) => r.state !== 'live' && r.lastError !== undefined,
      'the relay reports the outage',
      OUTAGE_MS,
    );
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    const { relay: during } = await relayHealth(app);
    const appendedBeforeRestart = appender.appended.length;
    await broker.start();
    await sleep(3_000);
    const appended = await appender.stop();

    expect(appender.failures).toEqual([]);
    expect(during.state).not.toBe('live');
    expect(during.lag).toBeGreaterThan(0);
    expect(during.failures).toBeGreaterThan(0);
    await untilRelay(
      app,
      (r) => r.state === 'live' && r.lag === 0,
      'the relay caught up after the restart',
      90_000,
    );

    const topics = relayTopics(prefix);
    // After an outage the relay may publish some events twice (at-least-once): read until every event has come.
    const delivered = await consumeWithKafkajs(broker.brokers, topics, distinctEvents(appended.length));
    const report = checkDelivery(appended, delivered, prefix);
    expect(report.problems).toEqual([]);
    const byKcat = (await Promise.all(topics.map((topic) => consumeWithKcat(broker.brokers, topic)))).flat();
    expect(checkDelivery(appended, byKcat, prefix).problems).toEqual([]);
    console.log(
      `outage: ${appended.length} events appended (${appendedBeforeRestart} before the restart), ` +
        `${delivered.length} messages read, ${report.duplicates} duplicates, relay failures ${during.failures}: ${during.lastError?.message}`,
    );
  }, 240_000);
});
