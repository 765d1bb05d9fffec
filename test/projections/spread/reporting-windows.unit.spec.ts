import { foldProjection } from '../../../src/projections/runner/projection';
import { periodOf, reportWindowsOf, ReportWindows } from '../../../src/projections/spread/reporting-windows';
import { returnCompliance, spreadBreakdown } from '../../../src/projections/spread/spread-reports';
import { ProgrammeShape, SpreadState } from '../../../src/projections/spread/spread-state';
import { spreadProjection } from '../../../src/projections/spread/spread.projection';
import { recorded } from '../support/recorded';
import {
  enrolment,
  participationEvent,
  phaseClosed,
  phaseWindow,
  pilotPhase,
  programme,
  SLUG,
  trust,
} from './spread-fixtures';

/** A programme with a pilot (2015) and a spread phase (2016), no window and not closed. */
function shape(changes: (p: ProgrammeShape) => void = () => undefined): SpreadState {
  const p: ProgrammeShape = {
    name: 'Always Events',
    startDate: '2015-04-01',
    closedOn: null,
    target: null,
    phases: {
      spread: { name: 'Spread', startDate: '2016-04-01', endDate: null },
      pilot: { name: 'Pilot', startDate: '2015-04-01', endDate: '2016-03-31' },
    },
    cohorts: {},
  };
  changes(p);
  return { organisations: {}, programmes: { [SLUG]: p }, participations: {}, alwaysEvents: {} };
}

const brief = (w: ReportWindows) =>
  w.phases.map((p) => [p.phaseId, p.startsOn, p.endsOn, p.source, p.applied]);

describe('reporting windows of a programme and its phases', () => {
  it('applies nothing when neither the programme nor a phase has a window or closed', () => {
    const windows = reportWindowsOf(shape(), SLUG, true);
    expect(windows.window).toEqual({ startsOn: null, endsOn: null, source: null, applied: false });
    // In start order: the pilot first.
    expect(brief(windows)).toEqual([
      ['pilot', null, null, null, false],
      ['spread', null, null, null, false],
    ]);
    expect(periodOf(windows, 'pilot', '2019-01-01')).toEqual({ from: null, to: '2019-01-01' });
  });

  it("ends a phase at its own window, else the day it closed; the window's start is kept", () => {
    const windows = reportWindowsOf(
      shape((p) => {
        p.phases.pilot.closedOn = '2016-03-31';
        p.phases.spread.closedOn = '2018-06-30';
        p.phases.spread.reportingWindow = { startsOn: '2016-06-01', endsOn: '2018-03-31' };
      }),
      SLUG,
      true,
    );
    expect(brief(windows)).toEqual([
      ['pilot', null, '2016-03-31', 'phase-closed', true],
      ['spread', '2016-06-01', '2018-03-31', 'reporting-window', true],
    ]);
    expect(periodOf(windows, 'spread', '2019-01-01')).toEqual({ from: '2016-06-01', to: '2018-03-31' });
    // Before the window's end, the date is the end.
    expect(periodOf(windows, 'pilot', '2016-01-15')).toEqual({ from: null, to: '2016-01-15' });
  });

  it("caps every phase at the programme's window or close when that ends first", () => {
    const windows = reportWindowsOf(
      shape((p) => {
        p.closedOn = '2019-03-31';
        p.reportingWindow = { startsOn: null, endsOn: '2017-12-31' };
        p.phases.pilot.closedOn = '2016-03-31';
        p.phases.spread.reportingWindow = { startsOn: '2016-06-01', endsOn: '2018-03-31' };
      }),
      SLUG,
      true,
    );
    expect(windows.window).toEqual({
      startsOn: null,
      endsOn: '2017-12-31',
      source: 'reporting-window',
      applied: true,
    });
    expect(brief(windows)).toEqual([
      ['pilot', null, '2016-03-31', 'phase-closed', true],
      ['spread', '2016-06-01', '2017-12-31', 'programme', true],
    ]);
    // A participation without a phase ends at the programme's window.
    expect(periodOf(windows, null, '2019-01-01')).toEqual({ from: null, to: '2017-12-31' });
    expect(periodOf(windows, 'unknown-phase', '2019-01-01')).toEqual({ from: null, to: '2017-12-31' });
  });

  it("counts from the programme's window start, and from the later start where a phase has its own", () => {
    const windows = reportWindowsOf(
      shape((p) => {
        p.reportingWindow = { startsOn: '2016-01-01', endsOn: '2018-12-31' };
        p.phases.spread.reportingWindow = { startsOn: '2015-10-01', endsOn: '2018-03-31' };
      }),
      SLUG,
      true,
    );
    expect(windows.window).toEqual({
      startsOn: '2016-01-01',
      endsOn: '2018-12-31',
      source: 'reporting-window',
      applied: true,
    });
    expect(periodOf(windows, null, '2019-06-30')).toEqual({ from: '2016-01-01', to: '2018-12-31' });
    // The pilot has no window of its own: the programme's, start and end.
    expect(periodOf(windows, 'pilot', '2019-06-30')).toEqual({ from: '2016-01-01', to: '2018-12-31' });
    // The spread phase's own window starts before the programme's: the programme's start wins.
    expect(periodOf(windows, 'spread', '2019-06-30')).toEqual({ from: '2016-01-01', to: '2018-03-31' });
    const unapplied = reportWindowsOf(
      shape((p) => (p.reportingWindow = { startsOn: '2016-01-01', endsOn: '2018-12-31' })),
      SLUG,
      false,
    );
    expect(periodOf(unapplied, null, '2019-06-30')).toEqual({ from: null, to: '2019-06-30' });
  });

  it('says where each window would end but applies none when asked window=none', () => {
    const windows = reportWindowsOf(
      shape((p) => {
        p.closedOn = '2019-03-31';
        p.phases.pilot.closedOn = '2016-03-31';
      }),
      SLUG,
      false,
    );
    expect(windows.window).toEqual({
      startsOn: null,
      endsOn: '2019-03-31',
      source: 'programme-closed',
      applied: false,
    });
    expect(brief(windows)).toEqual([
      ['pilot', null, '2016-03-31', 'phase-closed', false],
      ['spread', null, '2019-03-31', 'programme', false],
    ]);
    expect(periodOf(windows, 'pilot', '2020-01-01')).toEqual({ from: null, to: '2020-01-01' });
  });
});

