import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../../src/auth/principal';
import { CommandGateway, Submission } from '../../src/commands/command-gateway';
import type { PlannedCommand } from '../../scripts/simulator/commands';
import type { SendOutcome } from '../../scripts/simulator/run/http-sender';

export const BENCH_PRINCIPAL: Principal = {
  id: 'system:bench-store',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};

/** How an in-process sender submits a planned command: the metadata its events carry. */
export const submissionOf = (command: PlannedCommand): Submission => ({
  idempotencyKey: command.idempotencyKey,
  sourceSystem: 'simulator',
  correlationId: command.idempotencyKey,
  transport: 'internal',
});

/**
 * Sends the simulator's commands through the service's own command gateway
 * in this process — the same screening, validation, handler, deciders and
 * idempotency as over HTTP, without the HTTP round trip — one at a time.
 */
export function inProcessSender(
  app: INestApplicationContext,
): (command: PlannedCommand) => Promise<SendOutcome> {
  const gateway = app.get(CommandGateway);
  return async (command) => {
    const result = await gateway.submit(BENCH_PRINCIPAL, command.name, command.body, submissionOf(command));
    return { replayed: result.replayed, events: result.replayed ? 0 : result.eventIds.length, retries: 0 };
  };
}
