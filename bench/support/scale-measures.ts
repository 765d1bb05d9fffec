import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer, startChildServer } from './child-server';
import { exportedLines, spreadSummary, timed, untilReady } from './history-queries';
import { largeStore, warmPageCache } from './large-store';
import { ReadEndpointFigures, readEndpointFigures } from './read-endpoints';
import { Rate, RebuildFigures, rebuildFigures } from './rebuild-figures';
import { runChild } from './run-child';

/** A month end (on the as-of snapshot grid) and a date off it, late in the simulated programme. */
export const MONTH_END = '2019-10-31';
export const OFF_GRID = '2019-10-15';

export interface AsOfFigures {
  date: string;
  knownAt: 'now' | 'past';
  first: number;
  repeated: number;
  /** Month ends: the first call in a restarted service (from the snapshot the first call kept, when it kept one). */
  afterRestart?: number;
}

export interface SizeFigures {
  events: number;
  storeBytes: number;
  raw: Rate;
  rebuild: RebuildFigures['rebuild'];
  restart: { seconds: number; rssMb: number };
  asOf: AsOfFigures[];
  asOfRssMb: number;
  /** When "as known in the past" was: the recording time of the middle event. */
  pastKnownAt: string;
  exported: { lines: number; perSecond: number; rssMb: number };
  /** Every read endpoint once, in a service of its own (started from the snapshots). */
  reads: ReadEndpointFigures & { rssMb: number };
  cut: { takeSeconds: number; verifySeconds: number; match: boolean; rssMb: number };
}

/** The recording time of the event halfway through the log: "as known at" a moment in the past. */
function middleRecordedAt(store: string): string {
  const db = new Database(store, { readonly: true });
  try {
    const head = (db.prepare('SELECT max(position) AS head FROM events').get() as { head: number }).head;
    const row = db
      .prepare('SELECT recorded_at FROM events WHERE position >= ? ORDER BY position LIMIT 1')
      .get(Math.floor(head / 2)) as { recorded_at: string };
    return row.recorded_at;
  } finally {
    db.close();
  }
}

/**
 * Every figure of the scale bench at one store size, each measurement in a
 * process of its own (its peak RSS is its own), next to the raw scan of the
 * same store in the same run.
 */
export async function measureSize(events: number): Promise<SizeFigures> {
  const store = await largeStore(events);
  warmPageCache(store);
  const stateDir = mkdtempSync(join(tmpdir(), 'aet-bench-scale-'));
  /** A service on the store (and stateDir's snapshots), ready, for one measurement: its answer and peak RSS. */
  const withServer = async <T>(work: (server: ChildServer) => Promise<T>): Promise<[T, number]> => {
    const server = await startChildServer('serve-service.ts', [stateDir, 'NORMAL', store]);
    let result: T;
    try {
      result = await work(await untilReady(server));
    } catch (error) {
      await server.stop();
      throw error;
    }
    return [result, await server.stop()];
  };
  try {
    // The rebuild leaves every read model's snapshot in stateDir: the restart and the servers below start from them.
    const { raw, rebuild, start: restart } = await rebuildFigures(store, stateDir);
    const pastKnownAt = middleRecordedAt(store);
    const queries = [MONTH_END, OFF_GRID].flatMap((date) =>
      (['now', 'past'] as const).map((knownAt) => ({ date, knownAt })),
    );
    // Known now is the default (no asKnownAt): a month-end fold so bounded is the one the service keeps as a snapshot.
    const queryOf = (date: string, knownAt: 'now' | 'past') =>
      knownAt === 'now' ? `asOf=${date}` : `asOf=${date}&asKnownAt=${encodeURIComponent(pastKnownAt)}`;
    const [asOf, firstRss] = await withServer(async (server) => {
      const figures: AsOfFigures[] = [];
      for (const { date, knownAt } of queries) {
        const query = queryOf(date, knownAt);
        const [, first] = await timed(() => spreadSummary(server, query));
        const [, repeated] = await timed(() => spreadSummary(server, query));
        figures.push({ date, knownAt, first, repeated });
      }
      return figures;
    });
    // Restarted (nothing cached in memory, the state database kept): month ends again.
    const [, restartedRss] = await withServer(async (server) => {
      for (const figures of asOf.filter((a) => a.date === MONTH_END)) {
        const query = queryOf(MONTH_END, figures.knownAt);
        [, figures.afterRestart] = await timed(() => spreadSummary(server, query));
      }
    });
    const [[lines, exportSeconds], exportRss] = await withServer((server) =>
      timed(() => exportedLines(server)),
    );
    const [reads, readsRss] = await withServer(readEndpointFigures);
    const cut = await runChild<SizeFigures['cut']>('data-cut-child.ts', [store, MONTH_END]);
    return {
      events: raw.events,
      storeBytes: statSync(store).size,
      raw,
      rebuild,
      restart,
      asOf,
      asOfRssMb: Math.max(firstRss, restartedRss),
      pastKnownAt,
      exported: { lines, perSecond: lines / exportSeconds, rssMb: exportRss },
      reads: { ...reads, rssMb: readsRss },
      cut,
    };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
