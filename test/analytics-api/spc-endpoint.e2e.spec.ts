import { postJson, Problem } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';

describe(`POST /v1/analytics/spc [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('charts a series under a profile and lists every parameter used', async () => {
    const values = [12, 14, 13, 15, 14, 13, 12, 14, 15, 13, 14, 13, 22, 23, 24, 22, 23, 25, 24, 23];
    const response = await postJson<{
      chart: string;
      profile: string;
      parameters: Record<string, unknown>;
      points: Array<{ n: number; centre: number; rules: string[]; variation: string }>;
      icons: { variation: string | null };
    }>(t.url, '/v1/analytics/spc', {
      chart: 'xmr',
      profile: 'mdc',
      improvementDirection: 'increase',
      points: values.map((value, i) => ({ date: `2018-${String(i + 1).padStart(2, '0')}`, value })),
    });
    expect(response.status).toBe(200);
    expect(response.body.chart).toBe('xmr');
    expect(response.body.profile).toBe('mdc');
    expect(Object.keys(response.body.parameters).length).toBeGreaterThan(5);
    expect(response.body.points).toHaveLength(20);
    expect(response.body.points.some((p) => p.variation === 'improvement')).toBe(true);
    expect(response.body.points[0].n).toBe(1);
  });

  it.each([
    [{ chart: 'xmr', profile: 'nope', points: [{ value: 1 }] }, 'profile'],
    [{ chart: 'pie', profile: 'mdc', points: [{ value: 1 }] }, 'chart'],
    [{ chart: 'p', profile: 'qic', points: [{ numerator: 5, denominator: 3 }] }, 'points/0/numerator'],
    [{ chart: 'p', profile: 'qic', points: [{ numerator: 1, denominator: 3 }, { value: 2 }] }, 'points/1'],
    [{ chart: 'c', profile: 'qic', points: [{ value: -1 }] }, 'points/0/value'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await postJson<Problem>(t.url, '/v1/analytics/spc', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining([expect.stringContaining(field)]),
    );
  });
});

describe(`POST /v1/analytics/spc size limits [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('takes 100,000 points (a body over the 1 MiB command limit) and refuses 100,001 by count', async () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ value: (i * 7919) % 101 }));
    const ok = await postJson<{ points: unknown[] }>(t.url, '/v1/analytics/spc', {
      chart: 'xmr',
      profile: 'ptd',
      points: points(100_000),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.points).toHaveLength(100_000);
    const tooMany = await postJson<Problem>(t.url, '/v1/analytics/spc', {
      chart: 'xmr',
      profile: 'ptd',
      points: points(100_001),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.[0].field).toBe('points');
  });
});
