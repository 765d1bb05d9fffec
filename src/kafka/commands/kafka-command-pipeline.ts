import { forbidden } from '../../auth/auth-problems';
import type { Principal } from '../../auth/principal';
import type { CommandGateway } from '../../commands/command-gateway';
import { EventStoreUnavailableError } from '../../event-store/errors';
import { ProblemDetailsFilter } from '../../http/problem-details.filter';
import type { KafkaLogger } from '../kafkajs/kafkajs-log';
import type { CommandMessage } from './command-message';
import type { KafkaCommandResult } from './command-result';

export interface KafkaCommandPipelineDeps {
  gateway: Pick<CommandGateway, 'submit'>;
  logger: KafkaLogger;
}

/** Where a message came from: the topic's principal and the headers that say who sent it and why. */
export interface KafkaCommandContext {
  topic: string;
  principal: Principal | undefined;
  sourceSystem: string;
  correlationId: string;
}

const problems = new ProblemDetailsFilter();

/**
 * One command from Kafka through the command gateway, as the topic's
 * principal, with the message's commandId as the idempotency key. Every
 * refusal becomes the problem body HTTP would answer. A store outage is
 * thrown instead: the command has not been decided, so it is retried.
 */
export async function runKafkaCommand(
  deps: KafkaCommandPipelineDeps,
  message: CommandMessage,
  context: KafkaCommandContext,
): Promise<KafkaCommandResult> {
  try {
    if (!context.principal) {
      throw forbidden(
        `No principal is configured for the topic ${context.topic}: commands from it are refused (set KAFKA_COMMANDS_PRINCIPAL)`,
      );
    }
    const result = await deps.gateway.submit(context.principal, message.command, message.payload, {
      idempotencyKey: message.commandId,
      idempotencyKeyField: 'the message commandId',
      sourceSystem: context.sourceSystem,
      correlationId: context.correlationId,
      transport: 'kafka',
      audit: { kafkaTopic: context.topic },
    });
    return {
      commandId: message.commandId,
      status: result.replayed ? 'replayed' : 'accepted',
      streamId: result.streamId,
      revision: result.revision,
      position: result.position,
      eventIds: result.eventIds,
    };
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw error;
    const { body } = problems.toProblem(error);
    body.instance = `/v1/commands/${message.command}`;
    body.correlationId = context.correlationId;
    if (body.status >= 500) {
      deps.logger.error(
        `Kafka command ${message.command} ${message.commandId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    return { commandId: message.commandId, status: 'rejected', problem: body };
  }
}
