import { worklistStream } from '../../../src/domain/worklist';
import { EVENT_STORE } from '../../../src/event-store/port';
import type { EventStore } from '../../../src/event-store/port';
import { WorklistEvaluator } from '../../../src/projections/worklist/worklist-evaluator';
import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../../commands/command-client';
import { rememberCredential, testKey } from '../../support/credentials';
import { getJson } from '../../support/http';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { evaluatorBeside, only, submitReturn } from './worklist-fixtures';

const STREAM = worklistStream(programmeSlug);
const ODS = 'RYX';
const KEYS = {
  admin: testKey('worklist-admin', 'programme-admin'),
  auditor: testKey('worklist-auditor', 'auditor'),
  evaluator: testKey('worklist-evaluator', 'evaluator'),
  submitter: testKey('worklist-submitter', 'submitter', [ODS]),
};
const as = (role: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[role].key}` });

interface StreamState {
  streamId: string;
  category: string;
  revision: number;
  state: {
    open: Record<string, { since: string; threshold: { setting: string; value: number } | null }>;
    lastEvaluatedOn: string | null;
  };
}

/**
 * A programme-admin raises a threshold while an overdue return stays on the
 * worklist: the log records the item's new since and threshold once
 * (WorklistItemRevised), whoever evaluates, and the stream's folded state
 * (GET /v1/streams/worklist-<programme>) shows them. Rounds run by hand.
 */
describe(`worklist items revised when a threshold changes [${storeUnderTest}, real HTTP]`, () => {
  let clock = new Date('2017-09-01T09:00:00Z');
  const at = (instant: string) => (clock = new Date(instant));
  let t: TestApp;
  let client: CommandClient;
  let store: EventStore;
  let evaluator: WorklistEvaluator;
  const rival = (offsetDays: number) =>
    evaluatorBeside(t, store, () => new Date(clock.getTime() + offsetDays * 86_400_000));
  const logged = async () => (await store.readStream(STREAM)).map((e) => ({ type: e.type, data: e.data }));

  beforeAll(async () => {
    t = await startTestApp(
      {
        WORKLIST_EVALUATE_INTERVAL_MS: '0',
        API_KEYS: JSON.stringify(Object.values(KEYS).map((k) => k.entry)),
      },
      { now: () => clock },
    );
    rememberCredential(t.url, KEYS.admin.key);
    client = commandClient(t.url);
    store = t.app.get<EventStore>(EVENT_STORE);
    evaluator = t.app.get(WorklistEvaluator);
    await launchProgrammeWith(client, [ODS]);
    at('2017-10-02T09:00:00Z');
    expectCreated(await (await readyToEnrol(client, ODS)).enrol());
    at('2017-12-31T09:00:00Z');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 1, revised: 0 });
  }, 60_000);
  afterAll(async () => t?.close());

  it('records one WorklistItemRevised with the new since and threshold when three evaluators race, then nothing', async () => {
    at('2018-01-15T09:00:00Z');
    expectCreated(
      await client.post('SetWorklistThresholds', {
        programmeSlug,
        returnOverdueDays: 40,
        pdsaQuietWeeks: 8,
        statementAwaitingWeeks: 6,
        sustainmentPlanWeeks: 12,
      }),
    );
    // Clocks a day apart: each would write a revision of its own, so only one append can succeed.
    const rounds = await Promise.all([evaluator.evaluate(), rival(1).evaluate(), rival(2).evaluate()]);
    const results = rounds.map(only);
    expect(results.reduce((sum, r) => sum + r.revised, 0)).toBe(1);
    expect(results.every((r) => r.opened === 0 && r.closed === 0)).toBe(true);

    const events = await logged();
    expect(events.map((e) => e.type)).toEqual(['WorklistItemOpened', 'WorklistItemRevised']);
    const [opened, revised] = events;
    const {
      openedOn: _openedOn,
      since: _since,
      threshold: _threshold,
      ...subject
    } = opened.data as Record<string, unknown>;
    expect(revised.data).toEqual({
      ...subject,
      since: '2018-01-09',
      threshold: { setting: 'returnOverdueDays', value: 40 },
      // A rival ahead may have been the one to write it.
      revisedOn: expect.stringMatching(/^2018-01-1[567]$/),
    });
    const listed = await getJson<{ items: { itemId: string; since: string }[] }>(t.url, '/v1/worklist');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ itemId: subject.itemId, since: '2018-01-09' }),
    ]);

    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 0, revised: 0 });
    expect(await logged()).toHaveLength(2);
  });

  it('GET /v1/streams/worklist-<programme> shows the open items with their since and threshold (programme-admin, auditor)', async () => {
    const [opened] = await store.readStream(STREAM);
    const { itemId } = opened.data as { itemId: string };
    for (const role of ['admin', 'auditor'] as const) {
      const answer = await getJson<StreamState>(t.url, `/v1/streams/${STREAM}`, as(role));
      expect({ status: answer.status, etag: answer.headers.get('etag') }).toEqual({
        status: 200,
        etag: '"1"',
      });
      expect(answer.body).toEqual({
        streamId: STREAM,
        category: 'worklist',
        revision: 1,
        state: {
          open: {
            [itemId]: expect.objectContaining({
              period: '2017-10',
              since: '2018-01-09',
              threshold: { setting: 'returnOverdueDays', value: 40 },
            }),
          },
          lastEvaluatedOn: expect.stringMatching(/^2018-01-1[567]$/),
        },
      });
    }
    for (const role of ['evaluator', 'submitter'] as const) {
      expect((await getJson(t.url, `/v1/streams/${STREAM}`, as(role))).status).toBe(403);
    }
  });

  it('closes the revised item with its revised since and threshold once the return comes', async () => {
    await submitReturn(client, ODS, '2017-10', '2018-01-15');
    expect(only(await evaluator.evaluate())).toMatchObject({ opened: 0, closed: 1, revised: 0 });
    const closed = (await logged()).at(-1);
    expect(closed).toMatchObject({
      type: 'WorklistItemClosed',
      data: { since: '2018-01-09', threshold: { setting: 'returnOverdueDays', value: 40 } },
    });
    const answer = await getJson<StreamState>(t.url, `/v1/streams/${STREAM}`);
    expect(answer.body).toMatchObject({ revision: 2, state: { open: {} } });
  });
});
