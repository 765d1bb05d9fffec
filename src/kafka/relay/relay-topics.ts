import type { KafkaClient, TopicSpec } from '../kafka-port';
import { relayTopics } from './aggregate-topics';

export interface RelayTopicOptions {
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
 * Room for the largest event the API accepts (1 MiB body) plus its envelope;
 * the broker default (1 MiB) would turn such an event into a message the relay
 * can never publish.
 */
const MAX_MESSAGE_BYTES = String(2 * 1024 * 1024);

/** Makes sure every topic the relay may publish to exists before it publishes anything. */
export async function ensureRelayTopics(client: KafkaClient, options: RelayTopicOptions): Promise<void> {
  const topics = relayTopics(options.prefix);
  const admin = client.admin();
  await admin.connect();
  try {
    if (options.create) {
      const specs: TopicSpec[] = topics.map((topic) => ({
        topic,
        partitions: options.partitions,
        replicationFactor: options.replicationFactor,
        config: { 'max.message.bytes': MAX_MESSAGE_BYTES },
      }));
      await admin.createTopics(specs);
    } else {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic));
      if (missing.length > 0) throw new MissingTopicsError(missing);
    }
  } finally {
    await admin.disconnect();
  }
}
