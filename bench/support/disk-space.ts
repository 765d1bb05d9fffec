import { existsSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bytes a store takes per event when no store of a million is at hand to
 * measure: a million-event store of the simulated programme (1,033,058
 * events) was 1,423,368,192 bytes.
 */
const MEASURED_BYTES_PER_EVENT = 1_378;

/** Room for the write-ahead log and the benches' state databases beside the store. */
const HEADROOM = 1.25;

/** Bytes per event of the largest store in `folder` (by its name's size), else the figure measured once. */
export function bytesPerEvent(folder: string): { bytes: number; from: string } {
  const stores = existsSync(folder)
    ? readdirSync(folder)
        .map((name) => ({ name, events: Number(/^store-(\d+)-v\d+\.sqlite$/.exec(name)?.[1] ?? 0) }))
        .filter((s) => s.events >= 100_000 && statSync(join(folder, s.name)).size > 0)
        .sort((a, b) => b.events - a.events)
    : [];
  const largest = stores[0];
  if (!largest) return { bytes: MEASURED_BYTES_PER_EVENT, from: 'a million-event store measured once' };
  return { bytes: statSync(join(folder, largest.name)).size / largest.events, from: largest.name };
}

/** A store that would not fit: the bench stops with this one line. */
export class NotEnoughDiskError extends Error {}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** Throws one line when a store of `events` events would not fit in the free space of `folder`'s disk. */
export function checkDiskSpace(events: number, folder: string, free = freeBytes(folder)): void {
  const { bytes, from } = bytesPerEvent(folder);
  const needed = events * bytes * HEADROOM;
  if (needed > free) {
    throw new NotEnoughDiskError(
      `not enough disk for a store of ${events} events: about ${gb(needed)} needed (${Math.round(bytes)} bytes/event from ${from}, ×${HEADROOM} headroom), ${gb(free)} free in ${folder}`,
    );
  }
}

function freeBytes(folder: string): number {
  const stats = statfsSync(existsSync(folder) ? folder : join(folder, '..'));
  return stats.bavail * stats.bsize;
}
