/**
 * Time-travel benchmark (issue 6, `npm run bench:history`) on a realistic
 * store (about a million events; --quick: 20,000), over HTTP from a service
 * in its own process: an as-of query that folds the spread read model over
 * the bounded log, uncached then cached; month-end as-of queries from the
 * start and, after a restart, from their snapshots; off-grid dates (from the
 * start, bounds pushed into the store's query); the whole log streamed as NDJSON,
 * events/s and the server's peak RSS. Baseline in the same run: a raw scan
 * and JSON parse of the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from './support/child-server';
import { exportedLines, spreadSummary, timed, untilReady } from './support/history-queries';
import { largeStore, warmPageCache } from './support/large-store';
import { runChild } from './support/run-child';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');

export async function runHistoryBench(): Promise<void> {
  const store = await largeStore(quick ? 20_000 : 1_000_000);
  warmPageCache(store);
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-history-'));
  try {
    const raw = await runChild<{ events: number; seconds: number; perSecond: number }>('rebuild-child.ts', [
      'scan',
      store,
    ]);
    const ready = untilReady;
    let server = await ready(await startChildServer('serve-service.ts', [folder, 'NORMAL', store]));
    let serverRss = 0;
    try {
      const get = (query: string) => spreadSummary(server, query);
      const knownNow = () => `asKnownAt=${encodeURIComponent(new Date().toISOString())}`;
      const asOf = `asOf=2018-03-31&${knownNow()}`;
      const [, uncached] = await timed(() => get(asOf));
      const [, cached] = await timed(() => get(asOf));
      // Month ends (the snapshot grid): the first query keeps a snapshot; after a restart (state DB kept,
      // nothing cached in memory) the first answer folds on from it. Off the grid: from the start, pushed down.
      const [, earlyCold] = await timed(() => get('asOf=2018-03-31'));
      const [, lateCold] = await timed(() => get('asOf=2019-10-31'));
      serverRss = Math.max(serverRss, await server.stop());
      server = await ready(await startChildServer('serve-service.ts', [folder, 'NORMAL', store]));
      const [, earlySnapshot] = await timed(() => get(`asOf=2018-03-31&${knownNow()}`));
      const [, lateSnapshot] = await timed(() => get('asOf=2019-10-31'));
      const [, earlyOffGrid] = await timed(() => get(`asOf=2018-03-15&${knownNow()}`));
      const [, lateOffGrid] = await timed(() => get(`asOf=2019-10-15&${knownNow()}`));
      const [lines, exportSeconds] = await timed(() => exportedLines(server));
      serverRss = Math.max(serverRss, await server.stop());
      const fold = (label: string, seconds: number, goal = ''): string[] => [
        label,
        fmt(seconds, 2),
        fmt(raw.seconds, 2),
        fmt(raw.seconds / seconds, 2),
        goal,
      ];
      const rows = [
        fold(
          'as-of summary (asOf 2018-03-31, asKnownAt now), first call, no snapshot yet: a fold of the bounded log from the start, s',
          uncached,
          '≤ 3 s',
        ),
        ['the same query again (cached by model, version and bounds), s', fmt(cached, 3), '', '', ''],
        fold('as-of 2018-03-31 (month end), first call: from the start, keeps a snapshot, s', earlyCold),
        fold('as-of 2019-10-31 (month end), first call: from the start, keeps a snapshot, s', lateCold),
        fold(
          'as-of 2018-03-31, asKnownAt now, first call after a restart: from the snapshot, s',
          earlySnapshot,
          '≤ 3 s at 10M',
        ),
        fold(
          'as-of 2019-10-31, first call after a restart: from the snapshot, s',
          lateSnapshot,
          '≤ 3 s at 10M',
        ),
        fold(
          'as-of 2018-03-15 (off the grid), asKnownAt now: from the start, s',
          earlyOffGrid,
          '≤ 10 s at 10M',
        ),
        fold(
          'as-of 2019-10-15 (off the grid), asKnownAt now: from the start, s',
          lateOffGrid,
          '≤ 10 s at 10M',
        ),
        [
          'NDJSON export of the whole log, events/s',
          fmt(lines / exportSeconds),
          fmt(raw.perSecond),
          fmt(lines / exportSeconds / raw.perSecond, 2),
          '≥ 100,000',
        ],
        ['server peak RSS over the run (either process), MB', fmt(serverRss), '', '', 'flat'],
      ];
      for (const row of rows) console.log(row.join('  '));
      writeSection(
        'history',
        `## Time travel and export — \`npm run bench:history\`${quick ? ' (quick)' : ''}\n\n` +
          `${fmt(raw.events)} events of the simulated programme; the service on the embedded store in its own process, asked over HTTP; the baseline is a raw scan and JSON parse of the same rows in the same run (${fmt(raw.seconds, 2)} s). ${fmt(lines)} NDJSON lines exported in ${fmt(exportSeconds, 1)} s. The service is restarted once, keeping its state database, between the month-end queries that keep snapshots and those that start from them.\n\n` +
          table(['measure', 'service', 'raw scan + parse', 'ratio', 'goal'], rows),
      );
    } catch (error) {
      await server.stop();
      throw error;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runHistoryBench();
}
