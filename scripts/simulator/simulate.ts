/**
 * `npm run simulate -- --seed 42 --scale 1 [--url ...] [--api-key ...]`: fills a
 * running service with a realistic programme history, through its public
 * command API only. See docs/evaluators/walkthrough.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { progress } from '../../src/cli/progress';
import { CommandRefusedError } from './run/http-sender';
import { runSimulation, SimulationSummary } from './run/run-simulation';

const positive = (name: string, integer: boolean) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new InvalidArgumentError(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return n;
};

export function formatSummary(s: SimulationSummary): string {
  return [
    `Simulated programme (seed ${s.seed}, scale ${s.scale}): ${s.organisations} organisations, ${s.alwaysEvents} Always Events`,
    `commands sent ${s.commands}: accepted ${s.accepted}, replayed ${s.replayed}, refused ${s.refused}; retried ${s.retries} times`,
    `events written ${s.eventsWritten} in ${s.seconds.toFixed(1)} s (${Math.round(s.commands / Math.max(s.seconds, 0.001))} commands/s)`,
    'case studies:',
    ...s.caseStudies.map((c) => `  ${c.odsCode} always-event-${c.alwaysEventId} "${c.vision}"`),
  ].join('\n');
}

async function main(): Promise<void> {
  const program = new Command()
    .name('simulate')
    .description(
      'Post a simulated Always Events programme history to the service, deterministically for a seed',
    )
    .option('--seed <seed>', 'PRNG seed (A-Z a-z 0-9 _ -)', '42')
    .option(
      '--scale <n>',
      'Always Events, measures and measurements multiplied by n (below 1: a fraction of the programme)',
      positive('--scale', false),
      1,
    )
    .option('--url <url>', 'service base URL', process.env.SIMULATOR_URL ?? 'http://127.0.0.1:3000')
    .option(
      '--api-key <key>',
      'credential to send (default: $SIMULATOR_API_KEY)',
      process.env.SIMULATOR_API_KEY,
    )
    .option('--auth-header <header>', 'authorization (Bearer) or x-api-key', 'authorization')
    .option('--concurrency <n>', 'requests in flight', positive('--concurrency', true), 12)
    .parse();
  const options = program.opts<{
    seed: string;
    scale: number;
    url: string;
    apiKey?: string;
    authHeader: string;
    concurrency: number;
  }>();
  if (options.authHeader !== 'authorization' && options.authHeader !== 'x-api-key') {
    program.error('--auth-header must be authorization or x-api-key');
  }
  try {
    const summary = await runSimulation({
      url: options.url,
      seed: options.seed,
      scale: options.scale,
      concurrency: options.concurrency,
      apiKey: options.apiKey,
      authHeader: options.authHeader as 'authorization' | 'x-api-key',
      progress: progress('simulate'),
    });
    process.stdout.write(`${formatSummary(summary)}\n`);
  } catch (error) {
    if (error instanceof CommandRefusedError) {
      process.stderr.write(
        `\nSimulator bug: the service refused a command it should accept.\n${error.message}\n`,
      );
    } else {
      process.stderr.write(
        `\nSimulation failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
