/**
 * What the service needs from Kafka, independent of the client library
 * (DESIGN.md §2: adapters sit behind ports defined by the application). The
 * kafkajs adapter is in kafkajs/; another client (e.g. @platformatic/kafka)
 * would be a second folder implementing the same interfaces.
 */

export interface OutgoingMessage {
  /** Messages with the same key land on the same partition, in the order sent. */
  key: string;
  value: string;
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
  value: string | null;
  headers: Record<string, string>;
}

export interface KafkaConsumer {
  connect(): Promise<void>;
  subscribe(topics: readonly string[], options?: { fromBeginning?: boolean }): Promise<void>;
  /**
   * Starts delivering messages one at a time, per partition in offset order.
   * A message's offset is committed only after `handle` resolves, so a failed
   * or interrupted handler sees the message again (at-least-once).
   */
  run(handle: (message: ConsumedMessage) => Promise<void>): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  config?: Record<string, string>;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Creates the topics that do not exist yet and waits until they have leaders. */
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface KafkaClient {
  /** An idempotent producer: the broker drops the duplicates of its own retries. */
  producer(): KafkaProducer;
  consumer(options: { groupId: string }): KafkaConsumer;
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
