import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../../src/cli/progress';
import { buildBenchStore } from './bench-store';

export const WORK = join(__dirname, '..', '.work');

/**
 * Part of the file name: bump it when what the commands write changes (an
 * event's schema version, a new event), so no benchmark reads a store the
 * service would no longer write. Version 2: MeasurementRecorded at v2.
 */
const STORE_VERSION = 2;

/** Where the reused store of about `events` events lives. */
export const largeStorePath = (events: number): string =>
  join(WORK, `store-${events}-v${STORE_VERSION}.sqlite`);

/**
 * A store of about `events` events built by the simulator through the
 * command handlers (see bench-store.ts), reused across runs: building a
 * million takes a quarter of an hour.
 */
export async function largeStore(events: number): Promise<string> {
  const path = largeStorePath(events);
  if (!existsSync(path)) {
    console.log(`building a store of about ${events} events at ${path} (once; reused by later runs)`);
    await buildBenchStore(path, { events, progress: progress('bench store') });
  }
  return path;
}

/**
 * Reads the whole file once, so the baseline and the service both read a
 * store the OS has cached: whichever ran first otherwise paid for the disk
 * (a raw scan once measured at a quarter of its warm rate).
 */
export function warmPageCache(path: string): void {
  const buffer = Buffer.allocUnsafe(16 * 1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}
