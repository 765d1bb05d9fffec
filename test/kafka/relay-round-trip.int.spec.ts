import type { Admin } from 'kafkajs';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { checkDelivery, Delivered } from '../support/delivery-check';
import {
  AGGREGATE_STREAMS,
  Appended,
  appendRoundRobin,
  legacyMeasurement,
  testEvent,
} from '../support/integration-event-fixtures';
import { dataSchemaNames } from '../support/integration-event-schemas';
import {
  consumeWithKafkajs,
  consumeWithKcat,
  describeWithKafka,
  expectBrokerUp,
  uniquePrefix,
} from '../support/kafka-broker';
import { relayHealth, untilRelay } from '../support/relay-health';
import { startTestApp, TestApp } from '../support/test-app';
import { metricSample as metric } from '../support/metric-sample';

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

  it('commands over HTTP → integration events: every domain event published with a registered, valid data schema, a v1 measurement upcast to v2 (kafkajs and kcat)', async () => {
    const prefix = uniquePrefix('http');
    const t = await start(prefix);
    const appended: Appended[] = [];
    let n = 0;
    const send = async (name: string, body: object): Promise<void> => {
      const correlationId = `http-${++n}`;
      const response = await fetch(`${t.url}/v1/commands/${name}`, {
        method: 'POST',
        headers: {
          ...t.auth,
          'content-type': 'application/json',
          'idempotency-key': `round-trip-${n}`,
          'x-correlation-id': correlationId,
        },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { streamId: string; revision: number; eventIds: string[] };
      expect({ name, status: response.status }).toEqual({ name, status: 201 });
      result.eventIds.forEach((id, k) =>
        appended.push({
          id,
          streamId: result.streamId,
          revision: result.revision - result.eventIds.length + 1 + k,
          correlationId,
        }),
      );
    };
    const programmeSlug = 'always-events-england';
    const odsCodes = Array.from({ length: 20 }, (_, i) => `RH${String(i).padStart(2, '0')}`);
    for (const odsCode of odsCodes) {
      const organisation = { odsCode, name: `NHS trust ${odsCode}`, type: 'AcuteTrust', regionCode: 'Y56' };
      await send('RegisterOrganisation', { ...organisation, isNhsTrust: true, openDate: '2005-04-01' });
      await send('RenameOrganisation', {
        odsCode,
        newName: `${odsCode} NHS Foundation Trust`,
        effectiveDate: '2019-04-01',
      });
    }
    const programme = { programmeSlug, name: 'Always Events England', sponsors: ['NHS England'] };
    await send('LaunchProgramme', { ...programme, startDate: '2015-01-01' });
    await send('DefinePhase', { programmeSlug, phaseId: 'spread', name: 'Spread', startDate: '2017-01-01' });
    for (const odsCode of odsCodes)
      await send('ExpressInterest', { programmeSlug, odsCode, expressedOn: '2017-09-01' });
    // A measurement stored at schemaVersion 1 (one percentage), as the first returns were, before the upcaster.
    const legacy = legacyMeasurement();
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const { nextRevision } = await store.appendToStream(legacy.streamId, [legacy.event]);
    appended.push({
      id: legacy.event.id,
      streamId: legacy.streamId,
      revision: nextRevision,
      correlationId: legacy.event.metadata.correlationId,
    });
    await untilRelay(
      t,
      (r) => r.state === 'live' && r.published >= appended.length,
      'the relay published the commands',
    );

    const topics = relayTopics(prefix);
    const byKafkajs = await consumeWithKafkajs(brokers, topics, appended.length);
    expect(checkDelivery(appended, byKafkajs, prefix)).toEqual({ problems: [], duplicates: 0 });
    const byKcat = (await Promise.all(topics.map((topic) => consumeWithKcat(brokers, topic)))).flat();
    expect(checkDelivery(appended, byKcat, prefix)).toEqual({ problems: [], duplicates: 0 });
    const published = byKcat.map(
      (m) => JSON.parse(m.value ?? '') as { type: string; schemaVersion: number; data: unknown },
    );
    const types = new Set(published.map((e) => `${e.type}.v${e.schemaVersion}`));
    expect([...types].sort()).toEqual([
      'InterestExpressed.v1',
      'MeasurementRecorded.v2',
      'OrganisationRegistered.v1',
      'OrganisationRenamed.v1',
      'ProgrammeLaunched.v1',
      'ProgrammePhaseDefined.v1',
    ]);
    for (const type of types) expect(dataSchemaNames()).toContain(type);
    expect(published.find((e) => e.type === 'MeasurementRecorded')).toMatchObject({
      data: { numerator: 85, denominator: 100, upcastFrom: { schemaVersion: 1, percentage: 85.4 } },
    });
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
