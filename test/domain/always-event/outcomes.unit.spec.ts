import { alwaysEventDecider } from '../../../src/domain/always-event';
import { MeasureSeries, ShiftEvidence } from '../../../src/domain/measure';
import { stateOf } from '../support/history';
import { deciderSpec, NOW } from '../support/decider-spec';
import {
  AE,
  command,
  eventsOf,
  HOME,
  implementing,
  implementingSteps,
  OTHER_AE,
  OUTCOME_MEASURE,
  PROCESS_MEASURE,
  subject,
  testing,
} from './fixtures';

const spec = deciderSpec(alwaysEventDecider);

/** An Outcome measure's series for the home unit: [period, numerator, denominator], 95% target. */
function outcomeSeries(points: Array<[string, number, number]>): MeasureSeries {
  return {
    measureId: OUTCOME_MEASURE,
    alwaysEventId: AE,
    role: 'Outcome',
    frequency: 'Monthly',
    improvementDirection: 'increase',
    phases: [{ definitionVersion: 1, effectiveFromPeriod: null, targetPct: 95 }],
    units: {
      [HOME.unitId]: points.map(([period, numerator, denominator]) => ({
        period,
        numerator,
        denominator,
        pct: (numerator / denominator) * 100,
        categoryCounts: null,
        definitionVersion: 1,
        corrected: false,
      })),
    },
  };
}
const achieving = outcomeSeries([
  ['2017-11', 15, 20],
  ['2017-12', 19, 20],
  ['2018-01', 20, 20],
  ['2018-02', 39, 40],
]);
/** What the analytics engine would report for the home unit: a shift on the improving side, or none. */
const shift = (periods: string[]): ShiftEvidence => ({
  rule: 'RunChartShift',
  chart: 'run',
  profile: 'ihi',
  parameters: { shiftLength: 6 },
  periods,
});
const SHIFTED = shift(['2017-12', '2018-01', '2018-02']);
const declare = (
  measure: MeasureSeries | null,
  measureId = OUTCOME_MEASURE,
  unitId: string | null = null,
  homeShift: ShiftEvidence = SHIFTED,
) =>
  command(
    'DeclareAimAchieved',
    { measureId, unitId },
    { measure, measureRevision: 11, improvingShift: { [HOME.unitId]: homeShift } },
  );
const aimAchievedSteps = [...implementingSteps, declare(achieving)];
const aimAchieved = eventsOf(...aimAchievedSteps);
const confirm = (periodsReviewed = 6, periodsAtTarget = 5) =>
  command('ConfirmSustainment', { reviewDate: '2018-03-31', periodsReviewed, periodsAtTarget });
const lose = (measureId = OUTCOME_MEASURE) =>
  command('RecordSustainmentLoss', {
    measureId,
    detectedOn: '2018-03-31',
    reason: 'Three months below target',
  });

