import type { KafkaClient, TopicSpec } from './kafka-port';

/** How the service treats the topics it uses (KAFKA_CREATE_TOPICS, KAFKA_TOPIC_*). */
export interface TopicOptions {
  prefix: string;
  /** Create missing topics; otherwise their absence is an error naming them. */
  create: boolean;
  partitions: number;
  replicationFactor: number;
}

export class MissingTopicsError extends Error {
  override readonly name = 'MissingTopicsError';
  constructor(readonly topics: readonly string[]) {
    super(
      `Kafka topics missing: ${topics.join(', ')}. Create them, or set KAFKA_CREATE_TOPICS=true so the service creates them`,
    );
  }
}

/**
 * Room for the largest event or command the API accepts (1 MiB body) plus its
 * envelope; the broker default (1 MiB) would turn such a record into one that
 * can never be published.
 */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export interface NeededTopic {
  topic: string;
  /** The topic's max.message.bytes when the service creates it; MAX_MESSAGE_BYTES by default. */
  maxMessageBytes?: number;
}

/** Makes sure every topic a component reads or writes exists before it starts. */
export async function ensureTopics(
  client: KafkaClient,
  topics: readonly NeededTopic[],
  options: TopicOptions,
): Promise<void> {
  const admin = client.admin();
  await admin.connect();
  try {
    if (options.create) {
      const specs: TopicSpec[] = topics.map(({ topic, maxMessageBytes }) => ({
        topic,
        partitions: options.partitions,
        replicationFactor: options.replicationFactor,
        config: { 'max.message.bytes': String(maxMessageBytes ?? MAX_MESSAGE_BYTES) },
      }));
      await admin.createTopics(specs);
    } else {
      const existing = new Set(await admin.listTopics());
      const missing = topics.map(({ topic }) => topic).filter((topic) => !existing.has(topic));
      if (missing.length > 0) throw new MissingTopicsError(missing);
    }
  } finally {
    await admin.disconnect();
  }
}
