/**
 * Time-travel benchmark (issue 6, `npm run bench:history`) on a realistic
 * store (about a million events; --quick: 20,000), over HTTP from a service
 * in its own process: an as-of query that folds the spread read model over
 * the bounded log, uncached then cached; the whole log streamed as NDJSON,
 * events/s and the server's peak RSS. Baseline in the same run: a raw scan
 * and JSON parse of the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from './support/child-server';
import { largeStore, warmPageCache } from './support/large-store';
import { runChild } from './support/run-child';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

export async function runHistoryBench(): Promise<void> {
  const store = await largeStore(quick ? 20_000 : 1_000_000);
  warmPageCache(store);
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-history-'));
  try {
    const raw = await runChild<{ events: number; seconds: number; perSecond: number }>('rebuild-child.ts', [
      'scan',
      store,
    ]);
    const server = await startChildServer('serve-service.ts', [folder, 'NORMAL', store]);
    try {
      // The live read models catch up first, so the measured queries do not share the CPU with them.
      while ((await fetch(`${server.url}/health/ready`)).status !== 200)
        await new Promise((r) => setTimeout(r, 500));
      const asOf = `${server.url}/v1/spread/summary?asOf=2018-03-31&asKnownAt=${encodeURIComponent(new Date().toISOString())}`;
      const get = async (url: string) => {
        const response = await fetch(url, { headers: server.auth });
        if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        return response.text();
      };
      const [, uncached] = await timed(() => get(asOf));
      const [, cached] = await timed(() => get(asOf));
      const [lines, exportSeconds] = await timed(async () => {
        const response = await fetch(`${server.url}/v1/export/events`, { headers: server.auth });
        let count = 0;
        const decoder = new TextDecoder();
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          const text = decoder.decode(chunk, { stream: true });
          for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
        }
        return count;
      });
      const serverRss = await server.stop();
      const rows = [
        [
          'as-of summary (asOf 2018-03-31, asKnownAt now), first call: a fold of the bounded log, s',
          fmt(uncached, 2),
          fmt(raw.seconds, 2),
          fmt(raw.seconds / uncached, 2),
          '≤ 3 s',
        ],
        ['the same query again (cached by model, version and bounds), s', fmt(cached, 3), '', '', ''],
        [
          'NDJSON export of the whole log, events/s',
          fmt(lines / exportSeconds),
          fmt(raw.perSecond),
          fmt(lines / exportSeconds / raw.perSecond, 2),
          '≥ 100,000',
        ],
        ['server peak RSS over the run, MB', fmt(serverRss), '', '', 'flat'],
      ];
      for (const row of rows) console.log(row.join('  '));
      writeSection(
        'history',
        `## Time travel and export — \`npm run bench:history\`${quick ? ' (quick)' : ''}\n\n` +
          `${fmt(raw.events)} events of the simulated programme; the service on the embedded store in its own process, asked over HTTP; the baseline is a raw scan and JSON parse of the same rows in the same run (${fmt(raw.seconds, 2)} s). ${fmt(lines)} NDJSON lines exported in ${fmt(exportSeconds, 1)} s.\n\n` +
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
