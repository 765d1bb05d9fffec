import { testKey } from '../support/credentials';
import { expectCleanProblem } from '../support/problems';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';
import { metricSample } from '../support/metric-sample';

describe(`GET /metrics [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  const admin = testKey('metrics-test-admin', 'programme-admin');
  const scraper = testKey('prometheus', 'metrics');
  const analyst = testKey('metrics-test-analyst', 'analyst');
  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: JSON.stringify([admin.entry, scraper.entry, analyst.entry]) });
    t.auth = { authorization: `Bearer ${admin.key}` };
  });
  afterAll(async () => t.close());

  it('serves the Prometheus text format with the process metrics', async () => {
    const response = await fetch(`${t.url}/metrics`, { headers: t.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE process_resident_memory_bytes gauge$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('has no relay metrics where the relay does not run', async () => {
    expect(await (await fetch(`${t.url}/metrics`, { headers: t.auth })).text()).not.toContain('kafka_relay');
  });

  const get = async (path: string, key: string) => {
    const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const text = await response.text();
    const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {};
    return { status: response.status, headers: response.headers, text, body };
  };

  it('lets a metrics credential scrape it', async () => {
    const scrape = await get('/metrics', scraper.key);
    expect(scrape.status).toBe(200);
    expect(scrape.text).toMatch(/^read_model_lag_positions\{read_model="spread"\} \d+$/m);
    // Every model snapshots on catching up, moments before this test: a duration, and an age of under ten minutes.
    const seconds = (metric: string) => metricSample(scrape.text, metric, ['read_model', 'measures']);
    expect(seconds('read_model_snapshot_duration_seconds')).toBeGreaterThanOrEqual(0);
    expect(seconds('read_model_snapshot_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(seconds('read_model_snapshot_age_seconds')).toBeLessThan(600);
  });

  it('refuses a metrics credential everything else, with 403 problem+json', async () => {
    for (const path of ['/v1/spread/summary', '/v1/admin/read-models', '/v1/export/events']) {
      const refused = await get(path, scraper.key);
      expectCleanProblem(refused, 403);
      expect(refused.body.detail).toMatch(/^The role metrics may not use GET /);
    }
    const command = await fetch(`${t.url}/v1/commands/RegisterOrganisation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scraper.key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(command.status).toBe(403);
  });

  it('refuses a role that may not scrape, with 403 problem+json', async () => {
    const refused = await get('/metrics', analyst.key);
    expectCleanProblem(refused, 403);
    expect(refused.body.detail).toBe('The role analyst may not use GET /metrics');
  });
});