describe('figures by phase end at each phase’s window', () => {
  const returned = (odsCode: string, period: string, submittedOn: string) =>
    recorded(`engagement-${SLUG}.${odsCode}`, 'MonthlyReturnSubmitted', {
      programmeSlug: SLUG,
      odsCode,
      period,
      submittedOn,
      alwaysEventIds: [],
      measuresReported: 1,
    });
  const withdrew = (odsCode: string, withdrawnOn: string) =>
    participationEvent(odsCode, 'OrganisationWithdrew', {
      withdrawnOn,
      reason: 'Capacity',
    });
  // The pilot closes on 2016-09-30 (RP2 withdrew after it); the spread phase's window is 2017-02-01 to 2017-04-30.
  const events = [
    trust('RP1'),
    trust('RP2'),
    trust('RS1'),
    ...programme(),
    pilotPhase(),
    ...enrolment('RP1', '2016-06-01', { phaseId: 'pilot' }),
    ...enrolment('RP2', '2016-06-01', { phaseId: 'pilot' }),
    ...enrolment('RS1', '2016-12-01'),
    withdrew('RP2', '2016-11-15'),
    phaseClosed('pilot', '2016-09-30'),
    phaseWindow('spread', '2017-02-01', '2017-04-30'),
    ...['2016-06', '2016-07', '2016-08', '2016-09', '2016-10'].map((m) => returned('RP1', m, `${m}-28`)),
    ...['2017-01', '2017-02', '2017-03'].map((m) => returned('RS1', m, `${m}-28`)),
  ];
  const state = foldProjection(spreadProjection, events);
  const DATE = '2017-12-31';

  it('counts each phase’s enrolments on its own last day, and all of them with window=none', () => {
    const brief = (windows: ReportWindows) =>
      spreadBreakdown(state, SLUG, DATE, 'phase', windows).map((r) => [r.key, r.enrolled]);
    // RP2 withdrew after the pilot closed: still enrolled on its last day.
    expect(brief(reportWindowsOf(state, SLUG, true))).toEqual([
      ['pilot', 2],
      ['spread', 1],
    ]);
    expect(brief(reportWindowsOf(state, SLUG, false))).toEqual([
      ['pilot', 1],
      ['spread', 1],
    ]);
  });

  it('expects returns only for months ending inside the phase’s window', () => {
    const rows = (windows: ReportWindows) =>
      returnCompliance(state, SLUG, DATE, windows).map((r) => [r.odsCode, r.expected, r.onTime, r.missing]);
    // Pilot: June–September 2016. Spread: February–April 2017 (January ends before the window starts).
    expect(rows(reportWindowsOf(state, SLUG, true))).toEqual([
      ['RP1', 4, 4, 0],
      ['RP2', 4, 0, 4],
      ['RS1', 3, 2, 1],
    ]);
    // To the date: RP1 June 2016 to October 2017 (17 months, 5 returned), RP2 until it withdrew
    // (June–October 2016), RS1 December 2016 to October 2017 (11 months, 3 returned).
    expect(rows(reportWindowsOf(state, SLUG, false))).toEqual([
      ['RP1', 17, 5, 12],
      ['RP2', 5, 0, 5],
      ['RS1', 11, 3, 8],
    ]);
  });

  it("expects no return for the months that end before the programme's window starts", () => {
    const windowed = foldProjection(spreadProjection, [
      ...events,
      recorded(`programme-${SLUG}`, 'ReportingWindowSet', {
        programmeSlug: SLUG,
        phaseId: null,
        startsOn: '2016-08-01',
        endsOn: '2017-12-31',
      }),
    ]);
    const rows = returnCompliance(windowed, SLUG, DATE, reportWindowsOf(windowed, SLUG, true)).map((r) => [
      r.odsCode,
      r.expected,
      r.onTime,
      r.missing,
    ]);
    // Pilot: August–September 2016 (June and July end before the programme's window). Spread: its own
    // window (February–April 2017), which starts after the programme's.
    expect(rows).toEqual([
      ['RP1', 2, 2, 0],
      ['RP2', 2, 0, 2],
      ['RS1', 3, 2, 1],
    ]);
  });
});
