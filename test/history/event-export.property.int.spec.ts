import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { eventUpcasters } from '../../src/app.factory';
import { UpcastingEventStore } from '../../src/event-store/upcasting/upcasting-event-store';
import { Bounds } from '../../src/shared/bounds';
import { exportEvents, ExportFilter, exportNdjson, toNdjsonLine } from '../../src/history/event-export';

const day = (n: number) => new Date(Date.UTC(2017, 0, 1) + n * 86_400_000).toISOString();
const ODS = ['RA1', 'RA2', 'RA3'];

/** An event on an organisation's stream, on a measure stream naming one in its payload, or an old-shape measurement. */
const fact = fc.record({
  kind: fc.constantFrom('organisation', 'named', 'measurement-v1', 'other'),
  ods: fc.constantFrom(...ODS),
  /** Business day after 2017-01-01, and how many days later it became known. */
  on: fc.integer({ min: 0, max: 500 }),
  knownAfter: fc.integer({ min: 0, max: 200 }),
  text: fc.string({ unit: 'grapheme', maxLength: 12 }),
});

const at = fc.option(fc.integer({ min: 0, max: 700 }).map(day), { nil: undefined });
const query = fc.record({
  bounds: fc.record({ asOf: at, asKnownAt: at }),
  atPosition: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  filter: fc.record({
    categories: fc.option(fc.subarray(['organisation', 'measure', 'note'], { minLength: 1 }), {
      nil: undefined,
    }),
    eventTypes: fc.option(
      fc.subarray(['Noted', 'MeasurementRecorded', 'OrganisationRenamed'], { minLength: 1 }),
      {
        nil: undefined,
      },
    ),
    organisation: fc.option(fc.constantFrom(...ODS), { nil: undefined }),
  }),
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('NDJSON export from the JSON text the store hands out [sqlite: embedded file store]', () => {
  it('writes the lines of the parsed events, for any bounds and filter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 30 }), query, async (facts, q) => {
        const folder = mkdtempSync(join(tmpdir(), 'aet-export-'));
        let recordedAt = day(0);
        const store = new UpcastingEventStore(
          SqliteEventStore.open({ path: join(folder, 'events.sqlite'), now: () => new Date(recordedAt) }),
          eventUpcasters(),
        );
        try {
          for (const f of facts) {
            recordedAt = day(f.on + f.knownAfter);
            const metadata = {
              occurredAt: day(f.on),
              actor: 'property',
              sourceSystem: 'test',
              correlationId: randomUUID(),
              causationId: null,
              schemaVersion: 1,
            };
            const [stream, type, data] =
              f.kind === 'organisation'
                ? [`organisation-${f.ods}`, 'OrganisationRenamed', { odsCode: f.ods, newName: f.text }]
                : f.kind === 'named'
                  ? ['note-1', 'Noted', { successorOdsCode: f.ods, note: f.text }]
                  : f.kind === 'measurement-v1'
                    ? [
                        'measure-m-1',
                        'MeasurementRecorded',
                        { measureId: 'm-1', unitId: 'u', period: '2017-04', role: 'Outcome', percentage: 50 },
                      ]
                    : ['note-2', 'Noted', { note: `${f.text} about ${f.ods}` }];
            await store.appendToStream(stream, [{ id: randomUUID(), type, data, metadata }]);
          }
          const bounds: Bounds = { ...q.bounds, atPosition: q.atPosition };
          const filter: ExportFilter = q.filter;
          const expected = (await collect(exportEvents(store, bounds, filter))).map(toNdjsonLine);
          const lines = (await collect(exportNdjson(store, bounds, filter))).join('').split('\n');
          expect(lines.pop()).toBe('');
          // SQLite quotes the envelope's strings itself: the same JSON, perhaps escaped differently.
          expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(
            expected.map((line) => JSON.parse(line) as unknown),
          );
        } finally {
          await store.close();
          rmSync(folder, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
