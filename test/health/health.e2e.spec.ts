import { EVENT_STORE, EventStore } from '../../src/event-store';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

describe(`health endpoints [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('GET /health/live answers 200', async () => {
    const response = await fetch(`${t.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /health/ready answers 200 naming the store, and echoes the correlation id', async () => {
    const response = await fetch(`${t.url}/health/ready`, { headers: { 'x-correlation-id': 'probe-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('probe-42');
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      details: { eventStore: { status: 'up', adapter: process.env.EVENT_STORE } },
    });
    expect(body.details.eventStore.headPosition).toBe(0);
  });

  it('gives each part its condition, and each read model its status and lag', async () => {
    const body = await (await fetch(`${t.url}/health/ready`)).json();
    expect(body.details.eventStore.condition).toBe('live');
    // Test apps turn the worklist evaluator off (WORKLIST_EVALUATE_INTERVAL_MS=0); it is shown, up, all the same.
    expect(body.details.worklistEvaluator).toMatchObject({
      status: 'up',
      condition: 'off',
      runsHere: false,
      holdsLease: false,
      lastRound: null,
    });
    expect(body.details.readModels).toMatchObject({ status: 'up', maxLag: expect.any(Number) });
    const models = Object.values(body.details.readModels.models) as Array<Record<string, unknown>>;
    expect(models.length).toBeGreaterThan(3);
    for (const model of models) {
      expect(model).toMatchObject({
        condition: 'live',
        status: 'live',
        lag: 0,
        failure: null,
        rebuild: null,
      });
    }
  });

  it('gives a request without a sane correlation id a fresh one', async () => {
    const response = await fetch(`${t.url}/health/live`, {
      headers: { 'x-correlation-id': 'bad id with spaces' },
    });
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /health/ready answers 503 with the reason once the store is gone', async () => {
    await t.app.get<symbol, EventStore>(EVENT_STORE).close();
    const response = await fetch(`${t.url}/health/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 503,
      detail: expect.stringContaining('eventStore: '),
      checks: { eventStore: { status: 'down', adapter: process.env.EVENT_STORE } },
    });
  });
});
