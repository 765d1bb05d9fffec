import { worklistStream } from '../../../src/domain/worklist';
import { EVENT_STORE } from '../../../src/event-store/port';
import type { EventStore } from '../../../src/event-store/port';
import type { RecordedEvent } from '../../../src/event-store/recorded-event';
import { WorklistEvaluator } from '../../../src/projections/worklist/worklist-evaluator';
import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../../commands/command-client';
import { getJson } from '../../support/http';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { evaluatorBeside, only, submitReturn } from './worklist-fixtures';

interface WorklistAnswer {
  date: string;
  items: { itemId: string; rule: string; odsCode: string; period: string | null; since: string }[];
}

const STREAM = worklistStream(programmeSlug);
const ODS = 'RYX';

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The real store, with a pause before an append and a word after a read of the worklist stream or an append. */
function gated(
  store: EventStore,
  hooks: { afterRead?: () => void; beforeAppend?: () => Promise<void>; afterAppend?: () => void },
): EventStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'readStream')
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          if (args[0] === STREAM) hooks.afterRead?.();
          return events;
        };
      if (property === 'appendToStream')
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          await hooks.beforeAppend?.();
          try {
            return await target.appendToStream(...args);
          } finally {
            hooks.afterAppend?.();
          }
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The worklist evaluator against a real app: a return becomes overdue as the
 * pinned clock passes its threshold and is recorded open once, closes when
 * it is submitted, and evaluators racing, or starting with an empty state
 * file, never write a transition twice. Evaluations are run by hand
 * (WORKLIST_EVALUATE_INTERVAL_MS=0), so each step is known.
 */
