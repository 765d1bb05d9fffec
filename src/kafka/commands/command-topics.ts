import { TOPIC_VERSION } from '../relay/aggregate-topics';
import { MAX_MESSAGE_BYTES, NeededTopic } from '../topics';

export const commandsTopic = (prefix: string): string => `${prefix}.commands.${TOPIC_VERSION}`;
export const commandResultsTopic = (prefix: string): string => `${prefix}.command-results.${TOPIC_VERSION}`;
export const commandsDlqTopic = (prefix: string): string => `${prefix}.commands.dlq.${TOPIC_VERSION}`;

/** The same limit as an HTTP command body, so a command means the same on either transport. */
export const MAX_COMMAND_BYTES = 1024 * 1024;

/**
 * The dead-letter topic holds any record the commands topic accepted, as it
 * was, plus the reason in headers: so it needs more room than the commands
 * topic itself.
 */
export function commandTopics(prefix: string): NeededTopic[] {
  return [
    { topic: commandsTopic(prefix) },
    { topic: commandResultsTopic(prefix) },
    { topic: commandsDlqTopic(prefix), maxMessageBytes: 2 * MAX_MESSAGE_BYTES },
  ];
}
