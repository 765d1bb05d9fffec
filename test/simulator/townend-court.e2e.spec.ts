import { computeChart } from '../../src/analytics';
import type {
  DriverDiagramView,
  DriverView,
} from '../../src/projections/driver-diagrams/driver-diagram-view';
import type { MeasureChart } from '../../src/projections/measures/measure-chart';
import type { RecalculationProposalsBody } from '../../src/projections/measures/recalculation-proposals';
import { commandClient } from '../commands/command-client';
import { authHeaders } from '../support/credentials';
import { getJson } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import { sendTownendCourt, SimulatedTownendCourt } from './support/townend-court';

const texts = (drivers: DriverView[]): string[] => drivers.flatMap((d) => [d.text, ...texts(d.drivers)]);

/**
 * The simulated Townend Court outcome measure after the simulator records the
 * recalculation its team would: the proposal endpoint proposed exactly that
 * recalculation before it was made, and the chart now has its phase break.
 */
describe(`Townend Court as the simulator plays it (seed 42) [${storeUnderTest}, real HTTP]`, () => {
  let app: TestApp;
  let townend: SimulatedTownendCourt;
  let decidedAt: number;
  let decision: { period: string; reason: string };

  beforeAll(async () => {
    app = await startTestApp();
    townend = await sendTownendCourt(app.url, app.adminKey);
    const events = await commandClient(app.url).events(`measure-${townend.outcomeMeasureId}`);
    const recalculated = events.filter((e) => e.type === 'LimitsRecalculated');
    expect(recalculated).toHaveLength(1);
    decidedAt = (recalculated[0] as unknown as { position: number }).position;
    decision = recalculated[0].data as { period: string; reason: string };
  }, 120_000);
  afterAll(async () => app?.close());

  const chartAt = (bounds: string) =>
    getJson<MeasureChart>(app.url, `/v1/measures/${townend.outcomeMeasureId}/chart?profile=mdc${bounds}`);

  it('proposed exactly that recalculation before it was recorded, and proposes it no more', async () => {
    const before = await getJson<RecalculationProposalsBody>(
      app.url,
      `/v1/measures/${townend.outcomeMeasureId}/recalculation-proposals?profile=mdc&atPosition=${decidedAt - 1}`,
    );
    expect(before.body.proposals[0]).toMatchObject({
      period: decision.period,
      side: 'above',
      variation: 'improvement',
    });
    const after = await getJson<RecalculationProposalsBody>(
      app.url,
      `/v1/measures/${townend.outcomeMeasureId}/recalculation-proposals?profile=mdc`,
    );
    expect(after.body.proposals.map((p) => p.period)).not.toContain(decision.period);
  });

  it('had one frozen phase before, with the short baseline flagged', async () => {
    const before = await chartAt(`&atPosition=${decidedAt - 1}`);
    expect(new Set(before.body.chart?.points.map((p) => p.phase))).toEqual(new Set([1]));
    expect(before.body.chart?.warnings.map((w) => w.code)).toContain('baseline-too-short');
  });

  it('now keeps its limits inside 0–100%, with the phase break labelled with its reason', async () => {
    const chart = (await chartAt('')).body;
    const points = chart.chart?.points ?? [];
    expect(points.length).toBeGreaterThan(100);
    for (const p of points) {
      for (const line of [p.centre, p.lower, p.upper]) {
        expect(line).not.toBeNull();
        expect(line).toBeGreaterThanOrEqual(0);
        expect(line).toBeLessThanOrEqual(100);
      }
    }
    const breakAt = points.findIndex((p) => p.date === decision.period);
    expect(points[breakAt - 1].phase).toBe(1);
    expect(points[breakAt].phase).toBe(2);
    expect(chart.limitDecisions).toContainEqual(
      expect.objectContaining({ kind: 'recalculation', period: decision.period, reason: decision.reason }),
    );
    const svg = await fetch(`${app.url}/v1/measures/${townend.outcomeMeasureId}/chart.svg?profile=mdc`, {
      headers: authHeaders(app.url),
    });
    expect(await svg.text()).toContain(`Recalculated: ${decision.reason}`.slice(0, 30));
  });

  it('marks special cause only where the MDC rules say', async () => {
    const chart = (await chartAt('')).body;
    const result = chart.chart;
    if (!result) throw new Error('no chart');
    for (const p of result.points) expect(p.variation !== 'common-cause').toBe(p.rules.length > 0);
    // The same rules over the same values and decisions, recomputed here, give the same points.
    const again = computeChart({
      chart: 'xmr',
      profile: 'mdc',
      points: result.points.map((p) => ({ date: p.date, value: p.y })),
      improvementDirection: 'increase',
      target: result.parameters.target,
      recalculateAt: result.parameters.recalculateAt,
      phaseBaselinePoints: result.parameters.phaseBaselinePoints,
    });
    expect(result.points.map((p) => [p.rules, p.variation])).toEqual(
      again.points.map((p) => [p.rules, p.variation]),
    );
    const special = result.points.filter((p) => p.variation !== 'common-cause').length;
    // Frozen on its short baseline, 116 of 127 points were special cause; recalculated, a fraction.
    expect(special).toBeLessThan(result.points.length / 4);
  });

  it('shows its driver diagram as of two dates, before and after the team reworded a driver', async () => {
    const path = `/v1/evaluation/always-events/${townend.alwaysEventId}/driver-diagram`;
    const dayBefore = new Date(Date.parse(townend.revisedOn) - 86_400_000).toISOString().slice(0, 10);
    const [before, after] = await Promise.all([
      getJson<DriverDiagramView>(app.url, `${path}?asOf=${dayBefore}`),
      getJson<DriverDiagramView>(app.url, `${path}?asOf=${townend.revisedOn}`),
    ]);
    expect(before.body.aim?.targetPct).toBe(95);
    expect(texts(before.body.primaryDrivers)).toContain(
      'Staff know the routine, nights and weekends included',
    );
    expect(texts(after.body.primaryDrivers)).toContain(
      'Every shift owns the routine, handed over at each change of shift',
    );
    const ideas = after.body.primaryDrivers.flatMap((p) => p.drivers.flatMap((s) => s.changeIdeas));
    expect(ideas.map((i) => i.text)).toContain('A ward phone on a trolley, charged every night');
    expect(ideas.some((i) => i.pdsaCycles.length > 0 && i.outcome !== null)).toBe(true);
  });
});
