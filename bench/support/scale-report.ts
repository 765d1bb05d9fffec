import { fmt, table } from './results';
import { AsOfFigures, MONTH_END, SizeFigures } from './scale-measures';

interface Figure {
  label: string;
  of(f: SizeFigures): number;
  digits: number;
  /** The same run's raw scan, where the figure is read against it. */
  raw?(f: SizeFigures): number;
  goal?: string;
  /** Whether the goal is met; goals are reported, never asserted. */
  met?(value: number, f: SizeFigures): boolean;
}

const asOfLabel = (a: AsOfFigures): string =>
  `as-of ${a.date} (${a.date === MONTH_END ? 'month end' : 'off the grid'}), known ${a.knownAt === 'now' ? 'now (no asKnownAt)' : 'half-way through the log'}`;

const find = (f: SizeFigures, i: number): AsOfFigures => f.asOf[i];

/** Every figure of a size, in the order of the tables; as-of rows follow the queries measured. */
function figures(sample: SizeFigures): Figure[] {
  const rssGoal = { goal: '≤ 512 MB', met: (v: number) => v <= 512 };
  const asOf = sample.asOf.flatMap((a, i): Figure[] => {
    const monthEnd = a.date === MONTH_END;
    // Only a month-end fold not bounded by recordedAt is kept (src/projections/as-of/replay-as-of.ts).
    const kept = monthEnd && a.knownAt === 'now';
    const label = asOfLabel(a);
    const rows: Figure[] = [
      {
        label: `${label}: first call (from the start${kept ? ', keeps a snapshot' : ''}), s`,
        of: (f) => find(f, i).first,
        digits: 2,
        ...(monthEnd ? {} : { goal: '≤ 10 s at 10M', met: (v: number) => v <= 10 }),
      },
      { label: `${label}: the same again (cached), s`, of: (f) => find(f, i).repeated, digits: 3 },
    ];
    if (monthEnd) {
      rows.push({
        label: `${label}: first call after a restart (${kept ? 'from the snapshot' : 'from the start: the snapshot holds later records'}), s`,
        of: (f) => find(f, i).afterRestart ?? NaN,
        digits: 2,
        goal: '≤ 3 s at 10M',
        met: (v) => v <= 3,
      });
    }
    return rows;
  });
  return [
    { label: 'raw scan + JSON parse, events/s', of: (f) => f.raw.perSecond, digits: 0 },
    { label: 'store file, MB', of: (f) => f.storeBytes / 2 ** 20, digits: 0 },
    {
      label: 'rebuild of every read model from position 0, events/s',
      of: (f) => f.rebuild.perSecond,
      raw: (f) => f.raw.perSecond,
      digits: 0,
      goal: '≥ 0.5 × raw',
      met: (v, f) => v >= 0.5 * f.raw.perSecond,
    },
    {
      label: 'rebuild peak RSS, MB',
      of: (f) => f.rebuild.rssMb,
      raw: (f) => f.raw.rssMb,
      digits: 0,
      ...rssGoal,
    },
    {
      label: 'live heap after the rebuild (every model held, after a full collection), MB',
      of: (f) => f.rebuild.liveHeapMb,
      digits: 0,
    },
    {
      label: 'restart to /health/ready with snapshots, s',
      of: (f) => f.restart.seconds,
      digits: 2,
      goal: '≤ 3 s',
      met: (v) => v <= 3,
    },
    { label: 'restart peak RSS, MB', of: (f) => f.restart.rssMb, digits: 0, ...rssGoal },
    ...asOf,
    {
      label: 'as-of service peak RSS (start, catch-up, queries), MB',
      of: (f) => f.asOfRssMb,
      digits: 0,
      ...rssGoal,
    },
    {
      label: 'NDJSON export of the whole log, events/s',
      of: (f) => f.exported.perSecond,
      raw: (f) => f.raw.perSecond,
      digits: 0,
      goal: '≥ 150,000',
      met: (v) => v >= 150_000,
    },
    { label: 'export service peak RSS, MB', of: (f) => f.exported.rssMb, digits: 0, ...rssGoal },
    {
      label: `slowest of ${sample.reads.endpoints.length} read endpoints (each asked once, in full), s`,
      of: (f) => Math.max(...f.reads.endpoints.map((e) => e.seconds)),
      digits: 2,
    },
    {
      label: 'longest /health/live wait while they ran (asked every 20 ms), s',
      of: (f) => f.reads.worstLiveSeconds,
      digits: 2,
    },
    {
      label: 'longest /health/live wait on the idle service just before, s',
      of: (f) => f.reads.idleLiveSeconds,
      digits: 3,
    },
    { label: 'read endpoints service peak RSS, MB', of: (f) => f.reads.rssMb, digits: 0, ...rssGoal },
    {
      label: `data cut taken (every read model checksummed as of ${MONTH_END}), s`,
      of: (f) => f.cut.takeSeconds,
      digits: 2,
    },
    {
      label: 'data cut verified (replayed, checksums compared), s',
      of: (f) => f.cut.verifySeconds,
      digits: 2,
    },
    { label: 'data cut peak RSS, MB', of: (f) => f.cut.rssMb, digits: 0, ...rssGoal },
  ];
}

const verdict = (figure: Figure, value: number, f: SizeFigures): string =>
  figure.met ? (Number.isNaN(value) ? '' : figure.met(value, f) ? 'met' : '**not met**') : '';

/** One size's table: each figure, the same run's raw scan where it applies, the goal and whether it is met. */
export function sizeTable(f: SizeFigures): string {
  const rows = figures(f).map((figure) => {
    const value = figure.of(f);
    const raw = figure.raw?.(f);
    return [
      figure.label,
      fmt(value, figure.digits),
      raw === undefined ? '' : fmt(raw, figure.digits),
      raw === undefined ? '' : fmt(value / raw, 2),
      figure.goal ?? '',
      verdict(figure, value, f),
    ];
  });
  rows.push([
    'data cut verification matched',
    f.cut.match ? 'yes' : '**no**',
    '',
    '',
    'yes',
    f.cut.match ? 'met' : '**not met**',
  ]);
  return table(['measure', 'value', 'raw scan', 'ratio', 'goal', ''], rows);
}

/** Each figure at every size and its growth from the smallest size to the largest, beside the events' growth. */
export function growthTable(sizes: readonly SizeFigures[]): string {
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const headers = [
    'measure',
    ...sizes.map((s) => `${fmt(s.events)} events`),
    `growth (× for ×${fmt(last.events / first.events, 1)} events)`,
  ];
  const rows = figures(first).map((figure) => [
    figure.label,
    ...sizes.map((s) => fmt(figure.of(s), figure.digits)),
    fmt(figure.of(last) / figure.of(first), 2),
  ]);
  return table(headers, rows);
}

/** Each read endpoint's time at one size, slowest first: where a size's time goes. */
export function readEndpointsTable(f: SizeFigures): string {
  const rows = [...f.reads.endpoints]
    .sort((a, b) => b.seconds - a.seconds)
    .map((e) => [`\`${e.path.replace(/[0-9a-f-]{36}/g, '{id}')}\``, String(e.status), fmt(e.seconds, 3)]);
  return table(['read endpoint (first call after start)', 'status', 's'], rows);
}
