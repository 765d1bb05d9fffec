import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';

describe(`GET /metrics [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
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
});
