import { foldProjection } from '../../../src/projections/runner/projection';
import {
  spreadBreakdown,
  spreadSummary,
  spreadTimeline,
  returnCompliance,
} from '../../../src/projections/spread/spread-reports';
import { spreadProjection } from '../../../src/projections/spread/spread.projection';
import { recorded } from '../support/recorded';
import { enrolment, participationEvent, programme, SLUG, trust } from './spread-fixtures';

const fold = (events: ReturnType<typeof trust>[]) => foldProjection(spreadProjection, events);

describe('spread read model', () => {
  it('reproduces the headline: 100 enrolled with senior support, 96 of them NHS trusts, against the trusts open that day', () => {
    const trusts = Array.from({ length: 240 }, (_, i) => trust(`T${String(i).padStart(3, '0')}`));
    const closedBefore = Array.from({ length: 5 }, (_, i) =>
      recorded(`organisation-T${String(200 + i).padStart(3, '0')}`, 'OrganisationDissolved', {
        odsCode: `T${String(200 + i).padStart(3, '0')}`,
        effectiveDate: '2017-04-01',
        reason: null,
      }),
    );
    const openedAfter = [trust('LATE1', '2018-04-01'), trust('LATE2', '2019-10-01')];
    const others = Array.from({ length: 4 }, (_, i) =>
      trust(`GP${i}`, '1990-01-01', { isNhsTrust: false, type: 'GPPractice' }),
    );
    const enrolments = [
      ...Array.from({ length: 96 }, (_, i) => enrolment(`T${String(i).padStart(3, '0')}`, '2017-06-01')),
      ...Array.from({ length: 4 }, (_, i) => enrolment(`GP${i}`, '2018-03-31')),
    ].flat();
    const state = fold([
      ...trusts,
      ...closedBefore,
      ...openedAfter,
      ...others,
      ...programme(),
      ...enrolments,
    ]);

    const summary = spreadSummary(state, SLUG, '2018-03-31');
    expect(summary.enrolled).toBe(100);
    expect(summary.enrolledWithSeniorSupport).toBe(100);
    expect(summary.targetMet).toBe(true);
    expect(summary.daysToDeadline).toBe(0);
    // 240 trusts, 5 closed in 2017, 2 opened after the date: 235 open; 96 of them enrolled.
    expect(summary.nhsTrusts).toMatchObject({
      openOnDate: 235,
      enrolledWithSeniorSupport: 96,
      sharePercent: 40.85,
    });
  });

  it('counts senior support only while a Board-level sponsor is in post', () => {
    const state = fold([
      trust('RA1'),
      trust('RA2'),
      ...programme(),
      ...enrolment('RA1', '2017-05-01'),
      ...enrolment('RA2', '2017-05-01', { boardLevel: false }),
      participationEvent('RA1', 'ExecutiveSponsorVacated', {
        sponsorPersonId: 'p',
        vacatedOn: '2017-09-01',
        seniorSupport: false,
      }),
      participationEvent('RA1', 'ExecutiveSponsorChanged', {
        previousSponsorPersonId: null,
        sponsor: { personId: 'q', title: 'CEO', isBoardLevel: true },
        changedOn: '2017-12-01',
        seniorSupport: true,
      }),
    ]);
    expect(spreadSummary(state, SLUG, '2017-06-01')).toMatchObject({
      enrolled: 2,
      enrolledWithSeniorSupport: 1,
    });
    expect(spreadSummary(state, SLUG, '2017-10-01')).toMatchObject({
      enrolled: 2,
      enrolledWithSeniorSupport: 0,
    });
    expect(spreadSummary(state, SLUG, '2018-01-01')).toMatchObject({
      enrolled: 2,
      enrolledWithSeniorSupport: 1,
    });
  });

  it('stops counting a withdrawn organisation from its withdrawal date, and keeps paused ones', () => {
    const state = fold([
      trust('RB1'),
      trust('RB2'),
      ...programme(),
      ...enrolment('RB1', '2017-01-01'),
      ...enrolment('RB2', '2017-01-01'),
      participationEvent('RB1', 'ParticipationPaused', {
        pausedOn: '2017-03-01',
        reason: 'Capacity',
        expectedResumeOn: null,
      }),
      participationEvent('RB2', 'OrganisationWithdrew', { withdrawnOn: '2017-06-01', reason: 'Capacity' }),
    ]);
    expect(spreadSummary(state, SLUG, '2017-05-31').enrolled).toBe(2);
    expect(spreadSummary(state, SLUG, '2017-06-01').enrolled).toBe(1);
  });

  it('counts a merged pair once, as the successor, from the merger date', () => {
    const state = fold([
      trust('RC1'),
      trust('RC2'),
      ...programme(),
      ...enrolment('RC1', '2017-01-01'),
      ...enrolment('RC2', '2017-01-01'),
      recorded('organisation-RC1', 'OrganisationsMerged', {
        predecessorOdsCode: 'RC1',
        successorOdsCode: 'RC2',
        effectiveDate: '2017-10-01',
      }),
    ]);
    expect(spreadSummary(state, SLUG, '2017-09-30')).toMatchObject({
      enrolled: 2,
      nhsTrusts: { openOnDate: 2 },
    });
    expect(spreadSummary(state, SLUG, '2017-10-01')).toMatchObject({
      enrolled: 1,
      nhsTrusts: { openOnDate: 1 },
    });
  });

  it('answers zeros before the programme began', () => {
    const state = fold([trust('RD1'), ...programme(), ...enrolment('RD1', '2017-01-01')]);
    expect(spreadSummary(state, SLUG, '2014-01-01')).toMatchObject({
      enrolled: 0,
      enrolledWithSeniorSupport: 0,
    });
    expect(spreadTimeline(state, SLUG, '2014-01-01')).toEqual([]);
  });

  it('keeps dated facts in order when they arrive late', () => {
    const state = fold([
      trust('RE1'),
      ...programme(),
      ...enrolment('RE1', '2017-01-01'),
      participationEvent('RE1', 'ParticipationResumed', { resumedOn: '2017-05-01', pausedOn: '2017-03-01' }),
      participationEvent('RE1', 'ParticipationPaused', {
        pausedOn: '2017-03-01',
        reason: 'Capacity',
        expectedResumeOn: null,
      }),
    ]);
    expect(state.participations[`${SLUG}.RE1`].statusHistory.map(([, s]) => s)).toEqual([
      'enrolled',
      'paused',
      'enrolled',
    ]);
  });

  it('builds a monthly timeline from the first enrolment to the date', () => {
    const state = fold([
      trust('RF1'),
      trust('RF2'),
      ...programme(),
      ...enrolment('RF1', '2017-11-15'),
      ...enrolment('RF2', '2018-01-10'),
    ]);
    const rows = spreadTimeline(state, SLUG, '2018-02-10');
    expect(rows.map((r) => [r.month, r.date, r.enrolled])).toEqual([
      ['2017-11', '2017-11-30', 1],
      ['2017-12', '2017-12-31', 1],
      ['2018-01', '2018-01-31', 2],
      ['2018-02', '2018-02-10', 2],
    ]);
    expect(rows[3]).toMatchObject({ nhsTrustsOpen: 2, sharePercent: 100, targetThreshold: 100 });
  });

  it('breaks enrolments down by region, type, cohort and phase', () => {
    const state = fold([
      trust('RG1'),
      trust('RG2', '2000-01-01', { regionCode: 'Y62', region: 'North West', type: 'MentalHealthTrust' }),
      trust('RG3', '2000-01-01', { regionCode: 'Y62', region: 'North West' }),
      ...programme(),
      ...enrolment('RG1', '2017-01-01', { cohortId: 'cohort-1' }),
      ...enrolment('RG2', '2017-01-01'),
    ]);
    expect(spreadBreakdown(state, SLUG, '2017-06-01', 'region')).toEqual([
      {
        key: 'Y56',
        label: 'London',
        enrolled: 1,
        enrolledWithSeniorSupport: 1,
        nhsTrustsOpen: 1,
        sharePercent: 100,
      },
      {
        key: 'Y62',
        label: 'North West',
        enrolled: 1,
        enrolledWithSeniorSupport: 1,
        nhsTrustsOpen: 2,
        sharePercent: 50,
      },
    ]);
    expect(spreadBreakdown(state, SLUG, '2017-06-01', 'organisationType').map((r) => r.key)).toEqual([
      'AcuteTrust',
      'MentalHealthTrust',
    ]);
    expect(spreadBreakdown(state, SLUG, '2017-06-01', 'cohort').map((r) => [r.key, r.label])).toEqual([
      ['(none)', 'No cohort'],
      ['cohort-1', 'Cohort 1'],
    ]);
    expect(spreadBreakdown(state, SLUG, '2017-06-01', 'phase')).toEqual([
      expect.objectContaining({ key: 'spread', label: 'Spread', enrolled: 2, nhsTrustsOpen: null }),
    ]);
  });

  it('measures monthly-return compliance: on time by the end of the next month, late, missing', () => {
    const returned = (period: string, submittedOn: string) =>
      recorded(`engagement-${SLUG}.RH1`, 'MonthlyReturnSubmitted', {
        programmeSlug: SLUG,
        odsCode: 'RH1',
        period,
        submittedOn,
        alwaysEventIds: [],
        measuresReported: 1,
      });
    const state = fold([
      trust('RH1'),
      ...programme(),
      ...enrolment('RH1', '2017-01-10'),
      returned('2017-01', '2017-02-20'),
      returned('2017-02', '2017-04-15'),
    ]);
    // On 2017-05-15, Jan–Mar are due (April's is due by 31 May).
    expect(returnCompliance(state, SLUG, '2017-05-15')).toEqual([
      {
        odsCode: 'RH1',
        name: 'Trust RH1',
        expected: 3,
        submitted: 2,
        onTime: 1,
        late: 1,
        missing: 1,
        compliancePercent: 33.33,
      },
    ]);
  });
});
