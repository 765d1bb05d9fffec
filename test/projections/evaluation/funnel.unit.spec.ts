import { RecordedEvent } from '../../../src/event-store';
import { alwaysEventRegisterProjection } from '../../../src/projections/evaluation/always-event-register.projection';
import { funnelReport, funnelRows, StageFigures } from '../../../src/projections/evaluation/funnel-report';
import { foldProjection } from '../../../src/projections/runner/projection';
import type { ReportWindows } from '../../../src/projections/spread/reporting-windows';
import { enrolment, programme, SLUG } from '../spread/spread-fixtures';
import { alwaysEvent } from './always-event-fixtures';
import { pdsaCycle } from './pdsa-cycle-fixtures';

const fold = (events: RecordedEvent[]) => foldProjection(alwaysEventRegisterProjection, events);
const DATE = '2017-12-31';

const VISION = 'We will always';
const TEAM = { PatientOrServiceUser: 1, PointOfCareStaff: 1 };
const started = (alwaysEventId: string, odsCode: string, date: string) =>
  pdsaCycle(`pdsa-${alwaysEventId}`, { alwaysEventId, changeIdeaId: 'i', cycleNumber: 1, odsCode }).started(
    date,
  );

/**
 * Four organisations, days counted from enrolment (reporting date 2017-12-31):
 * - O1 (cohort-1, enrolled 2017-01-01): a second Always Event agreed first, on
 *   day 5; PDSA day 20; implementing day 60; aim day 90; sustained day 181.
 * - O2 (cohort-1, 2017-01-01): a PDSA started during co-design on day 15,
 *   statement on day 30, so the nested PDSA stage is day 30; followed to day 364.
 * - O3 (no cohort, 2017-03-02): statement day 30; followed to day 304.
 * - O4 (no cohort, 2017-09-01): its statement is dated after the reporting
 *   date, so not reached; followed to day 121.
 */
function fourOrganisations(): RecordedEvent[] {
  const a1 = alwaysEvent('a1', 'O1');
  const a1b = alwaysEvent('a1b', 'O1');
  const a2 = alwaysEvent('a2', 'O2');
  const a3 = alwaysEvent('a3', 'O3');
  const a4 = alwaysEvent('a4', 'O4');
  return [
    ...programme(),
    ...enrolment('O1', '2017-01-01', { cohortId: 'cohort-1' }),
    ...enrolment('O2', '2017-01-01', { cohortId: 'cohort-1' }),
    ...enrolment('O3', '2017-03-02'),
    ...enrolment('O4', '2017-09-01'),
    a1.initiated('2017-01-02'),
    a1.agreed('d', VISION, TEAM, '2017-01-11'),
    a1b.initiated('2017-01-02'),
    a1b.agreed('d', VISION, TEAM, '2017-01-06'),
    started('a1', 'O1', '2017-01-21'),
    a1.implementationStarted('2017-03-02'),
    a1.aimAchieved('m', '2017-04-01'),
    a1.sustained('2017-07-01'),
    a2.initiated('2017-01-02'),
    started('a2', 'O2', '2017-01-16'),
    a2.agreed('d', VISION, TEAM, '2017-01-31'),
    a3.initiated('2017-03-03'),
    a3.agreed('d', VISION, TEAM, '2017-04-01'),
    a4.initiated('2017-09-02'),
    a4.agreed('d', VISION, TEAM, '2018-01-15'),
  ];
}

const brief = (s: StageFigures) => [
  s.stage,
  s.reached,
  s.percentOfPrevious,
  s.percentOfEnrolled,
  s.medianDays,
];

