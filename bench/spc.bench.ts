/**
 * SPC benchmark: computeChart() on a 10,000-point XmR chart with every rule on
 * (outside limits, shift, trend, two-of-three, Anhøj runs), validation included,
 * next to a bare loop over the same data that computes only the mean, the
 * moving ranges and the limits, measured in the same run.
 */
import { computeChart, SpcRequest } from '../src/analytics';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const POINTS = 10_000;
const RUNS = quick ? 10 : 50;

/** Deterministic data: bell-shaped noise (three uniforms from an LCG), a small step up halfway, a rise at the end. */
function series(count: number): number[] {
  let state = 12345;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  return Array.from(
    { length: count },
    (_, i) =>
      50 +
      10 * (noise() + noise() + noise()) +
      (i > count / 2 ? 1.5 : 0) +
      (i > count - 50 ? i - (count - 50) : 0),
  );
}

function bareLimits(values: Float64Array): [number, number] {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let ranges = 0;
  for (let i = 1; i < values.length; i++) ranges += Math.abs(values[i] - values[i - 1]);
  const mr = ranges / (values.length - 1);
  return [mean - 2.66 * mr, mean + 2.66 * mr];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function time(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function runSpcBench(): Promise<void> {
  const values = series(POINTS);
  const request: SpcRequest = {
    chart: 'xmr',
    profile: 'mdc',
    points: values.map((value) => ({ value })),
    improvementDirection: 'increase',
    target: 55,
    overrides: { runsTest: 'anhoej' },
  };
  const raw = Float64Array.from(values);
  const result = computeChart(request);
  const perRule = ['outside-limits', 'shift', 'trend', 'two-of-three', 'runs']
    .map((rule) => `${rule} ${fmt(result.points.filter((p) => p.rules.some((r) => r === rule)).length)}`)
    .join(', ');
  const engine = time(() => computeChart(request));
  const bare = time(() => bareLimits(raw));
  const rows = [
    [
      `XmR, ${fmt(POINTS)} points, all rules (median of ${RUNS})`,
      fmt(engine, 2),
      fmt(bare, 3),
      fmt(engine / bare, 0),
      '≤ 50 ms',
    ],
  ];
  console.log(rows[0].join('  '), `(${perRule})`);
  writeSection(
    'spc',
    `## SPC engine — \`npm run bench:spc\`${quick ? ' (quick)' : ''}\n\n` +
      `\`computeChart()\` on ${fmt(POINTS)} XmR points with every rule on (outside limits, shift, trend, two-of-three, Anhøj runs) and icons, request validation included; points flagged per rule: ${perRule}. The baseline is a bare loop over the same values in a Float64Array computing only the mean, the moving ranges and the limits. The goal is reported, not asserted.\n\n` +
      table(['measure', 'computeChart ms', 'bare loop ms', 'ratio', 'goal'], rows),
  );
}

if (require.main === module) {
  void runSpcBench();
}
