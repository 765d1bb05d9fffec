import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../../src/cli/progress';
import { buildBenchStore } from './bench-store';

export const WORK = join(__dirname, '..', '.work');

/**
 * A store of about `events` events built by the simulator through the
 * command handlers (see bench-store.ts), reused across runs: building a
 * million takes a quarter of an hour.
 */
export async function largeStore(events: number): Promise<string> {
  const path = join(WORK, `store-${events}.sqlite`);
  if (!existsSync(path)) {
    console.log(`building a store of about ${events} events at ${path} (once; reused by later runs)`);
    await buildBenchStore(path, { events, progress: progress('bench store') });
  }
  return path;
}
