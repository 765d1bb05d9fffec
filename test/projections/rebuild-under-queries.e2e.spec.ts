import { runSimulation } from '../../scripts/simulator/run/run-simulation';
import { RegisterSeeder } from '../../src/register/register-seeder';
import { getJson, postCommand } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

interface Summary {
  enrolled: number;
  enrolledWithSeniorSupport: number;
  knowledge: { position: number; source: string; status: string };
}

interface ReadModels {
  headPosition: number;
  items: Array<{ name: string; status: string; position: number; rebuild: { position: number } | null }>;
}

/** What one answer said: a figure with its status and position, or a 503 with Retry-After. */
type Answer =
  | {
      kind: 'figure';
      enrolled: number;
      withSupport: number;
      status: string;
      position: number;
      during: boolean;
    }
  | { kind: 'unavailable'; retryAfter: string | null; during: boolean };

/**
 * The analysts' headline figure asked again and again, from four clients at
 * once, while the spread read model is rebuilt from position 0 (five times
 * over, with commands arriving meanwhile): every answer must be the figure the
 * model settles on, unless it says it is not live, or is a 503 with
 * Retry-After. A half-folded figure labelled live fails it.
 */
describe(`rebuilding a read model under concurrent queries [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  const answers: Answer[] = [];
  let final: Summary;

  /** The read models' states; a 503 (a store busy with the rebuild) is asked again, as a client would. */
  const readModels = async (): Promise<ReadModels> => {
    for (let attempt = 0; ; attempt++) {
      const answer = await getJson<ReadModels>(t.url, '/v1/admin/read-models');
      if (answer.status === 200) return answer.body;
      if (answer.status !== 503 || attempt >= 40) {
        throw new Error(
          `GET /v1/admin/read-models answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const spread = async () => (await readModels()).items.find((m) => m.name === 'spread');

  beforeAll(async () => {
    t = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true' });
    if (process.env.EVENT_STORE === 'esdb') await t.app.get(RegisterSeeder).seed();
    const simulated = await runSimulation({
      url: t.url,
      seed: 'rebuild',
      // The wire double takes commands more slowly and folds more slowly: a smaller log rebuilds as long.
      scale: process.env.EVENT_STORE === 'esdb' ? 0.02 : 0.05,
      apiKey: t.adminKey,
      concurrency: 8,
    });
    expect(simulated.refused).toBe(0);
    const head = (await readModels()).headPosition;
    await getJson(t.url, `/v1/spread/summary?minPosition=${head}`);

    let rebuilding = true;
    const ask = async (): Promise<void> => {
      while (rebuilding) {
        const during = (await spread())?.rebuild !== null;
        const response = await fetch(`${t.url}/v1/spread/summary`, { headers: t.auth });
        const body = (await response.json()) as Summary;
        answers.push(
          response.status === 200
            ? {
                kind: 'figure',
                enrolled: body.enrolled,
                withSupport: body.enrolledWithSeniorSupport,
                status: body.knowledge.status,
                position: body.knowledge.position,
                during,
              }
            : { kind: 'unavailable', retryAfter: response.headers.get('retry-after'), during },
        );
        if (response.status !== 200) expect(response.status).toBe(503);
        // A breath between questions: four clients asking flat out starve the fold they ask about.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const clients = [ask(), ask(), ask(), ask()];
    for (let round = 0; round < 5; round++) {
      const started = await fetch(`${t.url}/v1/admin/read-models/spread/rebuild`, {
        method: 'POST',
        headers: t.auth,
      });
      expect(started.status).toBe(202);
      // Commands arrive during the rebuild (a support contact changes no headline figure).
      const contact = await postCommand(t.url, 'RecordSupportContact', {
        programmeSlug: 'always-events-england',
        odsCode: 'RYX',
        contactType: 'CoachingCall',
        heldOn: '2019-01-10',
        attendeesCount: 2 + round,
      });
      expect(contact.status).toBe(201);
      for (let i = 0; i < 600 && (await spread())?.rebuild !== null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await spread())?.rebuild).toBeNull();
    }
    rebuilding = false;
    await Promise.all(clients);
    const settled = (await readModels()).headPosition;
    final = (await getJson<Summary>(t.url, `/v1/spread/summary?minPosition=${settled}`)).body;
  }, 600_000);
  afterAll(async () => t?.close());

  it('asked the figure many times while a rebuild was folding', () => {
    expect(answers.filter((a) => a.during).length).toBeGreaterThan(20);
  });

  it('never answered a figure that differs from the final one unless it said it was not live', () => {
    const wrongAndLive = answers.filter(
      (a) =>
        a.kind === 'figure' &&
        a.status === 'live' &&
        (a.enrolled !== final.enrolled || a.withSupport !== final.enrolledWithSeniorSupport),
    );
    expect(wrongAndLive).toEqual([]);
    expect(final.knowledge.status).toBe('live');
    expect(final.enrolledWithSeniorSupport).toBeGreaterThan(0);
  });

  it('gave every refusal as a 503 with Retry-After', () => {
    const unavailable = answers.filter((a) => a.kind === 'unavailable');
    expect(unavailable.filter((a) => a.kind === 'unavailable' && !a.retryAfter)).toEqual([]);
  });
});
