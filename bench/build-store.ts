/**
 * `npm run bench:build-store -- --events 1000000 [--path file.sqlite] [--sender batched|single]`:
 * a simulated programme of about that many events, for the benches that need
 * a large realistic store (see support/bench-store.ts).
 */
import { progress } from '../src/cli/progress';
import { buildBenchStore } from './support/bench-store';
import { largeStorePath } from './support/large-store';
import { fmt, peakRssMb, writeSection } from './support/results';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const events = Number(option('events', '1000000'));
  // By default where the benches look for it, so they reuse it.
  const path = option('path', largeStorePath(events));
  const sender = option('sender', 'batched') === 'single' ? 'single' : 'batched';
  const store = await buildBenchStore(path, { events, sender, progress: progress('bench store') });
  const rate = store.events / store.seconds;
  console.log(
    `${store.events} events at ${store.path} (simulator scale ${store.scale}) in ${fmt(store.seconds)} s (${fmt(rate)} events/s)`,
  );
  writeSection(
    'build-store',
    `## Bench store build — \`npm run bench:build-store -- --events ${events}\`\n\n` +
      `Not a benchmark but the time it takes to make the large store other benches read: the simulated programme (seed ${store.simulation.seed}, scale ${store.scale}) sent through the service's command gateway in-process (${sender === 'batched' ? 'its batch path, many commands per commit' : 'one command at a time'}: validation, deciders, idempotency, appends; read models off), synchronous=NORMAL. ` +
      `${fmt(store.simulation.commands)} commands, ${fmt(store.events)} events (register seed included) in ${fmt(store.seconds)} s: ${fmt(rate)} events/s; peak RSS ${fmt(peakRssMb())} MB.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
