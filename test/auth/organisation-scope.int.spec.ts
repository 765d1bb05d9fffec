import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authoriseCommand } from '../../src/auth/authorise-command';
import { OrganisationResolver } from '../../src/auth/organisation-resolver';
import type { Principal } from '../../src/auth/principal';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProblemException } from '../../src/shared/problem';

const trust: Principal = { id: 'trust-rin', role: 'submitter', organisations: ['RIN'], strategy: 'api-key' };
const national: Principal = { id: 'nhse', role: 'programme-admin', organisations: '*', strategy: 'api-key' };

/**
 * Organisation scoping through the Always Event, PDSA cycle and measure
 * streams, by the event names and payload fields of docs/architecture/domain-model.md, written
 * straight to a real store (those aggregates' commands land separately).
 */
describe('organisation scoping through aggregate streams [sqlite]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-scope-'));
  let store: SqliteEventStore;
  let resolver: OrganisationResolver;
  const ours = randomUUID();
  const theirs = randomUUID();
  const ourCycle = randomUUID();
  const theirMeasure = randomUUID();
  const legacyMeasure = randomUUID();
  const orphanMeasure = randomUUID();

  const write = async (streamId: string, type: string, data: object) =>
    store.appendToStream(streamId, [
      {
        id: randomUUID(),
        type,
        data,
        metadata: {
          occurredAt: '2018-01-01T00:00:00Z',
          actor: 'test',
          sourceSystem: 'test',
          correlationId: 'c',
          causationId: null,
          schemaVersion: 1,
        },
      },
    ]);

  beforeAll(async () => {
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    resolver = new OrganisationResolver(store);
    const subject = (id: string, odsCode: string) => ({ alwaysEventId: id, programmeSlug: 'p', odsCode });
    await write(`always-event-${ours}`, 'AlwaysEventInitiated', subject(ours, 'RIN'));
    await write(`always-event-${theirs}`, 'AlwaysEventInitiated', subject(theirs, 'ROUT'));
    await write(`pdsa-${ourCycle}`, 'PdsaCyclePlanned', {
      pdsaCycleId: ourCycle,
      alwaysEventId: ours,
      odsCode: 'RIN',
    });
    await write(`measure-${theirMeasure}`, 'MeasureDefined', {
      measureId: theirMeasure,
      alwaysEventId: theirs,
      odsCode: 'ROUT',
    });
    // Only the Always Event id: the organisation is the Always Event's.
    await write(`measure-${legacyMeasure}`, 'MeasureDefined', {
      measureId: legacyMeasure,
      alwaysEventId: theirs,
    });
    await write(`measure-${orphanMeasure}`, 'MeasureDefined', { measureId: orphanMeasure });
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const decide = async (principal: Principal, name: string, dto: object): Promise<number> => {
    try {
      await authoriseCommand(principal, { name }, dto, resolver);
      return 200;
    } catch (error) {
      if (error instanceof ProblemException) return error.status;
      throw error;
    }
  };

  it.each([
    ['InitiateAlwaysEvent', { alwaysEventId: randomUUID(), odsCode: 'RIN' }, 200],
    ['InitiateAlwaysEvent', { alwaysEventId: randomUUID(), odsCode: 'ROUT' }, 403],
    ['AgreeStatement', { alwaysEventId: ours }, 200],
    ['AgreeStatement', { alwaysEventId: theirs }, 403],
    ['PlanPdsaCycle', { pdsaCycleId: randomUUID(), alwaysEventId: ours }, 200],
    ['PlanPdsaCycle', { pdsaCycleId: randomUUID(), alwaysEventId: theirs }, 403],
    ['StartPdsaCycle', { pdsaCycleId: ourCycle }, 200],
    ['DefineMeasure', { measureId: randomUUID(), alwaysEventId: theirs }, 403],
    ['RecordMeasurement', { measureId: theirMeasure, period: '2018-01' }, 403],
    ['RecordMeasurement', { measureId: legacyMeasure, period: '2018-01' }, 403],
  ])('%s %j → %i', async (name, dto, status) => {
    expect(await decide(trust, name, dto)).toBe(status);
  });

  it('refuses a body that claims its own organisation while targeting another organisation’s Always Event', async () => {
    expect(await decide(trust, 'AgreeStatement', { alwaysEventId: theirs, odsCode: 'RIN' })).toBe(403);
    expect(await decide(trust, 'LinkMeasure', { alwaysEventId: ours, measureId: theirMeasure })).toBe(403);
  });

  it('refuses what cannot be traced to an organisation, never allows it', async () => {
    expect(await decide(trust, 'RecordMeasurement', { measureId: orphanMeasure })).toBe(403);
    expect(await decide(trust, 'StartPdsaCycle', { pdsaCycleId: randomUUID() })).toBe(403);
    expect(await decide(trust, 'AgreeStatement', {})).toBe(403);
    expect(await decide(trust, 'AgreeStatement', { alwaysEventId: 42 })).toBe(403);
    expect(await decide(trust, 'ExpressInterest', { odsCode: 'not an ods code' })).toBe(403);
  });

  it('does not scope the national team, and refuses commands without a policy', async () => {
    expect(await decide(national, 'RecordMeasurement', { measureId: theirMeasure })).toBe(200);
    expect(await decide(national, 'LaunchRocket', {})).toBe(403);
    expect(await decide(trust, 'CommissionEvaluation', {})).toBe(403);
  });

  it('finds the organisation of every kind of stream', async () => {
    expect(await resolver.organisationOfStream('organisation-RIN')).toEqual({ found: true, odsCode: 'RIN' });
    expect(await resolver.organisationOfStream('participation-always-events-england.RIN')).toEqual({
      found: true,
      odsCode: 'RIN',
    });
    expect(await resolver.organisationOfStream('engagement-p.ROUT')).toEqual({
      found: true,
      odsCode: 'ROUT',
    });
    expect(await resolver.organisationOfStream(`pdsa-${ourCycle}`)).toEqual({ found: true, odsCode: 'RIN' });
    expect(await resolver.organisationOfStream(`measure-${legacyMeasure}`)).toEqual({
      found: true,
      odsCode: 'ROUT',
    });
    expect(await resolver.organisationOfStream('programme-p')).toEqual({ found: true });
    expect(await resolver.organisationOfStream(`measure-${randomUUID()}`)).toEqual({ found: false });
  });
});
