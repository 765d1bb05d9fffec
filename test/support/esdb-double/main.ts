/**
 * Runs the EventStoreDB wire double as a process, for tools outside jest
 * (benchmarks, manual runs): prints its connection string on the first line
 * of stdout and serves until SIGINT or SIGTERM. Test-only, like the double.
 *
 *   node -r @swc-node/register test/support/esdb-double/main.ts [--port 2113] [--append-only] [--legacy-positions]
 */
import { startEsdbDouble } from './esdb-double';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const double = await startEsdbDouble({
    port: portAt >= 0 ? Number(args[portAt + 1]) : 0,
    batchAppend: !args.includes('--append-only'),
    legacyPositions: args.includes('--legacy-positions'),
  });
  process.stdout.write(`${double.connectionString}\n`);
  const stop = (): void => void double.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
