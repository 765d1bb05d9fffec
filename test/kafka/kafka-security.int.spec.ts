import { loadConfig } from '../../src/config/load-config';
import { kafkaConnection } from '../../src/kafka/kafka-connection';
import { KafkajsClient } from '../../src/kafka/kafkajs/kafkajs-client';
import { describeWithKafka, uniquePrefix } from '../support/kafka-broker';
import { LocalKafkaBroker } from '../support/local-kafka-broker';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The service's client built from these settings, as the app builds it. */
const clientFor = (env: Record<string, string>): KafkajsClient =>
  new KafkajsClient(kafkaConnection(loadConfig(env)), silent);

/** Creates a topic, sends to it and reads it back through the port; the error when any step fails. */
async function roundTrip(client: KafkajsClient): Promise<string[]> {
  const admin = client.admin();
  await admin.connect();
  const topic = uniquePrefix('secure');
  try {
    await admin.createTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
  } finally {
    await admin.disconnect();
  }
  const producer = client.producer();
  await producer.connect();
  await producer.send([{ topic, messages: [{ key: 'organisation-RYX', value: 'hello', headers: {} }] }]);
  await producer.disconnect();
  const consumer = client.consumer({ groupId: uniquePrefix('secure') });
  const read: string[] = [];
  await consumer.connect();
  await consumer.subscribe([topic], { fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run(async (message) => {
      read.push(message.value ?? '');
      resolve();
    });
  });
  await consumer.disconnect();
  return read;
}

// A broker of its own: the shared one at KAFKA_BROKERS may not have these listeners.
describeWithKafka('Kafka TLS and SASL settings [real Kafka 4.4 broker: SASL/PLAIN and TLS listeners]', () => {
  let broker: LocalKafkaBroker;

  beforeAll(async () => {
    broker = await LocalKafkaBroker.create();
    await broker.start();
  }, 120_000);

  afterAll(async () => broker?.dispose(), 60_000);

  it('works over SASL/PLAIN with the configured user, and is refused with a wrong password', async () => {
    const sasl = {
      KAFKA_BROKERS: broker.saslBrokers.join(','),
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'relay',
    };
    expect(await roundTrip(clientFor({ ...sasl, KAFKA_SASL_PASSWORD: 'relay-secret' }))).toEqual(['hello']);
    await expect(roundTrip(clientFor({ ...sasl, KAFKA_SASL_PASSWORD: 'wrong' }))).rejects.toThrow(
      /SASL PLAIN authentication failed/,
    );
  }, 60_000);

  it('works over TLS trusting KAFKA_SSL_CA_FILE, and refuses the self-signed broker without it', async () => {
    const tls = { KAFKA_BROKERS: broker.sslBrokers.join(',') };
    expect(await roundTrip(clientFor({ ...tls, KAFKA_SSL_CA_FILE: broker.caFile }))).toEqual(['hello']);
    await expect(roundTrip(clientFor({ ...tls, KAFKA_SSL: 'true' }))).rejects.toThrow(
      /self[- ]signed certificate/,
    );
  }, 60_000);
});
