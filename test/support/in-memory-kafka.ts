import type {
  KafkaAdmin,
  KafkaClient,
  KafkaConsumer,
  KafkaProducer,
  OutgoingMessage,
  TopicMessages,
  TopicSpec,
} from '../../src/kafka/kafka-port';

export interface SentMessage extends OutgoingMessage {
  topic: string;
}

/**
 * A KafkaClient double for relay logic tests: keeps what was sent in memory
 * and fails on demand. Real-broker behaviour is tested in *.int.spec.ts files
 * named "real Kafka 4.4 broker".
 */
export class InMemoryKafka implements KafkaClient {
  readonly topics = new Map<string, TopicSpec>();
  readonly sent: SentMessage[] = [];
  /** Each send call's message count, in order. */
  readonly sends: number[] = [];
  private failures = 0;
  private failure: Error = new Error('broker unavailable');

  /** The next `count` sends reject; half of each such batch is written first, as a broker may do. */
  failNextSends(count: number, error = new Error('broker unavailable')): void {
    this.failures = count;
    this.failure = error;
  }

  producer(): KafkaProducer {
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async (batch: readonly TopicMessages[]) => {
        const messages = batch.flatMap(({ topic, messages }) => messages.map((m) => ({ ...m, topic })));
        for (const { topic } of messages) {
          if (!this.topics.has(topic)) throw new Error(`Unknown topic ${topic}`);
        }
        if (this.failures > 0) {
          this.failures--;
          this.sent.push(...messages.slice(0, Math.floor(messages.length / 2)));
          throw this.failure;
        }
        this.sent.push(...messages);
        this.sends.push(messages.length);
      },
    };
  }

  consumer(): KafkaConsumer {
    throw new Error('InMemoryKafka has no consumer');
  }

  async probe(): Promise<void> {
    if (this.failures > 0) throw this.failure;
  }

  admin(): KafkaAdmin {
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => [...this.topics.keys()],
      createTopics: async (specs) => {
        for (const spec of specs) if (!this.topics.has(spec.topic)) this.topics.set(spec.topic, spec);
      },
    };
  }
}
