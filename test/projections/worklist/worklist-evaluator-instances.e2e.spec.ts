import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worklistStream } from '../../../src/domain/worklist';
import { EVENT_STORE } from '../../../src/event-store/port';
import type { EventStore } from '../../../src/event-store/port';
import {
  commandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../../commands/command-client';
import { EsdbDouble, startEsdbDouble } from '../../support/esdb-double';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { until } from '../../support/until';
import { submitReturn } from './worklist-fixtures';

const STREAM = worklistStream(programmeSlug);

/**
 * Two instances on one store, each running the evaluator on its own timer
 * (every 100 ms): each change of the worklist is recorded once, and when the
 * instance that started first (and so took the lease) stops, the other
 * records the next change.
 */
describe(`worklist evaluators of two instances on one store [${storeUnderTest}, real HTTP]`, () => {
  let clock = new Date('2017-09-01T09:00:00Z');
  let double: EsdbDouble | undefined;
  let folder: string;
  const apps: TestApp[] = [];
  let store: EventStore;

  const start = async (): Promise<TestApp> => {
    const app = await startTestApp(
      {
        WORKLIST_EVALUATE_INTERVAL_MS: '100',
        ...(double
          ? { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: double.connectionString }
          : { SQLITE_PATH: join(folder, 'events.sqlite') }),
      },
      { now: () => clock },
    );
    apps.push(app);
    return app;
  };
  const logged = async () =>
    (await store.readStream(STREAM)).map((e) => `${e.type} ${(e.data as { period: string }).period}`);
  /** Long enough for each instance to have run several rounds. */
  const someRounds = () => new Promise((resolve) => setTimeout(resolve, 1_000));

  beforeAll(async () => {
    double = process.env.EVENT_STORE === 'esdb' ? await startEsdbDouble() : undefined;
    folder = mkdtempSync(join(tmpdir(), 'aet-worklist-'));
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await double?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('records each opening and closing once, and carries on when the first instance stops', async () => {
    const first = await start();
    const client = commandClient(first.url);
    store = first.app.get<EventStore>(EVENT_STORE);
    await launchProgrammeWith(client, ['RYX']);
    clock = new Date('2017-10-02T09:00:00Z');
    expectCreated(await (await readyToEnrol(client, 'RYX')).enrol());
    const second = await start();

    clock = new Date('2017-12-31T09:00:00Z');
    await until(async () => (await logged()).length === 1, 'the overdue return was recorded open');
    await someRounds();
    expect(await logged()).toEqual(['WorklistItemOpened 2017-10']);

    await submitReturn(commandClient(second.url), 'RYX', '2017-10', '2017-12-31');
    await until(async () => (await logged()).length === 2, 'the return was recorded closed');

    await first.close();
    apps.splice(apps.indexOf(first), 1);
    store = second.app.get<EventStore>(EVENT_STORE);
    clock = new Date('2018-01-31T09:00:00Z');
    await until(async () => (await logged()).length === 3, 'the second instance recorded the next change');
    await someRounds();
    expect(await logged()).toEqual([
      'WorklistItemOpened 2017-10',
      'WorklistItemClosed 2017-10',
      'WorklistItemOpened 2017-11',
    ]);
  }, 60_000);
});
