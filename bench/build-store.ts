/**
 * `npm run bench:build-store -- --events 1000000 [--path bench/.work/store-1m.sqlite]`:
 * a simulated programme of about that many events, for the benches that need
 * a large realistic store (see support/bench-store.ts).
 */
import { join } from 'node:path';
import { progress } from '../src/cli/progress';
import { buildBenchStore } from './support/bench-store';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const events = Number(option('events', '1000000'));
  const path = option('path', join(__dirname, '.work', `store-${events}.sqlite`));
  const store = await buildBenchStore(path, { events, progress: progress('bench store') });
  console.log(
    `${store.events} events at ${store.path} (simulator scale ${store.scale}) in ${store.seconds.toFixed(0)} s ` +
      `(${Math.round(store.events / store.seconds)} events/s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
