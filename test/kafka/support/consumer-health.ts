import type { CommandConsumerStatus } from '../../../src/kafka/commands/command-consumer-status';
import type { TestApp } from '../../support/test-app';

export type CommandsHealth = CommandConsumerStatus & { status: string; lag: number | 'unknown' };

export async function commandsHealth(t: TestApp): Promise<CommandsHealth> {
  const response = await fetch(`${t.url}/health/ready`);
  // A 503 (not ready) is problem+json with the same details under `checks`.
  const body = (await response.json()) as {
    details?: { kafkaCommands: CommandsHealth };
    checks?: { kafkaCommands: CommandsHealth };
  };
  return (body.details ?? body.checks)?.kafkaCommands as CommandsHealth;
}

/** Polls /health/ready until the command consumer's part satisfies `ok`. */
export async function untilConsumer(
  t: TestApp,
  ok: (health: CommandsHealth) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<CommandsHealth> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await commandsHealth(t);
    if (ok(health)) return health;
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
