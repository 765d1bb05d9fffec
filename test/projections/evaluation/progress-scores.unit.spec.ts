import { RecordedEvent } from '../../../src/event-store';
import { alwaysEventRegisterProjection } from '../../../src/projections/evaluation/always-event-register.projection';
import {
  progressScoreRows,
  progressScoresReport,
} from '../../../src/projections/evaluation/progress-scores-report';
import { foldProjection } from '../../../src/projections/runner/projection';
import { enrolment, programme } from '../spread/spread-fixtures';
import { alwaysEvent } from './always-event-fixtures';

const fold = (events: RecordedEvent[]) => foldProjection(alwaysEventRegisterProjection, events);

/**
 * Scores by month (cohort-1: ae-1 at RA1 and ae-2 at RA2; no cohort: ae-3 at RB1):
 *            2017-11  2017-12          2018-01          2018-02  2018-03
 *   ae-1     2.0      3.0              4.0 → 4.5        —        —
 *   ae-2     1.5      2.5 → 3.0        3.5              —        —
 *   ae-3     —        —                1.0              —        5.0 (after the reporting date below)
 */
function scored(): RecordedEvent[] {
  const [ae1, ae2, ae3] = [
    alwaysEvent('ae-1', 'RA1'),
    alwaysEvent('ae-2', 'RA2'),
    alwaysEvent('ae-3', 'RB1'),
  ];
  return [
    ...programme(),
    ...enrolment('RA1', '2017-10-01', { cohortId: 'cohort-1' }),
    ...enrolment('RA2', '2017-10-01', { cohortId: 'cohort-1' }),
    ...enrolment('RB1', '2017-11-01'),
    ae1.initiated('2017-10-02'),
    ae2.initiated('2017-10-05'),
    ae3.initiated('2017-11-05'),
    ae1.progressScore('2017-11', 2, '2017-11-30'),
    ae2.progressScore('2017-11', 1.5, '2017-11-30'),
    ae1.progressScore('2017-12', 3, '2017-12-31'),
    ae2.progressScore('2017-12', 2.5, '2017-12-31'),
    ae2.progressScoreAmended('2017-12', 3, 2.5, '2018-01-05'),
    ae1.progressScore('2018-01', 4, '2018-01-31'),
    ae1.progressScoreAmended('2018-01', 4.5, 4, '2018-02-01'),
    ae2.progressScore('2018-01', 3.5, '2018-01-31'),
    ae3.progressScore('2018-01', 1, '2018-01-31'),
    ae3.progressScore('2018-03', 5, '2018-03-31'),
  ];
}

const figures = (m: {
  month: string;
  scored: number;
  median: number | null;
  modestImprovement: object;
  significantImprovement: object;
}) => [m.month, m.scored, m.median, m.modestImprovement, m.significantImprovement];

describe('progress scores', () => {
  const report = progressScoresReport(fold(scored()), '2018-02-28');

  it('distributes each month’s scores, amendments replacing, with counts at ≥ 3.0 and ≥ 4.0', () => {
    expect(report.overall.map(figures)).toEqual([
      ['2017-11', 2, 1.75, { count: 0, percent: 0 }, { count: 0, percent: 0 }],
      // ae-2's 2.5 was amended to 3.0: both at 3.0.
      ['2017-12', 2, 3, { count: 2, percent: 100 }, { count: 0, percent: 0 }],
      // 4.5, 3.5, 1.0: two at ≥ 3 (66.67%), one at ≥ 4 (33.33%).
      ['2018-01', 3, 3.5, { count: 2, percent: 66.67 }, { count: 1, percent: 33.33 }],
    ]);
    expect(report.overall[2].distribution).toEqual({
      '0.5': 0,
      '1.0': 1,
      '1.5': 0,
      '2.0': 0,
      '2.5': 0,
      '3.0': 0,
      '3.5': 1,
      '4.0': 0,
      '4.5': 1,
      '5.0': 0,
    });
  });

  it('splits by cohort over the same months', () => {
    expect(report.byCohort.map((c) => [c.cohortId, c.cohortName, c.months.map((m) => m.scored)])).toEqual([
      ['cohort-1', 'Cohort 1', [2, 2, 2]],
      [null, 'No cohort', [0, 0, 1]],
    ]);
    // cohort-1 in 2018-01: 4.5 and 3.5.
    expect(figures(report.byCohort[0].months[2])).toEqual([
      '2018-01',
      2,
      4,
      { count: 2, percent: 100 },
      { count: 1, percent: 50 },
    ]);
    expect(figures(report.byCohort[1].months[0])).toEqual([
      '2017-11',
      0,
      null,
      { count: 0, percent: null },
      { count: 0, percent: null },
    ]);
  });

  it('fills a gap month with an empty row once a later month is scored', () => {
    const later = progressScoresReport(fold(scored()), '2018-03-31');
    expect(later.overall.map((m) => [m.month, m.scored])).toEqual([
      ['2017-11', 2],
      ['2017-12', 2],
      ['2018-01', 3],
      ['2018-02', 0],
      ['2018-03', 1],
    ]);
  });

  it('is empty before any score, and one CSV row per group and month', () => {
    expect(progressScoresReport(fold(scored()), '2017-10-31')).toMatchObject({
      overall: [],
      byCohort: [
        { cohortId: 'cohort-1', months: [] },
        { cohortId: null, months: [] },
      ],
    });
    expect(progressScoresReport(fold([]), '2018-01-31')).toMatchObject({ overall: [], byCohort: [] });
    const rows = progressScoreRows(report);
    expect(rows).toHaveLength(9);
    expect(rows[3]).toMatchObject({ group: 'cohort', cohortId: 'cohort-1', month: '2017-11', scored: 2 });
  });

  it('narrows to one organisation or one Always Event, and gives each Always Event’s own scores', () => {
    const state = fold(scored());
    const one = progressScoresReport(state, '2018-02-28', { alwaysEvent: 'ae-2' });
    expect(one.alwaysEvents).toEqual([
      {
        alwaysEventId: 'ae-2',
        odsCode: 'RA2',
        organisationName: null,
        homeUnitName: expect.any(String),
        scores: [
          { month: '2017-11', score: 1.5 },
          { month: '2017-12', score: 3 },
          { month: '2018-01', score: 3.5 },
        ],
      },
    ]);
    expect(one.overall.map((m) => m.median)).toEqual([1.5, 3, 3.5]);
    const organisation = progressScoresReport(state, '2018-02-28', { organisation: 'RB1' });
    expect(organisation.alwaysEvents.map((a) => a.alwaysEventId)).toEqual(['ae-3']);
    expect(organisation.overall.map((m) => [m.month, m.scored])).toEqual([['2018-01', 1]]);
    expect(report.alwaysEvents).toHaveLength(3);
  });
});
