import type { CommandConsumerStatus } from '../../../src/kafka/commands/command-consumer-status';
import type { TestApp } from '../../support/test-app';

export type CommandsHealth = CommandConsumerStatus & { status: string; lag: number | 'unknown' };

export async function commandsHealth(t: TestApp): Promise<CommandsHealth> {
  const response = await fetch(`${t.url}/health/ready`);
  const body = (await response.json()) as { details: { kafkaCommands: CommandsHealth } };
  return body.details.kafkaCommands;
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
