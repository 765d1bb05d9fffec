import { kafkaPrincipalFor } from '../../auth';
import type { ConsumedMessage } from '../kafka-port';
import type { CommandMessage } from './command-message';
import { commandsTopic } from './command-topics';
import type { KafkaCommandContext } from './kafka-command-pipeline';

export const COMMAND_HEADERS = {
  sourceSystem: 'source-system',
  correlationId: 'correlation-id',
} as const;

// The HTTP gateway's rules for X-Source-System and X-Correlation-Id: these end up in every event's metadata.
const SOURCE = /^[A-Za-z0-9._-]{1,64}$/;
const CORRELATION = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Who a message speaks for: the topic's service principal
 * (KAFKA_COMMANDS_PRINCIPAL), the `source-system` header else
 * `kafka:<topic>`, and the `correlation-id` header else the commandId. A
 * header that breaks the rule is ignored rather than refused: a producer
 * cannot correct headers the way an HTTP caller can.
 */
export function messageContext(
  consumed: ConsumedMessage,
  message: CommandMessage,
  principalSetting: string | undefined,
  prefix: string,
): KafkaCommandContext {
  const source = consumed.headers[COMMAND_HEADERS.sourceSystem];
  const correlation = consumed.headers[COMMAND_HEADERS.correlationId];
  return {
    topic: consumed.topic,
    principal: kafkaPrincipalFor(principalSetting, consumed.topic, commandsTopic(prefix)),
    sourceSystem: source !== undefined && SOURCE.test(source) ? source : `kafka:${consumed.topic}`,
    correlationId:
      correlation !== undefined && CORRELATION.test(correlation) ? correlation : message.commandId,
  };
}
