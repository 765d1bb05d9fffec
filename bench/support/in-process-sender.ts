import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../../src/auth/principal';
import { CommandGateway } from '../../src/commands/command-gateway';
import type { PlannedCommand } from '../../scripts/simulator/commands';
import type { SendOutcome } from '../../scripts/simulator/run/http-sender';

const BENCH: Principal = {
  id: 'system:bench-store',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};

/**
 * Sends the simulator's commands through the service's own command gateway
 * in this process — the same screening, validation, handler, deciders and
 * idempotency as over HTTP, without the HTTP round trip — for building large
 * stores fast.
 */
export function inProcessSender(
  app: INestApplicationContext,
): (command: PlannedCommand) => Promise<SendOutcome> {
  const gateway = app.get(CommandGateway);
  return async (command) => {
    const result = await gateway.submit(BENCH, command.name, command.body, {
      idempotencyKey: command.idempotencyKey,
      sourceSystem: 'simulator',
      correlationId: command.idempotencyKey,
      transport: 'internal',
    });
    return { replayed: result.replayed, events: result.replayed ? 0 : result.eventIds.length, retries: 0 };
  };
}