describe('evaluation funnel', () => {
  const report = funnelReport(fold(fourOrganisations()), DATE);

  it('counts organisations at each nested stage with conversion and median days from enrolment', () => {
    expect(report.overall.stages.map(brief)).toEqual([
      ['enrolled', 4, null, 100, null],
      // O1 day 5, O2 day 30, O3 day 30: 3 of 4; median 30.
      ['statementAgreed', 3, 75, 75, 30],
      // O1 day 20, O2 day 30 (nested): 2 of 3 = 66.67%, 2 of 4 = 50%; median (20 + 30) / 2.
      ['firstPdsaStarted', 2, 66.67, 50, 25],
      ['implementing', 1, 50, 25, 60],
      ['aimAchieved', 1, 100, 25, 90],
      ['sustained', 1, 100, 25, 181],
    ]);
  });

  it('gives the Kaplan–Meier cumulative share reached, so late enrollers are censored, not failures', () => {
    const [, statement, pdsa, , , sustained] = report.overall.stages;
    // Day 5: 4 at risk, 1 reaches (25%); day 30: O2, O3 and O4 (censored at 121) at risk, 2 reach:
    // S = 3/4 × 1/3 = 1/4, so 75%. The longest follow-up is 121 days: 180 days and more are unknown.
    expect(statement.curve).toEqual([
      { days: 5, atRisk: 4, reached: 1, cumulativePercent: 25 },
      { days: 30, atRisk: 3, reached: 2, cumulativePercent: 75 },
    ]);
    expect(statement.reachedWithinDays).toEqual({ '90': 75, '180': null, '365': null, '730': null });
    // Day 20: 4 at risk, S = 3/4; day 30: O2, O3 (304), O4 (121) at risk, 1 reaches: S = 3/4 × 2/3 = 1/2.
    expect(pdsa.reachedWithinDays).toEqual({ '90': 50, '180': 50, '365': null, '730': null });
    // Day 181: O1, O2 (364) and O3 (304) at risk, O4 left at 121: S = 2/3, so 33.33% (the naive share is 25%).
    expect(sustained.curve).toEqual([{ days: 181, atRisk: 3, reached: 1, cumulativePercent: 33.33 }]);
    expect(sustained.reachedWithinDays).toEqual({ '90': 0, '180': 0, '365': null, '730': null });
  });

  it('splits by cohort, organisations without one last', () => {
    expect(
      report.byCohort.map((g) => [g.cohortId, g.cohortName, g.stages[1].reached, g.stages[1].medianDays]),
    ).toEqual([
      // cohort-1: O1 day 5, O2 day 30; no cohort: O3 day 30, O4 not yet.
      ['cohort-1', 'Cohort 1', 2, 17.5],
      [null, 'No cohort', 1, 30],
    ]);
    expect(report.byCohort[1].stages[1].curve).toEqual([
      { days: 30, atRisk: 2, reached: 1, cumulativePercent: 50 },
    ]);
  });

  it('counts only what had happened by the reporting date, and zeros before any enrolment', () => {
    const early = funnelReport(fold(fourOrganisations()), '2017-01-10');
    // On 2017-01-10 only O1 and O2 are enrolled, and only O1's statement (day 5) has happened.
    expect(early.overall.stages.slice(0, 3).map(brief)).toEqual([
      ['enrolled', 2, null, 100, null],
      ['statementAgreed', 1, 50, 50, 5],
      ['firstPdsaStarted', 0, 0, 0, null],
    ]);
    const before = funnelReport(fold(fourOrganisations()), '2016-01-01');
    expect(before.overall.stages.map((s) => [s.reached, s.percentOfEnrolled])).toEqual(
      Array.from({ length: 6 }, () => [0, null]),
    );
    expect(before.byCohort).toEqual([]);
  });

  it('keeps to one programme when asked', () => {
    const events = [...fourOrganisations(), ...enrolment('O9', '2017-01-01')].map((e) =>
      e.streamId === `participation-${SLUG}.O9`
        ? {
            ...e,
            data: { ...(e.data as object), programmeSlug: 'another' },
            streamId: 'participation-another.O9',
          }
        : e,
    );
    expect(funnelReport(fold(events), DATE).overall.stages[0].reached).toBe(5);
    expect(funnelReport(fold(events), DATE, SLUG).overall.stages[0].reached).toBe(4);
  });

  it("follows organisations only to their programme's reporting window when it applies", () => {
    const window = {
      startsOn: null,
      endsOn: '2017-06-30',
      source: 'reporting-window' as const,
      applied: true,
    };
    const windowed = funnelReport(fold(fourOrganisations()), DATE, SLUG, { [SLUG]: window });
    expect([windowed.date, windowed.window, windowed.windows]).toEqual([
      '2017-06-30',
      window,
      { [SLUG]: window },
    ]);
    // O4 enrolled after the window; O1's sustainment (2017-07-01) came after it too.
    expect(windowed.overall.stages.map((s) => s.reached)).toEqual([3, 3, 2, 1, 1, 0]);
    // Censored at the window's end: O1 and O2 followed 180 days, O3 120; nothing beyond 180 days is known.
    expect(windowed.overall.stages[5].reachedWithinDays).toEqual({
      '90': 0,
      '180': 0,
      '365': null,
      '730': null,
    });
    const unapplied = funnelReport(fold(fourOrganisations()), DATE, SLUG, {
      [SLUG]: { ...window, applied: false },
    });
    expect(unapplied.date).toBe(DATE);
    expect(unapplied.overall).toEqual(report.overall);
  });

  it("follows each phase's organisations to its own window, nested and censored as the funnel is", () => {
    const phaseOf: Record<string, string> = { O1: 'pilot', O2: 'pilot', O3: 'spread', O4: 'spread' };
    const windows = (pilotApplied: boolean): ReportWindows => ({
      window: { startsOn: null, endsOn: null, source: null, applied: false },
      phases: [
        {
          phaseId: 'pilot',
          name: 'Pilot',
          startsOn: null,
          endsOn: '2017-06-30',
          source: 'phase-closed',
          applied: pilotApplied,
        },
        { phaseId: 'spread', name: 'Spread', startsOn: null, endsOn: null, source: null, applied: false },
      ],
    });
    const byPhase = (pilotApplied: boolean) =>
      funnelReport(
        fold(fourOrganisations()),
        DATE,
        SLUG,
        {},
        {
          phaseOf: (_, odsCode) => phaseOf[odsCode] ?? null,
          windows: { [SLUG]: windows(pilotApplied) },
        },
      );
    const phased = byPhase(true);
    expect(
      phased.byPhase.map((g) => [g.phaseId, g.phaseName, g.until, g.stages.map((st) => st.reached)]),
    ).toEqual([
      // O1 and O2 to the pilot's close: O1 sustained on 2017-07-01, after it.
      ['pilot', 'Pilot', '2017-06-30', [2, 2, 2, 1, 1, 0]],
      // O3 and O4 to the date: O4's statement came after it.
      ['spread', 'Spread', DATE, [2, 1, 0, 0, 0, 0]],
    ]);
    expect(byPhase(false).byPhase[0].stages.map((st) => st.reached)).toEqual([2, 2, 2, 1, 1, 1]);
    const rows = funnelRows(phased);
    expect(rows).toHaveLength(30);
    expect(rows[23]).toMatchObject({ group: 'phase', phaseId: 'pilot', stage: 'sustained', reached: 0 });
    // Without the spread model's phases, no phase groups.
    expect(report.byPhase).toEqual([]);
  });

  it('gives CSV one row per group and stage', () => {
    const rows = funnelRows(report);
    expect(rows).toHaveLength(18);
    expect(rows[1]).toMatchObject({ group: 'overall', cohortId: null, stage: 'statementAgreed', reached: 3 });
    expect(rows[7]).toMatchObject({
      group: 'cohort',
      cohortId: 'cohort-1',
      stage: 'statementAgreed',
      reached: 2,
    });
  });
});
