import type { FunnelReport } from '../../../src/projections/evaluation/funnel-report';
import type { PhaseWindow, ReportingWindow } from '../../../src/projections/spread/reporting-windows';
import type {
  BreakdownRow,
  ComplianceTotals,
  TimelineRow,
} from '../../../src/projections/spread/spread-reports';
import { commandClient, programmeSlug, readyToEnrol } from '../../commands/command-client';
import { scenarioSteps } from '../evaluation/scenario-steps';
import { getJson } from '../../support/http';
import { startTestApp, TestApp } from '../../support/test-app';
import { storeUnderTest } from '../../support/store-under-test';

interface Windowed {
  date: string;
  window: ReportingWindow;
  phaseWindows: PhaseWindow[];
}
type Breakdown = Windowed & { items: BreakdownRow[] };
type Compliance = Windowed & {
  totals: ComplianceTotals;
  items: Array<{ odsCode: string; expected: number }>;
};

/**
 * A small programme, every fact dated by `occurredAt` and read at asOf=2018-06-30:
 *
 *   org  phase   enrolled    returns on time    then
 *   RW1  pilot   2017-10-01  2017-10 to 2018-01
 *   RW2  pilot   2017-10-01  none               withdrew 2018-02-01
 *   RW3  spread  2017-10-01  2017-10 to 2018-02
 *   RW4  spread  2018-03-01  none
 *
 * The pilot closed on 2017-12-31; the spread phase's window is 2017-11-01 to
 * 2018-04-30; later the programme's window is set to end on 2018-01-31.
 */