describe('Always Event: aim achieved and sustainment', () => {
  describe('DeclareAimAchieved', () => {
    it('records the evidence recomputed from the measure: rule, parameters, periods', () => {
      spec
        .given(implementing)
        .when(declare(achieving))
        .then([
          {
            type: 'AimAchieved',
            data: {
              ...subject,
              setting: 'LearningDisability',
              measureId: OUTCOME_MEASURE,
              unitId: HOME.unitId,
              evidence: {
                rule: 'ConsecutivePeriodsAtTarget',
                parameters: {
                  requiredPeriods: 3,
                  targetPct: 95,
                  improvementDirection: 'increase',
                  unitId: HOME.unitId,
                  definitionVersion: 1,
                },
                periods: [
                  { period: '2017-12', numerator: 19, denominator: 20, pct: 95 },
                  { period: '2018-01', numerator: 20, denominator: 20, pct: 100 },
                  { period: '2018-02', numerator: 39, denominator: 40, pct: 97.5 },
                ],
                achieved: true,
                shift: SHIFTED,
                measureRevision: 11,
              },
              achievedAt: NOW,
            },
          },
        ]);
    });
    it('refuses periods at target without a shift on the improving side of the run chart', () => {
      spec
        .given(implementing)
        .when(declare(achieving, OUTCOME_MEASURE, null, shift([])))
        .thenThrows('aim-not-achieved', 'conflict');
    });
    it('refuses before implementation', () => {
      spec.given(testing).when(declare(achieving)).thenThrows('implementation-not-started', 'conflict');
    });
    it('refuses a measure not linked as an Outcome measure', () => {
      spec
        .given(implementing)
        .when(declare(achieving, PROCESS_MEASURE))
        .thenThrows('measure-not-linked-as-outcome', 'invalid', 'measureId');
    });
    it('refuses when the measure cannot be found', () => {
      spec.given(implementing).when(declare(null)).thenThrows('measure-not-found', 'invalid', 'measureId');
    });
    it('refuses a unit the Always Event does not run in', () => {
      spec
        .given(implementing)
        .when(declare(achieving, OUTCOME_MEASURE, 'ward-99'))
        .thenThrows('unit-not-found', 'invalid', 'unitId');
    });
    it.each([
      [
        'only two periods at target',
        [
          ['2017-12', 15, 20],
          ['2018-01', 20, 20],
          ['2018-02', 20, 20],
        ],
      ],
      [
        'a missing period breaks the run',
        [
          ['2017-10', 20, 20],
          ['2017-11', 20, 20],
          ['2018-01', 20, 20],
          ['2018-02', 20, 20],
        ],
      ],
      [
        'the latest period fell below target',
        [
          ['2017-11', 20, 20],
          ['2017-12', 20, 20],
          ['2018-01', 20, 20],
          ['2018-02', 18, 20],
        ],
      ],
      ['there is no data', []],
    ] as Array<[string, Array<[string, number, number]>]>)('refuses when %s', (_, points) => {
      spec
        .given(implementing)
        .when(declare(outcomeSeries(points)))
        .thenThrows('aim-not-achieved', 'conflict');
    });
  });

  describe('ConfirmSustainment', () => {
    it('confirms sustainment with the share of periods at target', () => {
      spec
        .given(aimAchieved)
        .when(confirm())
        .then([
          {
            type: 'SustainmentConfirmed',
            data: {
              ...subject,
              reviewDate: '2018-03-31',
              periodsReviewed: 6,
              periodsAtTarget: 5,
              pctPeriodsAtTarget: (5 / 6) * 100,
            },
          },
        ]);
    });
    it('confirms again after sustainment was lost, back to Sustaining', () => {
      const history = eventsOf(...aimAchievedSteps, confirm(), lose(), confirm(3, 3));
      expect(stateOf(alwaysEventDecider, history).phase).toBe('Sustaining');
    });
    it('refuses before the aim is achieved', () => {
      spec.given(implementing).when(confirm()).thenThrows('sustainment-needs-aim-achieved', 'conflict');
    });
    it('refuses more periods at target than reviewed', () => {
      spec
        .given(aimAchieved)
        .when(confirm(3, 4))
        .thenThrows('periods-at-target-exceed-reviewed', 'invalid', 'periodsAtTarget');
    });
    it('refuses a review of no periods', () => {
      spec
        .given(aimAchieved)
        .when(confirm(0, 0))
        .thenThrows('no-periods-reviewed', 'invalid', 'periodsReviewed');
    });
  });

  describe('RecordSustainmentLoss', () => {
    it('records the loss against a linked measure', () => {
      spec
        .given(eventsOf(...aimAchievedSteps, confirm()))
        .when(lose())
        .then([
          {
            type: 'SustainmentLost',
            data: {
              ...subject,
              measureId: OUTCOME_MEASURE,
              detectedOn: '2018-03-31',
              reason: 'Three months below target',
            },
          },
        ]);
    });
    it('refuses before the aim is achieved', () => {
      spec.given(implementing).when(lose()).thenThrows('sustainment-loss-needs-aim-achieved', 'conflict');
    });
    it('refuses a measure not linked to the Always Event', () => {
      spec.given(aimAchieved).when(lose(OTHER_AE)).thenThrows('measure-not-linked', 'invalid', 'measureId');
    });
  });
});
