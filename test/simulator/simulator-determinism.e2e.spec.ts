import { EVENT_STORE, EventStore } from '../../src/event-store';
import { runSimulation, SimulationSummary } from '../../scripts/simulator/run/run-simulation';
import { startTestApp, TestApp } from '../support/test-app';
import { CanonicalLog, canonicalLogOf } from './canonical-log';
import { storeUnderTest } from '../support/store-under-test';
import { RegisterSeeder } from '../../src/register/register-seeder';

/**
 * A small part of the programme: every kind of command, small enough to run
 * three times; smaller on the wire double, which takes commands more slowly.
 */
const SCALE = process.env.EVENT_STORE === 'esdb' ? 0.03 : 0.06;

/** The credential a test app expects, when it has one (authentication may be configured by the app). */
const credentialOf = (t: TestApp): string | undefined =>
  'adminKey' in t && typeof t.adminKey === 'string' ? t.adminKey : undefined;

const simulate = (t: TestApp, seed = '42'): Promise<SimulationSummary> =>
  runSimulation({ url: t.url, seed, scale: SCALE, apiKey: credentialOf(t), concurrency: 8 });

describe(`the simulator over HTTP, deterministic for a seed [${storeUnderTest}, real HTTP]`, () => {
  let first: TestApp;
  let second: TestApp;
  let logs: CanonicalLog[];
  let summaries: SimulationSummary[];

  beforeAll(async () => {
    first = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true' });
    second = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true' });
    // The service seeds the register by itself only on an empty embedded store; on EventStoreDB, as an operator would.
    if (process.env.EVENT_STORE === 'esdb') {
      for (const t of [first, second]) await t.app.get(RegisterSeeder).seed();
    }
    summaries = [await simulate(first), await simulate(second)];
    logs = [await canonicalLogOf(first), await canonicalLogOf(second)];
  }, 600_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('has every command accepted, each writing its events', () => {
    for (const summary of summaries) {
      expect(summary).toMatchObject({ refused: 0, replayed: 0, accepted: summary.commands });
      expect(summary.eventsWritten).toBeGreaterThanOrEqual(summary.commands);
    }
  });

  it('writes the same canonical log twice: same event count and SHA-256', () => {
    expect(logs[0].count).toBeGreaterThan(summaries[0].eventsWritten);
    expect(logs[1].count).toBe(logs[0].count);
    expect(logs[1].sha256).toBe(logs[0].sha256);
  });

  it('gives the same event ids to the same events, since they derive from the idempotency keys', () => {
    expect(logs[1].ids).toEqual(logs[0].ids);
  });

  it('writes as the simulator, in historical business time', () => {
    expect(logs[0].sourceSystems).toEqual(new Set(['ods-register', 'simulator']));
    expect(logs[0].simulatedAt.first >= '2015-01-01').toBe(true);
    expect(logs[0].simulatedAt.last < '2021-01-01').toBe(true);
  });

  it('writes nothing new when run again with the same seed: every command is a replay', async () => {
    const store = second.app.get<symbol, EventStore>(EVENT_STORE);
    const head = await store.headPosition();

    const again = await simulate(second);

    expect(again).toMatchObject({
      accepted: 0,
      refused: 0,
      eventsWritten: 0,
      replayed: summaries[1].commands,
    });
    expect(await store.headPosition()).toBe(head);
    expect((await canonicalLogOf(second)).sha256).toBe(logs[1].sha256);
  }, 600_000);
});
