import { runChild } from './run-child';

export interface Rate {
  events: number;
  seconds: number;
  perSecond: number;
  rssMb: number;
}

export interface RebuildFigures {
  /** The baseline: the same rows read and JSON-parsed. */
  raw: Rate;
  /** Every read model folded from position 0; leaves their snapshots in the state folder. */
  rebuild: Rate & { liveHeapMb: number };
  /** The service from start to /health/ready with those snapshots present. */
  start: { seconds: number; rssMb: number };
}

/** The raw scan, the rebuild and the start-up from snapshots, each in its own process (rebuild-child.ts). */
export async function rebuildFigures(store: string, stateDir: string): Promise<RebuildFigures> {
  const raw = await runChild<Rate>('rebuild-child.ts', ['scan', store]);
  const rebuild = await runChild<RebuildFigures['rebuild']>('rebuild-child.ts', ['rebuild', store, stateDir]);
  const start = await runChild<RebuildFigures['start']>('rebuild-child.ts', ['startup', store, stateDir]);
  return { raw, rebuild, start };
}
