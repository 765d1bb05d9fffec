import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { REGISTER_CSV, RegisterSeeder } from '../../src/register/register-seeder';
import { loadTrustRegister } from '../../src/trust-register/trust-register';
import { startTestApp } from '../support/test-app';

describe('organisation register seed on an empty embedded store [sqlite: embedded file store, through the commands]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-seed-'));
  const env = {
    SQLITE_PATH: join(folder, 'events.sqlite'),
    STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
    SEED_REGISTER_ON_EMPTY_STORE: 'true',
  };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const trusts = loadTrustRegister(REGISTER_CSV);
  const closed = trusts.filter((t) => t.closeDate !== null).length;
  const renamed = trusts.flatMap((t) => t.earlierNames).length;

  it('registers every trust on the first start of an empty store, and nothing more later', async () => {
    const first = await startTestApp(env);
    const store = first.app.get<symbol, EventStore>(EVENT_STORE);
    const events = await store.readAll();
    expect(events.filter((e) => e.type === 'OrganisationRegistered')).toHaveLength(trusts.length);
    expect(events.filter((e) => e.type === 'OrganisationDissolved')).toHaveLength(closed);
    expect(events.filter((e) => e.type === 'OrganisationRenamed')).toHaveLength(renamed);
    const types = events.flatMap((e) =>
      e.type === 'OrganisationRegistered' ? [(e.data as { type: string }).type] : [],
    );
    expect(types.filter((t) => t === 'Unknown').length).toBeLessThanOrEqual(trusts.length / 10);
    const registered = events.find((e) => e.streamId === 'organisation-RV3');
    expect(registered?.metadata).toMatchObject({
      sourceSystem: 'ods-register',
      occurredAt: '1999-04-01T00:00:00Z',
    });
    const head = await store.headPosition();

    const again = await first.app.get(RegisterSeeder).seed();
    expect(again).toEqual({
      organisations: trusts.length,
      written: 0,
      alreadyThere: trusts.length + closed + renamed,
      differing: [],
    });
    expect(await store.headPosition()).toBe(head);

    // Registered under the name it had, renamed on the day: read models at any earlier date show the old name.
    const lancashire = events.filter((e) => e.streamId === 'organisation-RW5');
    expect(lancashire.map((e) => [e.type, e.metadata.occurredAt, e.data])).toEqual([
      [
        'OrganisationRegistered',
        '2002-04-01T00:00:00Z',
        expect.objectContaining({ name: 'Lancashire Care NHS Foundation Trust', type: 'MentalHealthTrust' }),
      ],
      [
        'OrganisationRenamed',
        '2019-10-01T00:00:00Z',
        expect.objectContaining({ newName: 'Lancashire & South Cumbria NHS Foundation Trust' }),
      ],
    ]);
    await first.close();

    const restarted = await startTestApp(env);
    expect(await restarted.app.get<symbol, EventStore>(EVENT_STORE).headPosition()).toBe(head);
    await restarted.close();
  });
});
