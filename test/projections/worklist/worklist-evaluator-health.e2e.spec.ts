import { worklistStream } from '../../../src/domain/worklist';
import { EVENT_STORE } from '../../../src/event-store/port';
import type { EventStore } from '../../../src/event-store/port';
import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../../commands/command-client';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { until } from '../../support/until';
import { submitReturn } from './worklist-fixtures';

const STREAM = worklistStream(programmeSlug);

/** One sample of the Prometheus text, e.g. `worklist_evaluator_transitions_total{kind="opened"}`; NaN when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? NaN : Number(line.slice(series.length + 1));
}

/**
 * The evaluator on its own timer (every 100 ms) as an operator sees it:
 * /health/ready's worklistEvaluator part (runs here, holds the lease, last
 * completed round, last error) and its /metrics, after rounds that record an
 * overdue return opening and closing, and after rounds that fail because the
 * store has gone.
 */
describe(`worklist evaluator health and metrics [${storeUnderTest}, real HTTP]`, () => {
  let clock = new Date('2017-09-01T09:00:00Z');
  let t: TestApp;
  let client: CommandClient;
  let store: EventStore;
  const types = async () => (await store.readStream(STREAM)).map((e) => e.type);
  const evaluatorHealth = async (): Promise<Record<string, unknown>> => {
    const body = (await (await fetch(`${t.url}/health/ready`)).json()) as {
      details?: Record<string, Record<string, unknown>>;
      checks?: Record<string, Record<string, unknown>>;
    };
    // A 503 (the store gone) carries the same details as `checks`.
    return (body.details ?? body.checks ?? {}).worklistEvaluator;
  };
  const metrics = async () => (await fetch(`${t.url}/metrics`, { headers: t.auth })).text();

  beforeAll(async () => {
    t = await startTestApp({ WORKLIST_EVALUATE_INTERVAL_MS: '100' }, { now: () => clock });
    client = commandClient(t.url);
    store = t.app.get<EventStore>(EVENT_STORE);
    await launchProgrammeWith(client, ['RYX']);
    clock = new Date('2017-10-02T09:00:00Z');
    expectCreated(await (await readyToEnrol(client, 'RYX')).enrol());
  }, 60_000);
  afterAll(async () => t?.close());

  it('reports live, holding the lease, with its last completed round, and counts what it wrote', async () => {
    clock = new Date('2017-12-31T09:00:00Z');
    await until(async () => (await types()).length === 1, 'the overdue return was recorded open');
    await submitReturn(client, 'RYX', '2017-10', '2017-12-31');
    await until(async () => (await types()).length === 2, 'the return was recorded closed');
    const before = Date.now();
    const completed = async () => Date.parse(String((await evaluatorHealth()).lastCompletedAt));
    await until(async () => (await completed()) >= before, 'a round completed after the close');
    // Under load the round that closed it can itself finish after `before`: wait for the round after that one too.
    const seen = await completed();
    await until(async () => (await completed()) > seen, 'a further round completed');

    expect(await evaluatorHealth()).toMatchObject({
      status: 'up',
      condition: 'live',
      runsHere: true,
      intervalMs: 100,
      holdsLease: true,
      lastRound: { outcome: 'evaluated' },
      lastError: null,
    });
    const text = await metrics();
    expect(sample(text, 'worklist_evaluator_rounds_total{outcome="evaluated"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'worklist_evaluator_transitions_total{kind="opened"}')).toBe(1);
    expect(sample(text, 'worklist_evaluator_transitions_total{kind="closed"}')).toBe(1);
    expect(sample(text, 'worklist_evaluator_transitions_total{kind="revised"}')).toBe(0);
    expect(sample(text, 'worklist_evaluator_conflicts_total')).toBe(0);
    expect(sample(text, 'worklist_evaluator_errors_total')).toBe(0);
    expect(sample(text, 'worklist_evaluator_lease_held')).toBe(1);
    expect(sample(text, `worklist_open_items{programme="${programmeSlug}"}`)).toBe(0);
    expect(sample(text, 'worklist_evaluator_last_completed_timestamp_seconds') * 1000).toBeGreaterThanOrEqual(
      before - 1000,
    );
  });

  it('shows the open items gauge while an item is open', async () => {
    clock = new Date('2018-01-31T09:00:00Z');
    await until(async () => (await types()).length === 3, 'the November return was recorded open');
    expect(sample(await metrics(), `worklist_open_items{programme="${programmeSlug}"}`)).toBe(1);
  });

  it('reports degraded, still up, with the last error once its rounds fail, and counts the errors', async () => {
    await store.close();
    await until(
      async () => (await evaluatorHealth()).condition === 'degraded',
      'the evaluator reported degraded',
    );
    const health = await evaluatorHealth();
    expect(health).toMatchObject({ status: 'up', runsHere: true, lastRound: { outcome: 'failed' } });
    expect(health.lastError).toEqual(expect.any(String));
    const text = await metrics();
    expect(sample(text, 'worklist_evaluator_errors_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'worklist_evaluator_rounds_total{outcome="failed"}')).toBeGreaterThanOrEqual(1);
  });
});
