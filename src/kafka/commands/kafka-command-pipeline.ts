import { HttpStatus } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { authoriseCommand } from '../../auth';
import { forbidden } from '../../auth/auth-problems';
import { commandPolicyFor, needsOrganisationCheck } from '../../auth/authorise-command';
import type { OrganisationResolver, Principal } from '../../auth';
import type { CatalogueService } from '../../commands/catalogue.service';
import { CommandResult, ExecuteCommand } from '../../commands/execute-command';
import { validateCommand } from '../../commands/validation/validate-command';
import { EventStoreUnavailableError } from '../../event-store/errors';
import { ProblemDetailsFilter } from '../../http/problem-details.filter';
import { ProblemException, validationProblem } from '../../http/problem';
import type { KafkaLogger } from '../kafkajs/kafkajs-log';
import type { CommandMessage } from './command-message';
import type { KafkaCommandResult } from './command-result';

export interface KafkaCommandPipelineDeps {
  catalogue: CatalogueService;
  commandBus: CommandBus;
  resolver: Pick<OrganisationResolver, 'organisationsOfCommand'>;
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

const unknownCommand = (name: string): ProblemException =>
  new ProblemException(
    HttpStatus.NOT_FOUND,
    'unknown-command',
    'Unknown command',
    `There is no command named ${name}`,
  );

/**
 * One command from Kafka through exactly the HTTP gateway's steps, in the
 * same order as the authorisation guard and the controller: the principal,
 * the command's name, its role, the organisations the raw payload plainly
 * names, validation (400, patient data 422), the decision on the validated
 * payload (403), then the CommandBus with commandId as the idempotency key.
 * Every refusal becomes the problem body HTTP would answer. A store outage
 * is thrown instead: the command has not been decided, so it is retried.
 */
export async function runKafkaCommand(
  deps: KafkaCommandPipelineDeps,
  message: CommandMessage,
  context: KafkaCommandContext,
): Promise<KafkaCommandResult> {
  try {
    const result = await decide(deps, message, context);
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

async function decide(
  deps: KafkaCommandPipelineDeps,
  { commandId, command, payload }: CommandMessage,
  context: KafkaCommandContext,
): Promise<CommandResult> {
  const { principal } = context;
  if (!principal) {
    throw forbidden(
      `No principal is configured for the topic ${context.topic}: commands from it are refused (set KAFKA_COMMANDS_PRINCIPAL)`,
    );
  }
  const definition = deps.catalogue.command(command);
  if (!definition) throw unknownCommand(command);
  const policy = commandPolicyFor(principal, definition.name);
  // As the HTTP guard does: an organisation the raw payload plainly names is refused before validation.
  if (needsOrganisationCheck(principal, policy)) {
    const named = await deps.resolver.organisationsOfCommand(payload);
    if (named !== undefined) await authoriseCommand(principal, definition, payload, deps.resolver);
  }
  const dto = await validateCommand(definition, payload);
  await authoriseCommand(principal, definition, dto, deps.resolver);
  if (dto.commandId !== undefined && dto.commandId !== commandId) {
    throw validationProblem([
      {
        field: 'payload.commandId',
        rule: 'matches-idempotency-key',
        message: 'payload.commandId and the message commandId differ',
      },
    ]);
  }
  return deps.commandBus.execute<ExecuteCommand, CommandResult>(
    new ExecuteCommand(definition, dto, {
      idempotencyKey: commandId,
      actor: principal.id,
      actorRole: principal.role,
      sourceSystem: context.sourceSystem,
      correlationId: context.correlationId,
      transport: 'kafka',
      audit: { authStrategy: principal.strategy, kafkaTopic: context.topic },
    }),
  );
}
