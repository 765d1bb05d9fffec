import { IHeaders, Kafka, logLevel, Partitioners, SASLOptions } from 'kafkajs';
import { rootCertificates } from 'node:tls';
import {
  ConsumedMessage,
  ConsumerOptions,
  KafkaAdmin,
  KafkaClient,
  KafkaConnection,
  KafkaConsumer,
  KafkaProducer,
  TopicMessages,
  TopicSpec,
} from '../kafka-port';
import { kafkajsLogCreator, KafkaLogger } from './kafkajs-log';

export interface KafkajsClientOptions {
  /**
   * How long a send keeps retrying before it fails. Bounded, so the relay
   * notices an outage, reports it and restarts with a fresh producer.
   */
  producerRetry?: { retries: number; initialRetryTime: number; maxRetryTime: number };
}

const DEFAULT_PRODUCER_RETRY = { retries: 6, initialRetryTime: 300, maxRetryTime: 5_000 };

function headerValues(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/** The KafkaClient port on kafkajs 2.2.4. */
export class KafkajsClient implements KafkaClient {
  private readonly kafka: Kafka;
  /** The same cluster, asked once with short timeouts: for probes that must fail fast. */
  private readonly prober: Kafka;

  constructor(
    connection: KafkaConnection,
    logger: KafkaLogger,
    private readonly options: KafkajsClientOptions = {},
  ) {
    const reach = {
      brokers: connection.brokers,
      clientId: connection.clientId,
      // A `ca` list replaces Node's trusted authorities, so the extra one joins them rather than standing alone.
      ssl: connection.tls
        ? connection.tls.ca
          ? { ca: [...rootCertificates, connection.tls.ca] }
          : true
        : undefined,
      // The port's mechanisms are a subset of kafkajs's; TypeScript cannot narrow the union field by field.
      sasl: connection.sasl as SASLOptions | undefined,
    };
    this.kafka = new Kafka({ ...reach, logLevel: logLevel.WARN, logCreator: kafkajsLogCreator(logger) });
    this.prober = new Kafka({
      ...reach,
      clientId: `${connection.clientId}-probe`,
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
  }

  async probe(): Promise<void> {
    const admin = this.prober.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  producer(): KafkaProducer {
    const producer = this.kafka.producer({
      idempotent: true,
      // One request in flight per broker: kafkajs has had sequence-number bugs with concurrent idempotent sends.
      maxInFlightRequests: 1,
      // Java-compatible murmur2, so other producers of these topics put a stream on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      retry: this.options.producerRetry ?? DEFAULT_PRODUCER_RETRY,
    });
    return {
      connect: () => producer.connect(),
      disconnect: () => producer.disconnect(),
      send: async (batch: readonly TopicMessages[]) => {
        await producer.sendBatch({
          acks: -1,
          topicMessages: batch.map(({ topic, messages }) => ({
            topic,
            messages: messages.map(({ key, value, valueBytes, headers }) => ({
              key,
              value: valueBytes ?? value,
              headers,
            })),
          })),
        });
      },
    };
  }

  consumer({ groupId, sessionTimeoutMs, partitionsConcurrently }: ConsumerOptions): KafkaConsumer {
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      ...(sessionTimeoutMs
        ? { sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.floor(sessionTimeoutMs / 3) }
        : {}),
    });
    return {
      connect: () => consumer.connect(),
      disconnect: () => consumer.disconnect(),
      subscribe: (topics, options) =>
        consumer.subscribe({ topics: [...topics], fromBeginning: options?.fromBeginning ?? false }),
      run: (handle, options) => {
        if (options?.onCrash) {
          const onCrash = options.onCrash;
          consumer.on(consumer.events.CRASH, ({ payload }) => onCrash(payload.error, payload.restart));
        }
        if (options?.onAlive) {
          const onAlive = options.onAlive;
          for (const event of [
            consumer.events.GROUP_JOIN,
            consumer.events.HEARTBEAT,
            consumer.events.FETCH,
          ]) {
            consumer.on(event, () => onAlive());
          }
        }
        return consumer.run({
          // kafkajs commits an offset only once eachMessage has resolved for it.
          autoCommit: true,
          partitionsConsumedConcurrently: partitionsConcurrently ?? 1,
          eachMessage: async ({ topic, partition, message }) => {
            const consumed: ConsumedMessage = {
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              valueBytes: message.value ?? null,
              headers: headerValues(message.headers),
            };
            await handle(consumed);
          },
        });
      },
    };
  }

  admin(): KafkaAdmin {
    const admin = this.kafka.admin();
    return {
      connect: () => admin.connect(),
      disconnect: () => admin.disconnect(),
      listTopics: () => admin.listTopics(),
      groupLag: async (groupId, topic) => {
        const [ends, [committed]] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]);
        return ends.map(({ partition, high, low }) => {
          const offset = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          // -1: nothing committed yet, so everything still in the log is to come.
          const from = Number(offset) >= 0 ? Number(offset) : Number(low);
          return { partition, lag: Math.max(0, Number(high) - from) };
        });
      },
      createTopics: async (topics: readonly TopicSpec[]) => {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter(({ topic }) => !existing.has(topic));
        if (missing.length === 0) return;
        // Resolves false when another process created them first, which is just as good.
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map(({ topic, partitions, replicationFactor, config }) => ({
            topic,
            numPartitions: partitions,
            replicationFactor,
            configEntries: Object.entries(config ?? {}).map(([name, value]) => ({ name, value })),
          })),
        });
      },
    };
  }
}
