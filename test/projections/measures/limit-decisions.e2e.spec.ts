import { randomUUID } from 'node:crypto';
import type { RecalculationProposalsBody } from '../../../src/projections/measures/recalculation-proposals';
import type { MeasureChart } from '../../../src/projections/measures/measure-chart';
import {
  commandClient,
  CommandClient,
  expectCreated,
  expectProblem,
  launchProgrammeWith,
  programmeSlug,
} from '../../commands/command-client';
import { authHeaders } from '../../support/credentials';
import { getJson } from '../../support/http';
import { storeUnderTest } from '../../support/store-under-test';
import { startTestApp, TestApp } from '../../support/test-app';
import { scenarioSteps } from '../evaluation/scenario-steps';

type Chart = MeasureChart & { knowledge: { position: number } };
type Proposals = RecalculationProposalsBody & { knowledge: { position: number } };

/** 2017-W37 on: 12 weeks near 45% (a 9-week baseline), then 24 weeks near 96% after a change. */
const periodOf = (i: number) =>
  37 + i <= 52 ? `2017-W${37 + i}` : `2018-W${String(37 + i - 52).padStart(2, '0')}`;
const BEFORE = [9, 11, 8, 10, 7, 12, 9, 10, 8, 11, 9, 10];
const AFTER = [
  19, 20, 19, 18, 20, 19, 20, 19, 20, 18, 19, 20, 20, 19, 18, 20, 19, 20, 19, 20, 19, 18, 20, 19,
];

