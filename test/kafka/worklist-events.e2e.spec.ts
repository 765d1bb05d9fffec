import type { Admin } from 'kafkajs';
import { worklistStream } from '../../src/domain/worklist';
import { EVENT_STORE } from '../../src/event-store/port';
import type { EventStore } from '../../src/event-store/port';
import { topicFor } from '../../src/kafka/relay/aggregate-topics';
import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../commands/command-client';
import { schemaErrors } from '../support/integration-event-schemas';
import {
  consumeWithKafkajs,
  describeWithKafka,
  distinctEvents,
  expectBrokerUp,
  uniquePrefix,
} from '../support/kafka-broker';
import { untilRelay } from '../support/relay-health';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { submitReturn } from '../projections/worklist/worklist-fixtures';

const STREAM = worklistStream(programmeSlug);

/**
 * The whole chain on its own schedule: the evaluator (every 200 ms, under its
 * lease) records an overdue return opening, revised and closing as the pinned
 * clock, a raised threshold and a submitted return change the worklist, and
 * the relay publishes all three to the worklist topic with no publishing code
 * of their own, read back by an
 * independent consumer and checked against the published schemas.
 */
describeWithKafka(
  `worklist items opening, revised and closing published on Kafka [${storeUnderTest}, real HTTP, real Kafka broker]`,
  (brokers) => {
    const prefix = uniquePrefix('worklist');
    let clock = new Date('2017-09-01T09:00:00Z');
    let t: TestApp;
    let client: CommandClient;
    let store: EventStore;
    let kafka: Admin;
    const types = async () => (await store.readStream(STREAM)).map((e) => e.type);

    beforeAll(async () => {
      kafka = await expectBrokerUp(brokers);
      t = await startTestApp(
        {
          LOG_LEVEL: 'error',
          APP_ROLES: 'api,relay',
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          WORKLIST_EVALUATE_INTERVAL_MS: '200',
        },
        { now: () => clock },
      );
      client = commandClient(t.url);
      store = t.app.get<EventStore>(EVENT_STORE);
      await launchProgrammeWith(client, ['RYX']);
      clock = new Date('2017-10-02T09:00:00Z');
      expectCreated(await (await readyToEnrol(client, 'RYX')).enrol());
    }, 120_000);

    afterAll(async () => {
      await t?.close();
      await kafka?.disconnect();
    });

    it('publishes WorklistItemOpened when a return becomes overdue, WorklistItemRevised when a threshold moves it, and WorklistItemClosed when it comes', async () => {
      clock = new Date('2017-12-31T09:00:00Z');
      await until(async () => (await types()).length === 1, 'the overdue return was recorded open');
      clock = new Date('2018-01-15T09:00:00Z');
      expectCreated(
        await client.post('SetWorklistThresholds', {
          programmeSlug,
          returnOverdueDays: 40,
          pdsaQuietWeeks: 8,
          statementAwaitingWeeks: 6,
          sustainmentPlanWeeks: 12,
        }),
      );
      await until(async () => (await types()).length === 2, 'the raised threshold was recorded');
      await submitReturn(client, 'RYX', '2017-10', '2018-01-15');
      await until(async () => (await types()).length === 3, 'the overdue return was recorded closed');
      expect(await types()).toEqual(['WorklistItemOpened', 'WorklistItemRevised', 'WorklistItemClosed']);
      const recorded = await store.readStream(STREAM);

      await untilRelay(t, (r) => r.state === 'live' && r.lag === 0, 'the relay caught up');
      const topic = topicFor(prefix, 'worklist');
      // Delivery is at least once (docs/integrators/integration-events.md): a relay retry under load may repeat
      // a message, so the topic is read until it holds three events, each taken at its first delivery.
      const read = await consumeWithKafkajs(brokers, [topic], distinctEvents(3));
      const delivered = read.filter(
        (d, i) => read.findIndex((e) => e.headers['event-id'] === d.headers['event-id']) === i,
      );
      expect(delivered.map((d) => [d.key, d.headers['event-type'], d.headers['event-id']])).toEqual(
        recorded.map((e) => [STREAM, e.type, e.id]),
      );
      const values = delivered.map((d) => JSON.parse(d.value as string) as Record<string, unknown>);
      expect(values.map(schemaErrors)).toEqual([[], [], []]);
      const subject = {
        rule: 'return-overdue',
        programmeSlug,
        odsCode: 'RYX',
        alwaysEventId: null,
        period: '2017-10',
      };
      const raised = { since: '2018-01-09', threshold: { setting: 'returnOverdueDays', value: 40 } };
      expect(values).toMatchObject([
        {
          type: 'WorklistItemOpened',
          streamId: STREAM,
          data: {
            ...subject,
            since: '2017-12-30',
            threshold: { setting: 'returnOverdueDays', value: 30 },
            openedOn: '2017-12-31',
          },
        },
        {
          type: 'WorklistItemRevised',
          streamId: STREAM,
          data: { ...subject, ...raised, revisedOn: '2018-01-15' },
        },
        {
          type: 'WorklistItemClosed',
          streamId: STREAM,
          data: { ...subject, ...raised, closedOn: '2018-01-15' },
        },
      ]);
    }, 90_000);
  },
);
