import type { Principal } from '../../src/auth/principal';
import { BatchItem, CommandGateway } from '../../src/commands/command-gateway';
import type { BatchOutcome } from '../../src/commands/execute-command';
import { FactLookups } from '../../src/commands/fact-lookups';
import { fold } from '../../src/domain/decider';
import { MeasureEvent, measureDecider, measureStreamId } from '../../src/domain/measure';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { DomainError } from '../../src/domain/shared';
import { measureSetup, submitSetup, UNIT_ID } from '../../bench/support/measure-setup';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN: Principal = {
  id: 'batch-test',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};

/**
 * CommandGateway.submitBatch: many commands decided on streams read once and
 * appended together, with the outcome each would have had sent one by one,
 * in order, and the cached state of each stream what a fold of the log gives.
 */
describe(`commands in a batch [${storeUnderTest}, in-process gateway]`, () => {
  let t: TestApp;
  let gateway: CommandGateway;
  let store: EventStore;
  const setup = measureSetup(2);
  const [m0, m1] = setup.measureIds;
  const [w1, w2, w3] = setup.weeks;

  const item = (name: string, key: string, body: Record<string, unknown>): BatchItem => ({
    name,
    body: { unitId: UNIT_ID, numerator: 7, denominator: 10, ...body },
    submission: { idempotencyKey: key, sourceSystem: 'test', correlationId: key, transport: 'internal' },
  });
  const record = (key: string, measureId: string, period: string, extra: Record<string, unknown> = {}) =>
    item('RecordMeasurement', key, { measureId, period, ...extra });
  const rule = (outcome: BatchOutcome) =>
    outcome.ok ? (outcome.result.replayed ? 'replayed' : 'written') : (outcome.error as DomainError).rule;

  beforeAll(async () => {
    t = await startTestApp();
    gateway = t.app.get(CommandGateway);
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
    await submitSetup(gateway, ADMIN, setup.setup);
  }, 60_000);
  afterAll(async () => t?.close());

  const batch = () => [
    record('a', m0, w1),
    record('b', m0, w2),
    record('a', m0, w1),
    record('c', m1, w1, { numerator: 11 }),
    item('CorrectMeasurement', 'd', { measureId: m0, period: w1, numerator: 8, reason: 'recounted' }),
    record('e', m0, w2, { numerator: 3 }),
    record('f', m1, w2),
  ];

  it('gives each command the outcome it would have had alone, in order, and caches what the log folds to', async () => {
    const outcomes = await gateway.submitBatch(ADMIN, batch());
    expect(outcomes.map(rule)).toEqual([
      'written',
      'written',
      'replayed',
      'numerator-exceeds-denominator',
      'written',
      'measurement-already-recorded',
      'written',
    ]);
    const [first, , again] = outcomes as Array<Extract<BatchOutcome, { ok: true }>>;
    expect(again.result.eventIds).toEqual(first.result.eventIds);
    const lookups = t.app.get(FactLookups);
    for (const measureId of [m0, m1]) {
      const streamId = measureStreamId(measureId);
      const events = (await store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data }));
      const cached = await lookups.load(measureDecider, streamId);
      expect(cached.state).toEqual(fold(measureDecider, events as MeasureEvent[]));
      expect(cached.revision).toBe(events.length - 1);
    }
    expect((await lookups.load(measureDecider, measureStreamId(m0))).state.values[UNIT_ID][w1]).toEqual(
      expect.objectContaining({ numerator: 8, corrections: 1 }),
    );
  });

  it('goes on from the batch’s state one command at a time, and answers the batch again as retries', async () => {
    const g = record('g', m0, w3);
    const next = await gateway.submit(ADMIN, g.name, g.body, g.submission);
    // Defined, a, b, the correction d, then g.
    expect(next).toMatchObject({ revision: 4, replayed: false });
    const head = await store.headPosition();
    const outcomes = await gateway.submitBatch(ADMIN, batch());
    expect(outcomes.map(rule)).toEqual([
      'replayed',
      'replayed',
      'replayed',
      'numerator-exceeds-denominator',
      'replayed',
      'measurement-already-recorded',
      'replayed',
    ]);
    expect(await store.headPosition()).toBe(head);
    // g was folded into the state the batch left, in place (StreamStateCache): still what the log folds to.
    const streamId = measureStreamId(m0);
    const events = (await store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data }));
    const cached = await t.app.get(FactLookups).load(measureDecider, streamId);
    expect(cached).toEqual({ state: fold(measureDecider, events as MeasureEvent[]), revision: 4 });
  });
});
