/**
 * Screening benchmark: what screen() (patient data) and the JSON shape scan
 * cost on the bodies every command brings, next to JSON.parse of the same
 * text measured in the same run; and, for hostile text, whether the cost
 * grows linearly (64 KiB against 1 MiB of the same pattern: 16 × is linear).
 */
import { screen } from '../src/privacy/screening';
import { jsonShapeViolation } from '../src/shared/validation/json-limits';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 21;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Median ms of `run`, repeated `inner` times per sample (for work too short to time once). */
function time(run: () => unknown, inner = 1): number {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    for (let j = 0; j < inner; j++) run();
    samples.push((performance.now() - start) / inner);
  }
  return median(samples);
}

const typical = {
  commandId: 'c-7d1e4a52-1b0f-4f5e-9c0d-2b8f3e6a9d11',
  alwaysEventId: '3f6c1d0e-6a57-4d8e-9b1f-123456789012',
  description:
    'Patients said they want to know who is looking after them on every shift, and when that changes.',
  origin: 'CoDesignSession',
  occurredAt: '2018-03-14T10:45:00Z',
};
const prose = (bytes: number) => ({
  notes: 'Staff and patients agreed the 2018 plan; 12 of 30 wards report monthly. '.repeat(bytes / 72),
});

const HOSTILE: Array<[string, (n: number) => string]> = [
  ['letters', (n) => 'a'.repeat(n)],
  ['single digits and spaces', (n) => '1 '.repeat(n / 2)],
  ['at signs', (n) => 'a@'.repeat(n / 2)],
  ['hex digits', (n) => '0123456789abcdef'.repeat(n / 16)],
  ['dates and postcodes', (n) => 'DOB 01/02/1950 LS1 4AP '.repeat(n / 23)],
  ['non-ASCII digits', (n) => '٩٤٣ '.repeat(n / 4)],
];

export async function runScreeningBench(): Promise<void> {
  const rows: string[][] = [];
  for (const [name, body, inner] of [
    ['typical command body', typical, 2_000],
    ['64 KiB of notes', prose(64 * 1024), 20],
    ['1 MiB of notes (the body limit)', prose(1024 * 1024), 1],
  ] as const) {
    const text = JSON.stringify(body);
    const parse = time(() => JSON.parse(text), inner);
    const screening = time(() => screen(body), inner);
    const shape = time(() => jsonShapeViolation(text), inner);
    rows.push([name, fmt(text.length), fmt(screening, 4), fmt(shape, 4), fmt(parse, 4)]);
  }
  const linear: string[][] = [];
  for (const [name, make] of HOSTILE) {
    const small = make(64 * 1024);
    const large = make(1024 * 1024);
    const a = time(() => screen(small), 5);
    const b = time(() => screen(large));
    linear.push([name, fmt(a, 2), fmt(b, 2), fmt(b / a, 1)]);
  }
  for (const row of [...rows, ...linear]) console.log(row.join('  '));
  writeSection(
    'screening',
    `## Screening — \`npm run bench:screening\`${quick ? ' (quick)' : ''}\n\n` +
      `\`screen()\` (patient data in every string, number and field name) and \`jsonShapeViolation()\` (depth, width, duplicate and prototype keys, on the raw text) per body, median of ${RUNS}, next to \`JSON.parse\` of the same text in the same run.\n\n` +
      table(['body', 'characters', 'screen ms', 'shape scan ms', 'JSON.parse ms'], rows) +
      `\n\nHostile text, 64 KiB against 1 MiB of the same pattern: a ratio near 16 is linear (a quadratic scan would be near 256).\n\n` +
      table(['pattern', '64 KiB ms', '1 MiB ms', 'ratio'], linear),
  );
}

if (require.main === module) {
  void runScreeningBench();
}
