/**
 * Scale benchmark (issue 22, `npm run bench:scale [-- --sizes 1000000,3000000,10000000] [--quick]`):
 * at each store size, every figure in a process of its own against the same
 * run's raw scan: rebuild of every read model (events/s, peak RSS), restart
 * to ready with snapshots, as-of queries (a month end and a date off the
 * grid, as known now and half-way through the log; first call, repeated, and
 * month ends after a restart), the NDJSON export, a data cut taken and
 * verified, every read endpoint once with the liveness probe's longest
 * wait meanwhile. Then how each figure grew from the smallest size to the largest.
 * Goals are reported beside the figures, never asserted.
 */
import { NotEnoughDiskError } from './support/disk-space';
import { fmt, writeSection } from './support/results';
import { measureSize, SizeFigures } from './support/scale-measures';
import { growthTable, readEndpointsTable, sizeTable } from './support/scale-report';

const DEFAULT_SIZES = [1_000_000, 3_000_000, 10_000_000];
const QUICK_SIZES = [20_000];

export function sizesOf(argv: readonly string[]): number[] {
  if (argv.includes('--quick')) return QUICK_SIZES;
  const i = argv.indexOf('--sizes');
  if (i < 0) return DEFAULT_SIZES;
  const sizes = (argv[i + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isSafeInteger(n) || n < 1_000)) {
    throw new Error(
      `--sizes takes whole numbers of events of at least 1,000, comma-separated (got ${argv[i + 1]})`,
    );
  }
  return [...sizes].sort((a, b) => a - b);
}

export async function runScaleBench(argv: readonly string[] = process.argv): Promise<void> {
  const sizes = sizesOf(argv);
  const measured: SizeFigures[] = [];
  for (const events of sizes) {
    console.log(`\n-- ${fmt(events)} events`);
    const figures = await measureSize(events);
    console.log(sizeTable(figures));
    measured.push(figures);
  }
  const sections = measured.map(
    (f) =>
      `### ${fmt(f.events)} events (a store of about ${fmt(sizes[measured.indexOf(f)])} asked for)\n\nRaw scan + parse of the same rows in the same run: ${fmt(f.raw.seconds, 1)} s. Rebuild: ${fmt(f.rebuild.seconds, 1)} s. Known half-way through the log: ${f.pastKnownAt}.\n\n${sizeTable(f)}\n\n${readEndpointsTable(f)}`,
  );
  const growth =
    measured.length > 1
      ? `\n\n### Growth, ${fmt(measured[0].events)} → ${fmt(measured[measured.length - 1].events)} events\n\n${growthTable(measured)}`
      : '';
  writeSection(
    'scale',
    `## Scale — \`npm run bench:scale -- --sizes ${sizes.join(',')}\`${argv.includes('--quick') ? ' (quick)' : ''}\n\n` +
      'Stores of the simulated programme built through the command gateway (docs/contributors/benchmarks.md, "bench:scale"). Each measurement runs in its own process (peak RSS is its own) with the service\'s production V8 flags (`npm run start:prod`\'s), the raw scan too; the services start from the snapshots the rebuild left. "Known at" in the past is the recording time of the event half-way through the log. The data cut is the checksums TakeDataCut records and the verification that replays them; its one DataCutTaken append is left out so the reused store stays as built. Goals are the issue\'s, reported not asserted; the "at 10M" ones bind only at ten million events.\n\n' +
      sections.join('\n\n') +
      growth,
  );
}

if (require.main === module) {
  runScaleBench().catch((error: unknown) => {
    // A store that cannot be built here is one line, not a stack.
    console.error(error instanceof NotEnoughDiskError ? error.message : error);
    process.exitCode = 1;
  });
}
