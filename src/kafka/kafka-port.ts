/**
 * What the service needs from Kafka, independent of the client library
 * (docs/architecture/overview.md: adapters sit behind ports defined by the application). The
 * kafkajs adapter is in kafkajs/; another client (e.g. @platformatic/kafka)
 * would be a second folder implementing the same interfaces.
 */

export interface OutgoingMessage {
  /** Messages with the same key land on the same partition, in the order sent. */
  key: string;
  value: string;
  /** Sent instead of `value` when set: a dead-lettered message keeps its original bytes. */
  valueBytes?: Buffer;
  headers: Record<string, string>;
}

export interface TopicMessages {
  topic: string;
  messages: readonly OutgoingMessage[];
}

export interface KafkaProducer {
  connect(): Promise<void>;
  /**
   * Resolves once every message is acknowledged by all in-sync replicas
   * (acks=all). Within a partition, messages are written in array order; a
   * rejection means any subset may have been written.
   */
  send(batch: readonly TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The value as UTF-8 text. */
  value: string | null;
  /** The value exactly as it arrived, for dead-lettering it unchanged. */
  valueBytes: Buffer | null;
  headers: Record<string, string>;
}

export interface ConsumerOptions {
  groupId: string;
  /** How long the broker waits for a member's heartbeat before giving its partitions to another. */
  sessionTimeoutMs?: number;
  /** Partitions handled at once; each partition's messages still go one at a time, in order. */
  partitionsConcurrently?: number;
}

export interface KafkaConsumer {
  connect(): Promise<void>;
  subscribe(topics: readonly string[], options?: { fromBeginning?: boolean }): Promise<void>;
  /**
   * Starts delivering messages one at a time, per partition in offset order.
   * A message's offset is committed only after `handle` resolves, so a failed
   * or interrupted handler sees the message again (at-least-once).
   */
  run(
    handle: (message: ConsumedMessage) => Promise<void>,
    options?: {
      /** The client gave up on the group (e.g. a handler kept failing); `restarting` says whether it rejoins by itself. */
      onCrash?: (error: Error, restarting: boolean) => void;
      /** The broker answered the consumer (it joined the group, sent a heartbeat or fetched): it is consuming. */
      onAlive?: () => void;
    },
  ): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  config?: Record<string, string>;
}

export interface PartitionLag {
  partition: number;
  /** Offsets between the group's committed offset (or the log start) and the end. */
  lag: number;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Creates the topics that do not exist yet and waits until they have leaders. */
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Per partition of the topic: the group's committed offset and the partition's end (high watermark). */
  groupLag?(groupId: string, topic: string): Promise<PartitionLag[]>;
  disconnect(): Promise<void>;
}

export interface KafkaClient {
  /** An idempotent producer: the broker drops the duplicates of its own retries. */
  producer(): KafkaProducer;
  /** Resolves when the cluster answers a metadata request within a couple of seconds, with no retries. */
  probe(): Promise<void>;
  consumer(options: ConsumerOptions): KafkaConsumer;
  admin(): KafkaAdmin;
}

/** How to reach the cluster; built from the configuration by kafka-connection.ts. */
export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  /** TLS trusting the system's certificate authorities, plus `ca` (PEM) when given. */
  tls?: { ca?: string };
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export const KAFKA_CLIENT = Symbol('KafkaClient');
