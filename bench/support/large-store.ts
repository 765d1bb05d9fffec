import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../../src/cli/progress';
import { buildBenchStore } from './bench-store';
import { checkDiskSpace } from './disk-space';

export const WORK = join(__dirname, '..', '.work');

/**
 * Part of the file name: bump it when what the commands write changes (an
 * event's schema version, a new event), so no benchmark reads a store the
 * service would no longer write. Version 2: MeasurementRecorded at v2.
 */
export const STORE_VERSION = 2;

const STORE_FILE = /^store-(\d+)-v(\d+)\.sqlite$/;

/** Where the reused store of about `events` events lives. */
export const largeStorePath = (events: number): string =>
  join(WORK, `store-${events}-v${STORE_VERSION}.sqlite`);

/** Stores of this size written by another version of the events: never read as current. */
export function staleStores(events: number, folder = WORK): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => {
    const match = STORE_FILE.exec(name);
    return match !== null && Number(match[1]) === events && Number(match[2]) !== STORE_VERSION;
  });
}

/**
 * A store of about `events` events built by the simulator through the
 * command handlers (see bench-store.ts), reused across runs. A store of the
 * size from another version of the events is named as such and left unread;
 * a build that does not fit on the disk is refused before it starts; a build
 * goes to a `.partial` file renamed when it is done, so an interrupted one is
 * never taken for a store.
 */
export async function largeStore(events: number): Promise<string> {
  const path = largeStorePath(events);
  if (existsSync(path)) return path;
  for (const stale of staleStores(events)) {
    console.log(
      `bench store ${stale} was written by store version ${STORE_FILE.exec(stale)?.[2]}, not ${STORE_VERSION}: not read; building ${path.split('/').pop()} (delete ${stale} to free its space)`,
    );
  }
  checkDiskSpace(events, WORK);
  console.log(`building a store of about ${events} events at ${path} (once; reused by later runs)`);
  const partial = `${path}.partial`;
  const built = await buildBenchStore(partial, { events, progress: progress('bench store') });
  console.log(
    `built ${built.events} events in ${Math.round(built.seconds)} s (${Math.round(built.events / built.seconds)} events/s)`,
  );
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(`${partial}${suffix}`)) renameSync(`${partial}${suffix}`, `${path}${suffix}`);
    // The build's state database is a disposable cache: no bench reads it.
    rmSync(`${built.statePath}${suffix}`, { force: true });
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
