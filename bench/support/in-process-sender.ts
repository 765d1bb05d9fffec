import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CatalogueService } from '../../src/commands/catalogue.service';
import { CommandResult, ExecuteCommand } from '../../src/commands/execute-command';
import { validateCommand } from '../../src/commands/validation/validate-command';
import type { PlannedCommand } from '../../scripts/simulator/commands';
import type { SendOutcome } from '../../scripts/simulator/run/http-sender';

/**
 * Sends the simulator's commands through the service's own command path in
 * this process — the same DTO validation, handler, deciders and idempotency
 * as over HTTP, without the HTTP round trip — for building large stores fast.
 */
export function inProcessSender(
  app: INestApplicationContext,
): (command: PlannedCommand) => Promise<SendOutcome> {
  const catalogue = app.get(CatalogueService);
  const commandBus = app.get(CommandBus);
  return async (command) => {
    const definition = catalogue.command(command.name);
    if (!definition) throw new Error(`The catalogue has no ${command.name}`);
    const dto = await validateCommand(definition, command.body);
    const result = await commandBus.execute<ExecuteCommand, CommandResult>(
      new ExecuteCommand(definition, dto, {
        idempotencyKey: command.idempotencyKey,
        actor: 'system:bench-store',
        sourceSystem: 'simulator',
        correlationId: command.idempotencyKey,
      }),
    );
    return { replayed: result.replayed, events: result.replayed ? 0 : result.eventIds.length, retries: 0 };
  };
}
