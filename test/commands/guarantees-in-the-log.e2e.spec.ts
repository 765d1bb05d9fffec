import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { authHeaders } from '../support/credentials';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import {
  commandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from './command-client';

const registration = (odsCode: string) => ({
  odsCode,
  name: `Log Kept Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate: '2001-04-01',
});

const esdb = process.env.EVENT_STORE === 'esdb';

/**
 * The promises of the command API hold because the event store keeps them,
 * not the instance's state file: the store (the same SQLite file, or the same
 * EventStoreDB wire double) outlives the app here, and the state file is
 * deleted between two apps.
 */
describe(`guarantees kept by the log [${storeUnderTest}, real HTTP]`, () => {
  let double: EsdbDouble | undefined;
  let folder: string;
  let app: TestApp | undefined;

  const storeEnv = (): Record<string, string> =>
    double
      ? { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: double.connectionString }
      : { SQLITE_PATH: join(folder, 'events.sqlite'), STATE_SQLITE_PATH: join(folder, 'state.sqlite') };

  beforeAll(async () => {
    double = esdb ? await startEsdbDouble() : undefined;
    folder = mkdtempSync(join(tmpdir(), 'aet-log-kept-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await double?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const start = async (): Promise<TestApp> => (app = await startTestApp(storeEnv()));

  const exportedIds = async (url: string): Promise<string[]> => {
    const response = await fetch(`${url}/v1/export/events`, { headers: authHeaders(url) });
    expect(response.status).toBe(200);
    return (await response.text())
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => (JSON.parse(line) as { id: string }).id);
  };

  it('refuses a key reused for another stream after the state file was deleted, and no event id is ever stored twice', async () => {
    const before = await start();
    const client = commandClient(before.url);
    expectCreated(await client.post('RegisterOrganisation', registration('ZZZ6'), 'reuse-1'));
    await before.close();
    app = undefined;
    rmSync(join(folder, 'state.sqlite'), { force: true });
    rmSync(join(folder, 'state.sqlite-wal'), { force: true });
    rmSync(join(folder, 'state.sqlite-shm'), { force: true });

    const after = await start();
    const again = commandClient(after.url);
    const reused = await again.post('RegisterOrganisation', registration('ZZZD'), 'reuse-1');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({
      type: 'urn:always-events:problem:idempotency-key-reused',
      errors: [{ field: 'Idempotency-Key', rule: 'idempotency-key-reused' }],
    });
    expect(await again.events('organisation-ZZZD')).toEqual([]);
    // The same request again is a retry, answered with the original result.
    const retried = await again.post('RegisterOrganisation', registration('ZZZ6'), 'reuse-1');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ replayed: true });

    const ids = await exportedIds(after.url);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers a reused key as reused even when the second request would have been refused for itself', async () => {
    // The key is checked when the append claims it, or after a refusal: the order of the answers must not change.
    const client = commandClient((await start()).url);
    expectCreated(await client.post('RegisterOrganisation', registration('ZZZE'), 'first-of-two'));
    expectCreated(await client.post('RegisterOrganisation', registration('ZZZF'), 'reuse-2'));
    const alreadyRegistered = await client.post('RegisterOrganisation', registration('ZZZE'), 'third');
    expect(alreadyRegistered.status).toBe(409);
    const before = await client.events('organisation-ZZZE');

    const reused = await client.post('RegisterOrganisation', registration('ZZZE'), 'reuse-2');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({
      type: 'urn:always-events:problem:idempotency-key-reused',
      errors: [{ field: 'Idempotency-Key', rule: 'idempotency-key-reused' }],
    });
    expect(await client.events('organisation-ZZZE')).toEqual(before);
  });

  it('takes 50 concurrent support contacts on one engagement log without If-Match: every one 201', async () => {
    const t = await start();
    const client = commandClient(t.url);
    await launchProgrammeWith(client, ['RHQ']);
    expectCreated(await (await readyToEnrol(client, 'RHQ')).enrol());

    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.post('RecordSupportContact', {
          programmeSlug,
          odsCode: 'RHQ',
          contactType: 'CoachingCall',
          heldOn: `2018-02-${String((i % 28) + 1).padStart(2, '0')}`,
          attendeesCount: 1 + (i % 5),
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 50 }, () => 201));
    expect(await client.events(`engagement-${programmeSlug}.RHQ`)).toHaveLength(50);
  });
});
