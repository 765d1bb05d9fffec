import type { Producer } from 'kafkajs';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import type { RejectedResult } from '../../src/kafka/commands/command-result';
import { commandResultsTopic, commandsTopic } from '../../src/kafka/commands/command-topics';
import { launchProgrammeWith, commandClient, programmeSlug } from '../commands/command-client';
import { describeWithKafka, expectBrokerUp, uniquePrefix } from '../support/kafka-broker';
import { startTestApp, TestApp } from '../support/test-app';
import { untilConsumer } from './support/consumer-health';
import { commandProducer, registerOrganisation, resultsFor, sendCommands } from './support/command-messages';

const interest = (commandId: string, odsCode: string) => ({
  commandId,
  command: 'ExpressInterest',
  payload: { programmeSlug, odsCode, expressedOn: '2017-09-01' },
});

describeWithKafka('Kafka command principals [real Kafka 4.4 broker, app over real HTTP]', (brokers) => {
  const apps: TestApp[] = [];
  let producer: Producer;

  const start = async (prefix: string, principal?: string): Promise<TestApp> => {
    const t = await startTestApp({
      LOG_LEVEL: 'fatal',
      APP_ROLES: 'api,commands',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      ...(principal ? { KAFKA_COMMANDS_PRINCIPAL: principal } : {}),
    });
    apps.push(t);
    await untilConsumer(t, (c) => c.state === 'running', 'the consumer runs');
    return t;
  };

  beforeAll(async () => {
    await (await expectBrokerUp(brokers)).disconnect();
    producer = await commandProducer(brokers);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(apps.map((t) => t.close()));
  });

  it('runs as the topic’s organisation-scoped principal: its own organisation passes, another is refused (403) and nothing written', async () => {
    const prefix = uniquePrefix('scope');
    const t = await start(prefix, 'submitter:RYX');
    await launchProgrammeWith(commandClient(t.url), ['RYX', 'RJ1']);
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    await sendCommands(producer, commandsTopic(prefix), [
      { value: interest('theirs-1', 'RJ1') },
      { value: { ...interest('theirs-2', 'RJ1'), payload: { odsCode: 'RJ1', extra: 'invalid too' } } },
      { value: interest('ours-1', 'RYX') },
      { value: registerOrganisation('admin-only-1', 'KD001') },
    ]);
    const results = await resultsFor(brokers, commandResultsTopic(prefix), [
      'theirs-1',
      'theirs-2',
      'ours-1',
      'admin-only-1',
    ]);
    const byId = new Map(results.map(({ result }) => [result.commandId, result]));
    for (const id of ['theirs-1', 'theirs-2']) {
      expect((byId.get(id) as RejectedResult).problem).toMatchObject({
        status: 403,
        detail: "ExpressInterest concerns an organisation outside this credential's organisations",
      });
    }
    expect((byId.get('admin-only-1') as RejectedResult).problem).toMatchObject({
      status: 403,
      detail: 'The role submitter may not run RegisterOrganisation',
    });
    expect(byId.get('ours-1')).toMatchObject({
      status: 'accepted',
      streamId: `participation-${programmeSlug}.RYX`,
    });
    expect(await store.readStream(`participation-${programmeSlug}.RJ1`)).toEqual([]);
    const [written] = await store.readStream(`participation-${programmeSlug}.RYX`);
    expect(written.metadata).toMatchObject({
      actor: `kafka:${commandsTopic(prefix)}`,
      actorRole: 'submitter',
    });
  });

  it('refuses every command (403) when KAFKA_COMMANDS_PRINCIPAL names no principal for the topic', async () => {
    const prefix = uniquePrefix('noprincipal');
    await start(prefix, 'other.commands.v1=programme-admin:*');
    await sendCommands(producer, commandsTopic(prefix), [
      { value: registerOrganisation('nobody-1', 'KD002') },
    ]);
    const [{ result }] = await resultsFor(brokers, commandResultsTopic(prefix), ['nobody-1']);
    expect((result as RejectedResult).problem).toMatchObject({
      status: 403,
      detail: expect.stringMatching(/^No principal is configured for the topic .*KAFKA_COMMANDS_PRINCIPAL/),
    });
  });
});
