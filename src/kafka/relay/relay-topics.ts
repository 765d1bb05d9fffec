import type { KafkaClient } from '../kafka-port';
import { ensureTopics, TopicOptions } from '../topics';
import { relayTopics } from './aggregate-topics';

export { MissingTopicsError } from '../topics';
export type RelayTopicOptions = TopicOptions;

/** Makes sure every topic the relay may publish to exists before it publishes anything. */
export function ensureRelayTopics(client: KafkaClient, options: RelayTopicOptions): Promise<void> {
  return ensureTopics(
    client,
    relayTopics(options.prefix).map((topic) => ({ topic })),
    options,
  );
}