describe(`worklist transitions recorded in the log [${storeUnderTest}, real HTTP]`, () => {
  let clock = new Date('2017-09-01T09:00:00Z');
  const at = (instant: string) => (clock = new Date(instant));
  let t: TestApp;
  let client: CommandClient;
  let store: EventStore;
  let evaluator: WorklistEvaluator;
  /** Another evaluator of this process's read models, on a store it may slow down. */
  const rival = (on: EventStore = store, offsetDays = 0) =>
    evaluatorBeside(t, on, () => new Date(clock.getTime() + offsetDays * 86_400_000));
  const logged = (): Promise<RecordedEvent[]> => store.readStream(STREAM);
  beforeAll(async () => {
    t = await startTestApp({ WORKLIST_EVALUATE_INTERVAL_MS: '0' }, { now: () => clock });
    client = commandClient(t.url);
    store = t.app.get<EventStore>(EVENT_STORE);
    evaluator = t.app.get(WorklistEvaluator);
    await launchProgrammeWith(client, [ODS]);
    at('2017-10-02T09:00:00Z');
    expectCreated(await (await readyToEnrol(client, ODS)).enrol());
  }, 60_000);
  afterAll(async () => t?.close());

  it('opens nothing the day before the October return is 30 days overdue', async () => {
    at('2017-12-30T09:00:00Z');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 0 });
    expect(await logged()).toEqual([]);
  });

  it('records the overdue return open once, as GET /v1/worklist lists it, and a second round writes nothing', async () => {
    at('2017-12-31T09:00:00Z');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 1, closed: 0, conflicts: 0 });
    const listed = await getJson<WorklistAnswer>(t.url, '/v1/worklist');
    expect(listed.body.items).toHaveLength(1);
    const [item] = listed.body.items;
    expect(await logged()).toMatchObject([
      {
        type: 'WorklistItemOpened',
        revision: 0,
        data: {
          itemId: item.itemId,
          rule: 'return-overdue',
          programmeSlug,
          odsCode: ODS,
          alwaysEventId: null,
          period: '2017-10',
          since: '2017-12-30',
          threshold: { setting: 'returnOverdueDays', value: 30 },
          openedOn: '2017-12-31',
        },
      },
    ]);
    expect(item).toMatchObject({ rule: 'return-overdue', period: '2017-10', since: '2017-12-30' });
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 0 });
    expect(await logged()).toHaveLength(1);
  });

  it('a retry of the same append (a crash before the answer) writes nothing more', async () => {
    const [opened] = await logged();
    await store.appendToStream(
      STREAM,
      [{ id: opened.id, type: opened.type, data: opened.data, metadata: opened.metadata }],
      { expectedRevision: 'no_stream' },
    );
    expect((await logged()).map((e) => e.id)).toEqual([opened.id]);
  });

  it('records it closed once the return is submitted, and nothing more on the next round', async () => {
    await submitReturn(client, ODS, '2017-10', '2017-12-31');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 1 });
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 0 });
    const events = await logged();
    expect(events.map((e) => e.type)).toEqual(['WorklistItemOpened', 'WorklistItemClosed']);
    expect(events[1].data).toMatchObject({
      itemId: (events[0].data as { itemId: string }).itemId,
      since: '2017-12-30',
      closedOn: '2017-12-31',
    });
    expect((await getJson<WorklistAnswer>(t.url, '/v1/worklist')).body.items).toEqual([]);
  });

  it('of two evaluators acting on the same log, one writes the transition; the other conflicts and finds nothing to do', async () => {
    at('2018-01-31T09:00:00Z');
    const bothRead = signal();
    const firstAppended = signal();
    // A appends only once B has read the log too; B appends only after A: both acted on the same revision.
    const a = rival(
      gated(store, { beforeAppend: () => bothRead.promise, afterAppend: () => firstAppended.resolve() }),
    );
    // B's clock is a day ahead, so its transition differs (openedOn) and cannot pass for A's.
    const b = rival(
      gated(store, { afterRead: () => bothRead.resolve(), beforeAppend: () => firstAppended.promise }),
      1,
    );
    const [first, second] = await Promise.all([a.evaluate(), b.evaluate()]);
    expect(only(first)).toMatchObject({ opened: 1, conflicts: 0 });
    expect(only(second)).toMatchObject({ opened: 0, conflicts: 1 });
    const opened = (await logged()).filter((e) => e.type === 'WorklistItemOpened');
    expect(opened.map((e) => (e.data as { period: string }).period)).toEqual(['2017-10', '2017-11']);
  });

  it('evaluators racing freely write each transition once (identical ones meet as a retry, others conflict)', async () => {
    await submitReturn(client, ODS, '2017-11', '2018-01-31');
    const rounds = await Promise.all([
      evaluator.evaluate(),
      rival().evaluate(),
      rival(store, 1).evaluate(),
      rival(store, 2).evaluate(),
    ]);
    expect(rounds.map((r) => only(r).opened)).toEqual([0, 0, 0, 0]);
    const events = await logged();
    expect(events.map((e) => e.type)).toEqual([
      'WorklistItemOpened',
      'WorklistItemClosed',
      'WorklistItemOpened',
      'WorklistItemClosed',
    ]);
  });

  it('an instance with an empty state file waits for its read models and writes nothing the log already holds', async () => {
    at('2018-03-03T09:00:00Z');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 1, closed: 0 });
    const before = await logged();
    const second = await startTestApp(
      {
        WORKLIST_EVALUATE_INTERVAL_MS: '0',
        // The same store; a state file of its own, new and empty.
        SQLITE_PATH: `${t.folder}/events.sqlite`,
        ...(t.double ? { EVENTSTORE_CONNECTION_STRING: t.double.connectionString } : {}),
      },
      { now: () => clock },
    );
    try {
      const fresh = second.app.get(WorklistEvaluator);
      expect(only(await fresh.evaluate())).toMatchObject({ opened: 0, closed: 0, conflicts: 0 });
      expect((await logged()).map((e) => e.id)).toEqual(before.map((e) => e.id));
    } finally {
      await second.close();
    }
  }, 60_000);
  it('of two evaluators appending the same transition, only the one that wrote it counts it (EventStoreDB answers both with success)', async () => {
    // The January return is 30 days overdue from 2018-03-30.
    at('2018-04-01T09:00:00Z');
    const bothRead = signal();
    const firstAppended = signal();
    const a = rival(
      gated(store, { beforeAppend: () => bothRead.promise, afterAppend: () => firstAppended.resolve() }),
    );
    let reads = 0;
    const b = rival(
      gated(store, {
        afterRead: () => ++reads === 1 && bothRead.resolve(),
        beforeAppend: () => firstAppended.promise,
      }),
    );
    const [first, second] = await Promise.all([a.evaluate(), b.evaluate()]);
    expect([only(first), only(second)]).toEqual([
      expect.objectContaining({ opened: 1, conflicts: 0 }),
      expect.objectContaining({ opened: 0, conflicts: 0 }),
    ]);
    const january = (await logged()).filter((e) => (e.data as { period: string }).period === '2018-01');
    expect(january.map((e) => e.type)).toEqual(['WorklistItemOpened']);
  });
});
