import { Admin, ConfigResourceTypes } from 'kafkajs';
import type { KafkaAdmin, OutgoingMessage } from '../../src/kafka/kafka-port';
import { KafkajsClient } from '../../src/kafka/kafkajs/kafkajs-client';
import {
  consumeWithKafkajs,
  consumeWithKcat,
  describeWithKafka,
  expectBrokerUp,
  testKafka,
  uniquePrefix,
} from '../support/kafka-broker';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Evidence that kafkajs 2.2.4 works with Kafka 4.4 (docs/architecture/decisions.md, "Kafka"):
 * admin, idempotent producer and consumer groups through our port, checked by
 * independent readers.
 */
describeWithKafka('Kafka port on kafkajs 2.2.4 [real Kafka 4.4 broker]', (brokers) => {
  const client = new KafkajsClient({ brokers, clientId: 'aet-port-test' }, silent);
  const prefix = uniquePrefix('port');
  let raw: Admin;
  let admin: KafkaAdmin;

  beforeAll(async () => {
    raw = await expectBrokerUp(brokers);
    admin = client.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await raw?.disconnect();
  });

  const createTopic = async (name: string, partitions: number): Promise<string> => {
    const topic = `${prefix}.${name}`;
    await admin.createTopics([{ topic, partitions, replicationFactor: 1 }]);
    return topic;
  };

  it('creates topics with their partitions and config, and creating them again changes nothing', async () => {
    const spec = {
      topic: `${prefix}.created`,
      partitions: 3,
      replicationFactor: 1,
      config: { 'max.message.bytes': '2097152' },
    };
    await admin.createTopics([spec]);
    await admin.createTopics([spec]);
    expect(await admin.listTopics()).toContain(spec.topic);
    const metadata = await raw.fetchTopicMetadata({ topics: [spec.topic] });
    expect(metadata.topics[0].partitions).toHaveLength(3);
    const configs = await raw.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.topic, configNames: ['max.message.bytes'] }],
      includeSynonyms: false,
    });
    expect(configs.resources[0].configEntries[0].configValue).toBe('2097152');
  });

  it('produces idempotently with acks=all: per key in order on one partition, headers intact (read by kcat)', async () => {
    const topic = await createTopic('produced', 3);
    const producer = client.producer();
    await producer.connect();
    const keys = ['organisation-RYX', 'always-event-1', 'pdsa-2', 'measure-3', 'programme-x', 'evaluation-4'];
    for (let round = 0; round < 3; round++) {
      const messages: OutgoingMessage[] = Array.from({ length: 120 }, (_, i) => {
        const seq = round * 20 + Math.floor(i / keys.length);
        const key = keys[i % keys.length];
        return {
          key,
          value: JSON.stringify({ key, seq }),
          headers: { 'event-id': `${key}:${seq}`, seq: String(seq) },
        };
      });
      await producer.send([{ topic, messages }]);
    }
    await producer.disconnect();

    const read = await consumeWithKcat(brokers, topic);
    expect(read).toHaveLength(360);
    for (const key of keys) {
      const ofKey = read.filter((m) => m.key === key);
      expect(ofKey.map((m) => Number(m.headers.seq))).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.every((m) => m.headers['event-id'] === `${key}:${m.headers.seq}`)).toBe(true);
    }

    // Record batches written by an idempotent producer carry its producer id (-1 otherwise).
    const producerIds = new Set<string>();
    const consumer = testKafka(brokers).consumer({ groupId: uniquePrefix('pid') });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async ({ message }) => {
        const context = (message as unknown as { batchContext: { producerId: string } }).batchContext;
        producerIds.add(String(context.producerId));
        seen++;
      },
    });
    await until(() => seen === 360, 'every record was read');
    await consumer.disconnect();
    expect(producerIds.size).toBe(1);
    expect(Number([...producerIds][0])).toBeGreaterThanOrEqual(0);
  });

  it('consumer groups: redeliver what a handler failed, commit after handling, resume after the commit', async () => {
    const topic = await createTopic('grouped', 1);
    const groupId = uniquePrefix('group');
    const producer = client.producer();
    await producer.connect();
    const send = (from: number, to: number): Promise<void> =>
      producer.send([
        {
          topic,
          messages: Array.from({ length: to - from }, (_, i) => ({
            key: 'k',
            value: `v${from + i}`,
            headers: {},
          })),
        },
      ]);
    await send(0, 10);

    const first: string[] = [];
    let failed = false;
    const a = client.consumer({ groupId });
    await a.connect();
    await a.subscribe([topic], { fromBeginning: true });
    await a.run(async (message) => {
      first.push(message.value ?? '');
      if (message.value === 'v3' && !failed) {
        failed = true;
        throw new Error('handler failed once');
      }
    });
    await until(() => first.includes('v9'), 'the first member read to the end');
    await a.disconnect();
    expect(first).toEqual(['v0', 'v1', 'v2', 'v3', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9']);

    await send(10, 15);
    await producer.disconnect();
    const second: string[] = [];
    const b = client.consumer({ groupId });
    await b.connect();
    await b.subscribe([topic], { fromBeginning: true });
    await b.run(async (message) => {
      second.push(message.value ?? '');
    });
    await until(() => second.length >= 5, 'the second member read the new messages');
    await b.disconnect();
    expect(second).toEqual(['v10', 'v11', 'v12', 'v13', 'v14']);
    const [offsets] = await raw.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets.partitions).toEqual([{ partition: 0, offset: '15', metadata: null }]);

    // An unrelated group still reads everything: the commits were the group's own.
    expect(await consumeWithKafkajs(brokers, [topic], 15)).toHaveLength(15);
  });
});