describe(`limits recalculated and baselines set, over HTTP [${storeUnderTest}, real HTTP]`, () => {
  let app: TestApp;
  let client: CommandClient;
  const alwaysEventId = randomUUID();
  const measureId = randomUUID();
  let beforeDecision = 0;
  const get = <T>(path: string) => getJson<T>(app.url, path);
  const send = async (name: string, body: object) => {
    const reply = await client.post(name, body);
    expectCreated(reply);
    return reply.body.position as number;
  };

  beforeAll(async () => {
    app = await startTestApp();
    client = commandClient(app.url);
    const steps = scenarioSteps(client);
    await launchProgrammeWith(client, ['RA1']);
    await steps.enrol('RA1', '2017-06-01');
    const homeUnit = { unitId: 'home', name: 'Assessment and treatment unit', setting: 'LearningDisability' };
    await steps.send(
      'InitiateAlwaysEvent',
      { alwaysEventId, programmeSlug, odsCode: 'RA1', homeUnit, population: 'People on the unit' },
      '2017-07-03',
    );
    await steps.send(
      'DefineMeasure',
      {
        measureId,
        alwaysEventId,
        role: 'Outcome',
        name: 'Requests met within 5 minutes',
        operationalDefinition: 'Staff log every request',
        numeratorDefinition: 'Requests met within 5 minutes',
        denominatorDefinition: 'Requests',
        dataSource: 'Log',
        frequency: 'Weekly',
        targetPct: 95,
        improvementDirection: 'increase',
      },
      '2017-09-01',
    );
    const values = [...BEFORE, ...AFTER];
    for (const [i, numerator] of values.entries()) {
      await send('RecordMeasurement', {
        measureId,
        unitId: 'home',
        period: periodOf(i),
        numerator,
        denominator: 20,
      });
    }
    beforeDecision = await send('EstablishBaseline', {
      measureId,
      unitId: 'home',
      periods: values.slice(0, 9).map((_, i) => periodOf(i)),
    });
  }, 120_000);
  afterAll(async () => app?.close());

  it('warns that the 9-week baseline is shorter than MDC’s 13 points, and proposes the sustained shift', async () => {
    const chart = await get<Chart>(
      `/v1/measures/${measureId}/chart?profile=mdc&minPosition=${beforeDecision}`,
    );
    expect(chart.status).toBe(200);
    expect(chart.body.chart?.warnings.map((w) => w.code)).toContain('baseline-too-short');
    expect(chart.body.limitDecisions).toEqual([
      expect.objectContaining({ kind: 'baseline', period: periodOf(8), n: 9 }),
    ]);
    const proposed = await get<Proposals>(`/v1/measures/${measureId}/recalculation-proposals?profile=mdc`);
    expect(proposed.status).toBe(200);
    expect(proposed.body.rule).toMatchObject({ shiftPoints: 6, sustainedPoints: 13 });
    // The first week at the new level, right after the twelve weeks near 45%.
    expect(proposed.body.proposals).toEqual([
      expect.objectContaining({
        period: periodOf(12),
        n: 13,
        phase: 1,
        side: 'above',
        variation: 'improvement',
      }),
    ]);
  });

  it('records the recalculation: a phase break with its reason, limits inside 0–100%, every profile', async () => {
    const position = await send('RecalculateLimits', {
      measureId,
      unitId: 'home',
      period: periodOf(12),
      reason: 'Ward phone trolley adopted: requests now met at once',
    });
    for (const profile of ['mdc', 'ptd', 'qic', 'ihi']) {
      const chart = await get<Chart>(
        `/v1/measures/${measureId}/chart?profile=${profile}&minPosition=${position}`,
      );
      const points = chart.body.chart?.points ?? [];
      expect({ profile, phases: [...new Set(points.map((p) => p.phase))] }).toEqual({
        profile,
        phases: [1, 2],
      });
      expect(points[12].phase).toBe(2);
      expect(chart.body.limitDecisions).toContainEqual(
        expect.objectContaining({
          kind: 'recalculation',
          period: periodOf(12),
          n: 13,
          reason: 'Ward phone trolley adopted: requests now met at once',
        }),
      );
      for (const p of points) {
        for (const line of [p.lower, p.upper, p.centre]) {
          if (line !== null) expect(line).toBeGreaterThanOrEqual(0);
          if (line !== null) expect(line).toBeLessThanOrEqual(100);
        }
      }
    }
    const proposed = await get<Proposals>(`/v1/measures/${measureId}/recalculation-proposals?profile=mdc`);
    expect(proposed.body.proposals).toEqual([]);
    // Before the decision was recorded, the same question had that answer.
    const then = await get<Proposals>(
      `/v1/measures/${measureId}/recalculation-proposals?profile=mdc&atPosition=${beforeDecision}`,
    );
    expect(then.body.proposals.map((p) => p.period)).toEqual([periodOf(12)]);
    const chartThen = await get<Chart>(
      `/v1/measures/${measureId}/chart?profile=mdc&atPosition=${beforeDecision}`,
    );
    expect(new Set(chartThen.body.chart?.points.map((p) => p.phase))).toEqual(new Set([1]));
  });

  it('changes the first phase’s baseline with SetBaseline, and the warning goes', async () => {
    const position = await send('SetBaseline', {
      measureId,
      unitId: 'home',
      throughPeriod: periodOf(11),
      reason: 'All twelve weeks before the change',
    });
    const chart = await get<Chart>(`/v1/measures/${measureId}/chart?profile=ptd&minPosition=${position}`);
    const baseline = chart.body.limitDecisions.filter((d) => d.kind === 'baseline');
    expect(baseline).toEqual([expect.objectContaining({ period: periodOf(11), n: 12 })]);
    expect(chart.body.chart?.warnings.map((w) => w.code)).not.toContain('baseline-too-short');
  });

  it.each([
    ['a period that was not measured', { period: '2018-W40' }, 422, 'period-not-measured'],
    ['a period within the baseline', { period: periodOf(5) }, 422, 'recalculation-not-after-baseline'],
    ['the same period twice', { period: periodOf(12) }, 409, 'limits-already-recalculated'],
    ['a month on a weekly measure', { period: '2018-01' }, 422, 'period-does-not-match-frequency'],
  ])('refuses %s with problem+json naming the rule, and writes nothing', async (_, body, status, rule) => {
    const before = await client.events(`measure-${measureId}`);
    const reply = await client.post('RecalculateLimits', {
      measureId,
      unitId: 'home',
      reason: 'Test',
      ...body,
    });
    expectProblem(reply, status, rule);
    expect(await client.events(`measure-${measureId}`)).toHaveLength(before.length);
  });

  it('refuses a recalculation without a reason, naming the field', async () => {
    const reply = await client.post('RecalculateLimits', { measureId, unitId: 'home', period: periodOf(20) });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('reason');
  });

  it('serves the chart as SVG and PNG in MDC style, every point drawn', async () => {
    const chart = await get<Chart>(`/v1/measures/${measureId}/chart?profile=mdc`);
    const svg = await fetch(`${app.url}/v1/measures/${measureId}/chart.svg?profile=mdc`, {
      headers: authHeaders(app.url),
    });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const markup = await svg.text();
    expect(markup.match(/<circle[^>]*data-n="/g)).toHaveLength(chart.body.chart?.points.length ?? -1);
    expect(markup).toContain('Recalculated: Ward phone trolley adopted');
    const png = await fetch(`${app.url}/v1/measures/${measureId}/chart.png?profile=mdc`, {
      headers: authHeaders(app.url),
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    // Twice the SVG's width: a sharp bitmap for a printed report.
    expect(bytes.readUInt32BE(16)).toBe(1920);
  });

  it('refuses RecalculateLimits and SetBaseline on a retired measure', async () => {
    await send('RetireMeasure', { measureId, reason: 'Replaced' });
    expectProblem(
      await client.post('RecalculateLimits', {
        measureId,
        unitId: 'home',
        period: periodOf(20),
        reason: 'x',
      }),
      409,
      'measure-retired',
    );
    expectProblem(
      await client.post('SetBaseline', {
        measureId,
        unitId: 'home',
        throughPeriod: periodOf(20),
        reason: 'x',
      }),
      409,
      'measure-retired',
    );
  });
});
