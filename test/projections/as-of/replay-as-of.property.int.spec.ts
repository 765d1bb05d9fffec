import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../../src/event-store';
import { replayAsOf } from '../../../src/projections/as-of/replay-as-of';
import { Bounds, endOfDayIfDate } from '../../../src/shared/bounds';
import { AS_OF_TARGETS, fullFold, snapshotStore, tallyProjection } from './as-of-stores';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2024, 5, 30, 23, 59, 59, 999);
const MONTH_ENDS = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31'].map(endOfDayIfDate);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Business times as events carry them: on a month end to the millisecond, just after, anywhere, as a date alone, at an offset. */
const occurredAt = fc.oneof(
  fc.constantFrom(...MONTH_ENDS),
  fc.constantFrom(...MONTH_ENDS).map((end) => iso(Date.parse(end) + 1)),
  fc.integer({ min: START, max: END }).map(iso),
  fc.integer({ min: 0, max: 181 }).map((day) => iso(START + day * DAY).slice(0, 10)),
  fc.integer({ min: START, max: END }).map((ms) => iso(ms + 3_600_000).replace('Z', '+01:00')),
);

const append = fc.record({
  stream: fc.integer({ min: 0, max: 3 }),
  type: fc.constantFrom('Counted', 'Adjusted', 'Ignored'),
  occurredAt,
  count: fc.integer({ min: 1, max: 3 }),
});

/** asOf on the grid (most often) or off it; knowledge now, as known at an event's recording, or at its position. */
const query = fc.record({
  asOf: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MONTH_ENDS.slice(1, 4)) },
    { weight: 1, arbitrary: fc.integer({ min: START, max: END }).map(iso) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: 181 })
        .map((day) => endOfDayIfDate(iso(START + day * DAY).slice(0, 10))),
    },
  ),
  knowledge: fc.constantFrom('now', 'asKnownAt', 'atPosition'),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
});

/** Phases of appends (later ones backdated into months already asked about) and queries in between. */
const scenario = fc.array(
  fc.record({
    appends: fc.array(append, { minLength: 1, maxLength: 12 }),
    queries: fc.array(query, { minLength: 1, maxLength: 6 }),
  }),
  { minLength: 2, maxLength: 4 },
);

function boundsOf(q: QueryCase, log: RecordedEvent[]): Bounds {
  const event = log[Math.floor(q.at * log.length)];
  if (q.knowledge === 'asKnownAt') return { asOf: q.asOf, asKnownAt: event.metadata.recordedAt };
  if (q.knowledge === 'atPosition') return { asOf: q.asOf, atPosition: event.position };
  return { asOf: q.asOf };
}

interface QueryCase {
  asOf: string;
  knowledge: 'now' | 'asKnownAt' | 'atPosition';
  at: number;
}

describe.each(AS_OF_TARGETS)('as-of folds from month-end snapshots [$name]', (target) => {
  it('equal the fold of the whole log inside the bounds, whatever the bounds and however late events arrive', async () => {
    let fromSnapshot = 0;
    let queries = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (phases) => {
        // The store stamps recordedAt from this clock: a second per append, so knowledge bounds fall between them.
        let clock = Date.UTC(2024, 6, 1);
        const { store, dispose } = await target.open(() => clock);
        const { snapshots, db } = snapshotStore();
        try {
          let n = 0;
          for (const phase of phases) {
            for (const a of phase.appends) {
              clock += 1_000;
              const events: NewEvent[] = Array.from({ length: a.count }, () => ({
                id: randomUUID(),
                type: a.type,
                data: { n: n++ },
                metadata: {
                  occurredAt: a.occurredAt,
                  actor: 'property',
                  sourceSystem: 'test',
                  correlationId: randomUUID(),
                  causationId: null,
                  schemaVersion: 1,
                },
              }));
              await store.appendToStream(`tally-${a.stream}`, events);
            }
            const log = await store.readAll();
            for (const q of phase.queries) {
              const bounds = boundsOf(q, log);
              const answer = await replayAsOf(store, tallyProjection, bounds, snapshots);
              expect(answer.state).toEqual(await fullFold(store, tallyProjection, bounds));
              queries++;
              if (answer.startedAt > 0) fromSnapshot++;
            }
          }
        } finally {
          db.close();
          await dispose();
        }
      }),
      { numRuns: 40 },
    );
    // The property is about the snapshot path: a good share of the answers (about one in ten) start from one.
    expect(fromSnapshot).toBeGreaterThan(queries / 20);
    // Forty logs of up to 48 events through the wire double took 3–13 s alone and over 30 s under a full run's load.
  }, 180_000);
});