describe(`reporting windows of phases and the funnel [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let steps: ReturnType<typeof scenarioSteps>;
  const get = <T>(path: string) =>
    getJson<T>(
      t.url,
      `${path}${path.includes('?') ? '&' : '?'}asOf=2018-06-30&minPosition=${steps.lastPosition()}`,
    );
  const byPhase = (b: Breakdown) => b.items.map((r) => [r.key, r.enrolled]);
  const phases = (w: Windowed) =>
    w.phaseWindows.map((p) => [p.phaseId, p.startsOn, p.endsOn, p.source, p.applied]);
  const expected = (c: Compliance) => c.items.map((r) => [r.odsCode, r.expected]);

  beforeAll(async () => {
    t = await startTestApp();
    const client = commandClient(t.url);
    steps = scenarioSteps(client);
    const { send } = steps;
    // Dated like everything else: a programme launched "today" would not be there at asOf=2018-06-30.
    for (const odsCode of ['RW1', 'RW2', 'RW3', 'RW4']) {
      const trust = { odsCode, name: `NHS trust ${odsCode}`, type: 'AcuteTrust', regionCode: 'Y56' };
      await send(
        'RegisterOrganisation',
        { ...trust, isNhsTrust: true, openDate: '2005-04-01' },
        '2005-04-01',
      );
    }
    const launch = { programmeSlug, name: 'Always Events England', sponsors: ['NHS England'] };
    await send('LaunchProgramme', { ...launch, startDate: '2015-01-01' }, '2015-01-01');
    // Phases may not overlap: the pilot's dates are 2016, though its organisations enrol later here.
    const pilot = { phaseId: 'pilot', name: 'Pilot', startDate: '2016-01-01', endDate: '2016-12-31' };
    await send('DefinePhase', { programmeSlug, ...pilot }, '2015-12-01');
    const spread = { phaseId: 'spread', name: 'Spread', startDate: '2017-01-01' };
    await send('DefinePhase', { programmeSlug, ...spread }, '2016-12-01');
    for (const [odsCode, phaseId, enrolledOn] of [
      ['RW1', 'pilot', '2017-10-01'],
      ['RW2', 'pilot', '2017-10-01'],
      ['RW3', 'spread', '2017-10-01'],
      ['RW4', 'spread', '2018-03-01'],
    ]) {
      await readyToEnrol(client, odsCode);
      const enrolment = { programmeSlug, odsCode, enrolledOn, phaseId, enrolmentRoute: 'Direct' };
      await send('EnrolOrganisation', enrolment, enrolledOn);
    }
    const months = ['2017-10', '2017-11', '2017-12', '2018-01', '2018-02'];
    for (const [odsCode, periods] of [
      ['RW1', months.slice(0, 4)],
      ['RW3', months],
    ] as const) {
      for (const period of periods) {
        const submittedOn = `${period}-28`;
        const submitted = {
          programmeSlug,
          odsCode,
          period,
          submittedOn,
          alwaysEventIds: [],
          measuresReported: 1,
        };
        await send('SubmitMonthlyReturn', submitted, submittedOn);
      }
    }
    const withdrawal = { programmeSlug, odsCode: 'RW2', withdrawnOn: '2018-02-01', reason: 'Capacity' };
    await send('WithdrawOrganisation', withdrawal, '2018-02-01');
    const closing = { programmeSlug, phaseId: 'pilot', closedOn: '2017-12-31', reason: 'Pilot complete' };
    await send('ClosePhase', closing, '2018-01-02');
    const window = { programmeSlug, phaseId: 'spread', startsOn: '2017-11-01', endsOn: '2018-04-30' };
    await send('SetReportingWindow', window, '2018-05-01');
  }, 120_000);
  afterAll(async () => t?.close());

  it("breaks down by phase with each phase's enrolments on its last day, saying which window ended it", async () => {
    const { status, body } = await get<Breakdown>('/v1/spread/breakdown?by=phase');
    expect(status).toBe(200);
    expect(body.window).toEqual({ startsOn: null, endsOn: null, source: null, applied: false });
    // In start order.
    expect(phases(body)).toEqual([
      ['pilot', null, '2017-12-31', 'phase-closed', true],
      ['spread', '2017-11-01', '2018-04-30', 'reporting-window', true],
    ]);
    // RW2 withdrew after the pilot closed: it counts on the pilot's last day.
    expect(byPhase(body)).toEqual([
      ['pilot', 2],
      ['spread', 2],
    ]);
    const none = await get<Breakdown>('/v1/spread/breakdown?by=phase&window=none');
    expect(byPhase(none.body)).toEqual([
      ['spread', 2],
      ['pilot', 1],
    ]);
    expect(none.body.phaseWindows.every((p) => !p.applied)).toBe(true);
  });

  it("draws one phase's enrolment curve to its window, and to the date with window=none", async () => {
    type Timeline = { date: string; phase: string; phaseWindow: PhaseWindow; items: TimelineRow[] };
    const curve = (t: Timeline) => t.items.map((r) => [r.month, r.enrolled]);
    const pilot = await get<Timeline>('/v1/spread/timeline?phase=pilot');
    expect(pilot.status).toBe(200);
    expect([pilot.body.date, pilot.body.phase, pilot.body.phaseWindow.source]).toEqual([
      '2017-12-31',
      'pilot',
      'phase-closed',
    ]);
    expect(curve(pilot.body)).toEqual([
      ['2017-10', 2],
      ['2017-11', 2],
      ['2017-12', 2],
    ]);
    // From the phase's first enrolment (the curve does not start at the window's startsOn) to its end.
    const spread = await get<Timeline>('/v1/spread/timeline?phase=spread');
    expect(spread.body.date).toBe('2018-04-30');
    expect(curve(spread.body)).toEqual([
      ['2017-10', 1],
      ['2017-11', 1],
      ['2017-12', 1],
      ['2018-01', 1],
      ['2018-02', 1],
      ['2018-03', 2],
      ['2018-04', 2],
    ]);
    // To the date: RW2 withdrew from the pilot on 2018-02-01.
    const none = await get<Timeline>('/v1/spread/timeline?phase=pilot&window=none');
    expect(none.body.date).toBe('2018-06-30');
    expect(curve(none.body).slice(-2)).toEqual([
      ['2018-05', 1],
      ['2018-06', 1],
    ]);
    const unknown = await get<{ type: string }>('/v1/spread/timeline?phase=no-such-phase');
    expect([unknown.status, unknown.body.type]).toEqual([404, 'urn:always-events:problem:phase-not-found']);
    // The summary of a phase is the last point of its curve.
    type Summary = { date: string; enrolled: number; phase: string; phaseWindow: PhaseWindow };
    for (const [phase, timeline] of [
      ['pilot', pilot.body],
      ['spread', spread.body],
    ] as const) {
      const summary = await get<Summary>(`/v1/spread/summary?phase=${phase}`);
      const last = timeline.items[timeline.items.length - 1];
      expect([summary.body.date, summary.body.enrolled, summary.body.phaseWindow]).toEqual([
        last.date,
        last.enrolled,
        timeline.phaseWindow,
      ]);
    }
    const whole = await get<Summary>('/v1/spread/summary');
    expect([whole.body.enrolled, 'phase' in whole.body]).toEqual([3, false]);
  });

  it("expects returns only for months inside each phase's window, and all of them with window=none", async () => {
    const { body } = await get<Compliance>('/v1/spread/return-compliance');
    // Pilot: October to December 2017. Spread: November 2017 to April 2018 (RW4 from March).
    expect(expected(body)).toEqual([
      ['RW1', 3],
      ['RW2', 3],
      ['RW3', 6],
      ['RW4', 2],
    ]);
    expect(body.totals).toEqual({ expected: 14, onTime: 7, late: 0, missing: 7, compliancePercent: 50 });
    // To 2018-06-30: every month due by then (to April 2018), RW2 until it withdrew.
    const none = await get<Compliance>('/v1/spread/return-compliance?window=none');
    expect(expected(none.body)).toEqual([
      ['RW1', 7],
      ['RW2', 4],
      ['RW3', 7],
      ['RW4', 2],
    ]);
    expect(none.body.totals).toEqual({
      expected: 20,
      onTime: 9,
      late: 0,
      missing: 11,
      compliancePercent: 45,
    });
  });

  it('follows every enrolment in the funnel while the programme has no window', async () => {
    const { body } = await get<FunnelReport>(`/v1/evaluation/funnel?programme=${programmeSlug}`);
    expect(body.window).toEqual({ startsOn: null, endsOn: null, source: null, applied: false });
    expect([body.date, body.overall.stages[0].reached]).toEqual(['2018-06-30', 4]);
    // By phase, each phase's organisations to its own window: the pilot's close, the spread phase's window.
    expect(body.byPhase.map((g) => [g.phaseId, g.until, g.stages[0].reached])).toEqual([
      ['pilot', '2017-12-31', 2],
      ['spread', '2018-04-30', 2],
    ]);
  });

  describe("once the programme's window ends first", () => {
    beforeAll(async () => {
      await steps.send('SetReportingWindow', { programmeSlug, endsOn: '2018-01-31' }, '2018-05-02');
    });
    const programmeWindow = {
      startsOn: null,
      endsOn: '2018-01-31',
      source: 'reporting-window',
      applied: true,
    };

    it("ends every phase at the programme's window when it ends before the phase's", async () => {
      const { body } = await get<Breakdown>('/v1/spread/breakdown?by=phase');
      expect(body.date).toBe('2018-01-31');
      expect(body.window).toEqual(programmeWindow);
      expect(phases(body)).toEqual([
        ['pilot', null, '2017-12-31', 'phase-closed', true],
        ['spread', '2017-11-01', '2018-01-31', 'programme', true],
      ]);
      expect(byPhase(body)).toEqual([
        ['pilot', 2],
        ['spread', 1],
      ]);
      const compliance = await get<Compliance>('/v1/spread/return-compliance');
      expect(expected(compliance.body)).toEqual([
        ['RW1', 3],
        ['RW2', 3],
        ['RW3', 3],
        ['RW4', 0],
      ]);
    });

    it("ends the funnel at the programme's window, and window=none brings the rest back", async () => {
      const { body } = await get<FunnelReport>(`/v1/evaluation/funnel?programme=${programmeSlug}`);
      expect(body.window).toEqual(programmeWindow);
      // RW4 enrolled after the window's end.
      expect([body.date, body.overall.stages[0].reached]).toEqual(['2018-01-31', 3]);
      const all = await get<FunnelReport>('/v1/evaluation/funnel');
      expect([all.body.window, all.body.windows]).toEqual([null, { [programmeSlug]: programmeWindow }]);
      expect(all.body.overall.stages[0].reached).toBe(3);
      const none = await get<FunnelReport>(`/v1/evaluation/funnel?programme=${programmeSlug}&window=none`);
      expect(none.body.window).toEqual({ ...programmeWindow, applied: false });
      expect([none.body.date, none.body.overall.stages[0].reached]).toEqual(['2018-06-30', 4]);
    });
  });
});
