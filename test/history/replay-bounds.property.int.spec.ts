import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Bounds, withinBounds } from '../../src/shared/bounds';
import { replay } from '../../src/projections/runner/replay';
import { foldProjection } from '../../src/projections/runner/projection';
import { spreadProjection } from '../../src/projections/spread/spread.projection';

const SLUG = 'always-events-england';
const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** One fact of the programme: registering an organisation, or enrolling it (with a sponsor), or withdrawing it. */
const fact = fc.record({
  kind: fc.constantFrom('register', 'enrol', 'vacate', 'withdraw'),
  ods: fc.constantFrom('RA1', 'RA2', 'RA3', 'RA4'),
  /** Business date, days after 2015-01-01. */
  on: fc.integer({ min: 0, max: 2000 }),
  /** Days after the business date it became known: late returns and backfill. */
  knownAfter: fc.integer({ min: 0, max: 400 }),
});

function toEvents(f: { kind: string; ods: string; on: number }): Array<[string, NewEvent]> {
  const key = { programmeSlug: SLUG, odsCode: f.ods };
  const meta = {
    occurredAt: `${day(f.on)}T00:00:00.000Z`,
    actor: 'property',
    sourceSystem: 'test',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  };
  const event = (type: string, data: object): NewEvent => ({ id: randomUUID(), type, data, metadata: meta });
  const participation = `participation-${SLUG}.${f.ods}`;
  switch (f.kind) {
    case 'register':
      return [
        [
          `organisation-${f.ods}`,
          event('OrganisationRegistered', {
            odsCode: f.ods,
            name: f.ods,
            type: 'AcuteTrust',
            regionCode: 'Y56',
            region: 'London',
            isNhsTrust: true,
            openDate: day(f.on),
          }),
        ],
      ];
    case 'enrol':
      return [
        [
          participation,
          event('ExecutiveSponsorConfirmed', {
            ...key,
            sponsor: { personId: 'p', title: 't', isBoardLevel: true },
            confirmedOn: day(f.on),
            seniorSupport: true,
          }),
        ],
        [
          participation,
          event('OrganisationEnrolled', {
            ...key,
            enrolledOn: day(f.on),
            phaseId: 'spread',
            enrolmentRoute: 'Direct',
            cohortId: null,
            sponsorPersonId: 'p',
            sponsorIsBoardLevel: true,
            seniorSupport: true,
          }),
        ],
      ];
    case 'vacate':
      return [
        [
          participation,
          event('ExecutiveSponsorVacated', {
            ...key,
            sponsorPersonId: 'p',
            vacatedOn: day(f.on),
            seniorSupport: false,
          }),
        ],
      ];
    default:
      return [
        [
          participation,
          event('OrganisationWithdrew', { ...key, withdrawnOn: day(f.on), reason: 'Capacity' }),
        ],
      ];
  }
}

/**
 * Time travel folds the same projection over the bounded log: for any history
 * (facts recorded late, in any order of business time) and any bounds, the
 * replay equals the projection folded over exactly the events inside them.
 */
describe('replay at (asOf, asKnownAt) [sqlite: embedded file store]', () => {
  it('equals the live projection of only the events inside the bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fact, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2400 }),
        fc.integer({ min: 0, max: 2400 }),
        async (facts, asOfDay, knownDay) => {
          const folder = mkdtempSync(join(tmpdir(), 'aet-prop-'));
          // Recorded in order of when each fact became known; the store stamps recordedAt from this clock.
          let clock = new Date(0);
          const store = SqliteEventStore.open({
            path: join(folder, 'e.sqlite'),
            synchronous: 'NORMAL',
            now: () => clock,
          });
          try {
            const known = [...facts].sort((a, b) => a.on + a.knownAfter - (b.on + b.knownAfter));
            for (const f of known) {
              clock = new Date(`${day(f.on + f.knownAfter)}T12:00:00.000Z`);
              for (const [stream, event] of toEvents(f)) await store.appendToStream(stream, [event]);
            }
            const bounds: Bounds = {
              asOf: `${day(asOfDay)}T23:59:59.999Z`,
              asKnownAt: `${day(knownDay)}T23:59:59.999Z`,
            };
            const all: RecordedEvent[] = await store.readAll();
            const expected = foldProjection(
              spreadProjection,
              all.filter((e) => withinBounds(bounds, e)),
            );
            const replayed = await replay(store, spreadProjection, bounds);
            expect(replayed.state).toEqual(expected);
          } finally {
            await store.close();
            rmSync(folder, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
