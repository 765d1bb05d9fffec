import type { Producer } from 'kafkajs';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { DLQ_HEADERS, RejectedResult } from '../../src/kafka/commands/command-result';
import {
  commandResultsTopic,
  commandsDlqTopic,
  commandsTopic,
  MAX_COMMAND_BYTES,
} from '../../src/kafka/commands/command-topics';
import { describeWithKafka, expectBrokerUp, uniquePrefix } from '../support/kafka-broker';
import { startTestApp, TestApp } from '../support/test-app';
import { commandsHealth, untilConsumer } from './support/consumer-health';
import {
  commandProducer,
  readUntil,
  registerOrganisation,
  resultsFor,
  sendCommands,
} from './support/command-messages';

const metric = (text: string, line: string): number =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${line} `))
      ?.split(' ')[1] ?? NaN,
  );

describeWithKafka('Kafka command consumer [real Kafka 4.4 broker, app over real HTTP]', (brokers) => {
  const prefix = uniquePrefix('commands');
  const topic = commandsTopic(prefix);
  let t: TestApp;
  let store: EventStore;
  let producer: Producer;

  beforeAll(async () => {
    await (await expectBrokerUp(brokers)).disconnect();
    t = await startTestApp({
      LOG_LEVEL: 'fatal',
      APP_ROLES: 'api,commands',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
    });
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
    await untilConsumer(t, (c) => c.state === 'running', 'the consumer runs');
    producer = await commandProducer(brokers);
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
  });

  it('runs commands into the store and answers each on the results topic, keyed by commandId (read by kcat)', async () => {
    const commands = Array.from({ length: 30 }, (_, i) => registerOrganisation(`reg-${i}`, `KA${100 + i}`));
    await sendCommands(
      producer,
      topic,
      commands.map((value, i) => ({
        value,
        headers: i === 0 ? { 'source-system': 'trust-pas', 'correlation-id': 'corr-0' } : undefined,
      })),
    );
    const results = await resultsFor(
      brokers,
      commandResultsTopic(prefix),
      commands.map((c) => c.commandId),
    );
    expect(results).toHaveLength(30);
    for (const { message, result } of results) {
      const odsCode = commands.find((c) => c.commandId === result.commandId)?.payload.odsCode;
      expect(result).toEqual({
        commandId: message.key,
        status: 'accepted',
        streamId: `organisation-${odsCode}`,
        revision: 0,
        position: expect.any(Number),
        eventIds: [expect.any(String)],
      });
      expect(message.headers).toMatchObject({ command: 'RegisterOrganisation', status: 'accepted' });
      const stored = await store.readStream(`organisation-${odsCode}`);
      expect(stored.map((e) => [e.id, e.type])).toEqual([
        [(result as { eventIds: string[] }).eventIds[0], 'OrganisationRegistered'],
      ]);
      expect(stored[0].metadata).toMatchObject({
        actor: `kafka:${topic}`,
        actorRole: 'programme-admin',
        authStrategy: 'service',
        causationId: result.commandId,
        sourceSystem: result.commandId === 'reg-0' ? 'trust-pas' : `kafka:${topic}`,
        correlationId: result.commandId === 'reg-0' ? 'corr-0' : result.commandId,
      });
    }
  });

  it('the same commandId twice writes one set of events and answers `replayed` with the same event ids', async () => {
    const command = registerOrganisation('twice-1', 'KB001');
    await sendCommands(producer, topic, [{ value: command }, { value: command }]);
    const messages = await readUntil(
      brokers,
      commandResultsTopic(prefix),
      (all) => all.filter((m) => m.key === 'twice-1').length === 2,
    );
    const [first, second] = messages.filter((m) => m.key === 'twice-1').map((m) => JSON.parse(m.value ?? ''));
    expect(first).toMatchObject({ status: 'accepted', revision: 0 });
    expect(second).toEqual({ ...first, status: 'replayed' });
    expect(await store.readStream('organisation-KB001')).toHaveLength(1);
  });

  it('dead-letters what is not a command message, answers refusals with the HTTP problem, and keeps going', async () => {
    const oversized = Buffer.from(
      JSON.stringify({ ...registerOrganisation('big-1', 'KC001'), padding: 'x'.repeat(MAX_COMMAND_BYTES) }),
    );
    await sendCommands(producer, topic, [
      { key: 'bad-json', raw: '{"commandId": "x", ', headers: { 'trace-id': 't-1' } },
      { value: { ...registerOrganisation('extra-1', 'KC002'), priority: 'high' } },
      { key: 'too-big', raw: oversized },
      { value: { commandId: 'unknown-1', command: 'LaunchRocket', payload: {} } },
      { value: { commandId: 'invalid-1', command: 'RegisterOrganisation', payload: { odsCode: 'not ods' } } },
      {
        value: {
          ...registerOrganisation('pii-1', 'KC003'),
          payload: {
            ...registerOrganisation('pii-1', 'KC003').payload,
            name: 'Trust of patient 943 476 5919',
          },
        },
      },
      { value: registerOrganisation('after-1', 'KC004') },
    ]);

    const dlq = (await readUntil(brokers, commandsDlqTopic(prefix), (all) => all.length >= 3)).sort((a, b) =>
      String(a.key).localeCompare(String(b.key)),
    );
    expect(dlq.map((m) => [m.key, m.headers[DLQ_HEADERS.reason]])).toEqual([
      ['bad-json', 'invalid-json'],
      ['extra-1', 'invalid-message'],
      ['too-big', 'too-large'],
    ]);
    expect(dlq[0]).toMatchObject({
      value: '{"commandId": "x", ',
      headers: { 'trace-id': 't-1', [DLQ_HEADERS.topic]: topic, [DLQ_HEADERS.offset]: expect.any(String) },
    });
    expect(dlq[1].headers[DLQ_HEADERS.detail]).toBe('Unknown fields: priority');
    expect(Buffer.from(dlq[2].value ?? '').equals(oversized)).toBe(true);

    const results = await resultsFor(brokers, commandResultsTopic(prefix), [
      'unknown-1',
      'invalid-1',
      'pii-1',
      'after-1',
    ]);
    const byId = new Map(results.map(({ result }) => [result.commandId, result]));
    const problem = (id: string) => (byId.get(id) as RejectedResult).problem;
    expect(byId.get('unknown-1')).toMatchObject({ status: 'rejected' });
    expect(problem('unknown-1')).toEqual({
      type: 'urn:always-events:problem:unknown-command',
      title: 'Unknown command',
      status: 404,
      detail: 'There is no command named LaunchRocket',
      instance: '/v1/commands/LaunchRocket',
      correlationId: 'unknown-1',
    });
    expect(problem('invalid-1')).toMatchObject({
      type: 'urn:always-events:problem:validation-error',
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: 'odsCode' })]),
    });
    expect(problem('pii-1')).toMatchObject({
      type: 'urn:always-events:problem:patient-identifiable-data',
      status: 422,
      errors: [{ field: 'name', rule: 'nhs-number', message: expect.not.stringContaining('943') }],
    });
    expect(byId.get('after-1')).toMatchObject({ status: 'accepted' });
    expect(await store.readStream('organisation-KC003')).toEqual([]);
    expect(await store.readStream('organisation-KC002')).toEqual([]);

    const health = await commandsHealth(t);
    expect(health).toMatchObject({ status: 'up', state: 'running', topic });
    expect(health.consumed.dlq).toBe(3);
    const text = await (await fetch(`${t.url}/metrics`, { headers: t.auth })).text();
    expect(metric(text, 'kafka_commands_dlq_total{reason="too-large"}')).toBe(1);
    expect(metric(text, 'kafka_commands_consumed_total{command="LaunchRocket",outcome="rejected"}')).toBe(1);
    expect(
      metric(text, 'kafka_commands_consumed_total{command="RegisterOrganisation",outcome="accepted"}'),
    ).toBe(32);
    expect(
      metric(text, 'commands_total{command="RegisterOrganisation",transport="kafka",outcome="accepted"}'),
    ).toBe(32);
    expect(metric(text, 'kafka_commands_consumer_state{state="running"}')).toBe(1);
    expect(metric(text, 'kafka_commands_consumer_lag_messages')).toBe(0);
  });

  it('answers a command on a tombstoned stream `rejected` with the 410 problem, once, and goes on', async () => {
    await store.tombstoneStream('organisation-KE001', { expectedRevision: 'no_stream' });
    await sendCommands(producer, topic, [
      { value: registerOrganisation('gone-1', 'KE001') },
      { value: registerOrganisation('after-gone-1', 'KE002') },
    ]);
    const results = await resultsFor(brokers, commandResultsTopic(prefix), ['gone-1', 'after-gone-1']);
    const byId = new Map(results.map(({ result }) => [result.commandId, result]));
    expect(byId.get('gone-1')).toEqual({
      commandId: 'gone-1',
      status: 'rejected',
      problem: expect.objectContaining({
        type: 'urn:always-events:problem:stream-deleted',
        status: 410,
        stream: 'organisation-KE001',
        tombstoned: true,
        instance: '/v1/commands/RegisterOrganisation',
      }),
    });
    expect(byId.get('after-gone-1')).toMatchObject({ status: 'accepted' });
    // Answered once: a refusal, not a failure the consumer retries.
    const answers = await readUntil(brokers, commandResultsTopic(prefix), (all) =>
      all.some((m) => m.key === 'after-gone-1'),
    );
    expect(answers.filter((m) => m.key === 'gone-1')).toHaveLength(1);
    const text = await (await fetch(`${t.url}/metrics`, { headers: t.auth })).text();
    expect(
      metric(text, 'commands_total{command="RegisterOrganisation",transport="kafka",outcome="rejected"}'),
    ).toBe(1);
    await expect(store.readStream('organisation-KE001')).rejects.toMatchObject({
      name: 'StreamDeletedError',
    });
  });
});
