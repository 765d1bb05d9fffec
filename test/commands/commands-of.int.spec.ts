import { Test } from '@nestjs/testing';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueService } from '../../src/commands/catalogue.service';
import { AGGREGATES } from '../../src/commands/catalogue';
import { FactLookups } from '../../src/commands/fact-lookups';
import { StreamStateCache } from '../../src/commands/stream-state-cache';
import { DomainError } from '../../src/domain/shared';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProblemException } from '../../src/shared/problem';
import { newEvent } from '../support/new-event';

const context = { now: '2026-01-01T00:00:00.000Z', occurredAt: '2019-04-01T00:00:00.000Z' };
const register = (odsCode: string) => ({
  odsCode,
  name: `Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate: '2001-04-01',
});

/**
 * The definitions `commandsOf` builds, run as the handler runs them: accept a
 * body, fold the target stream, look up facts, decide. Real store, real cache.
 */
describe('command definitions from commandsOf [sqlite: embedded file store]', () => {
  const catalogue = new CatalogueService(AGGREGATES);
  const definition = (name: string) => {
    const found = catalogue.command(name);
    if (!found) throw new Error(name);
    return found;
  };
  let folder: string;
  let store: SqliteEventStore;
  let streams: StreamStateCache;
  let lookups: FactLookups;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-commands-of-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    streams = new StreamStateCache(store);
    const module = await Test.createTestingModule({ imports: [CqrsModule.forRoot()] }).compile();
    lookups = new FactLookups(streams, module.get(QueryBus));
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Decides a command on its stream and appends what it decided, as the handler does. */
  async function run(name: string, body: object) {
    const command = await definition(name).accept(body);
    const decision = await command.load(streams, lookups);
    const events = await decision.decide(context);
    if (events.length > 0) {
      await store.appendToStream(
        command.streamId,
        events.map((event) => newEvent(event.type, event.data)),
        { expectedRevision: decision.revision },
      );
    }
    return { command, events };
  }

  it('accepts a body as its DTO and targets the stream the body names', async () => {
    const command = await definition('RegisterOrganisation').accept(register('RYX'));
    expect(command).toMatchObject({ name: 'RegisterOrganisation', streamId: 'organisation-RYX' });
    expect(command.dto).toMatchObject(register('RYX'));
  });

  it('refuses a body its DTO refuses, naming the field and the rule', async () => {
    const refused = await definition('RegisterOrganisation')
      .accept({ ...register('RYX'), openDate: '2001-02-30', extra: 1 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).extensions.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'openDate' }),
        expect.objectContaining({ field: 'extra', rule: 'unknown-field' }),
      ]),
    );
  });

  it("decides with the body's data on the folded stream", async () => {
    const { events } = await run('RegisterOrganisation', register('RYX'));
    expect(events).toEqual([
      {
        type: 'OrganisationRegistered',
        data: expect.objectContaining({ odsCode: 'RYX', name: 'Trust RYX' }),
      },
    ]);
    // The same command on the stream as it now is: the decider sees the registration.
    await expect(run('RegisterOrganisation', register('RYX'))).rejects.toBeInstanceOf(DomainError);
  });

  it('looks up the facts its rule needs in the other stream before deciding', async () => {
    await run('RegisterOrganisation', register('RYX'));
    const merger = { odsCode: 'RYX', successorOdsCode: 'RXX', effectiveDate: '2019-04-01' };
    const unregistered = await run('RecordMerger', merger).catch((error: unknown) => error);
    expect(unregistered).toMatchObject({ rule: 'merger-successor-not-registered' });
    await run('RegisterOrganisation', register('RXX'));
    const { events } = await run('RecordMerger', merger);
    expect(events).toEqual([
      {
        type: 'OrganisationsMerged',
        data: { predecessorOdsCode: 'RYX', successorOdsCode: 'RXX', effectiveDate: '2019-04-01' },
      },
    ]);
  });

  it('gives every aggregate the state its decider folds from a stream', async () => {
    await run('RegisterOrganisation', register('RYX'));
    const aggregate = catalogue.aggregateOf('organisation-RYX');
    expect(aggregate?.category).toBe('organisation');
    expect(aggregate?.stateOf(await store.readStream('organisation-RYX'))).toMatchObject({
      status: 'registered',
    });
  });
});
