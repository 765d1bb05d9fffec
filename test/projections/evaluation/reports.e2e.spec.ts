import {
  CoProductionOverall,
  CoProductionRow,
} from '../../../src/projections/evaluation/co-production-report';
import { FunnelReport, StageFigures } from '../../../src/projections/evaluation/funnel-report';
import {
  pdsaLearningOverall,
  PdsaLearningRow,
} from '../../../src/projections/evaluation/pdsa-learning-report';
import {
  MonthScores,
  ProgressScoresReport,
} from '../../../src/projections/evaluation/progress-scores-report';
import { Page } from '../../../src/projections/http/read-model-query';
import { AS_OF, evaluationApp } from './evaluation-app';
import { EvaluationScenario } from './evaluation-scenario';
import { storeUnderTest } from '../../support/store-under-test';

type PdsaLearningPage = Page<PdsaLearningRow> & { overall: ReturnType<typeof pdsaLearningOverall> };
type CoProductionPage = Page<CoProductionRow> & { overall: CoProductionOverall };

describe(`evaluation reports over HTTP [${storeUnderTest}, real HTTP]`, () => {
  const e = evaluationApp();
  const { get, csv } = e;
  let s: EvaluationScenario;
  beforeAll(() => {
    s = e.scenario();
  });

  describe('funnel', () => {
    const brief = (stage: StageFigures) => [
      stage.stage,
      stage.reached,
      stage.percentOfPrevious,
      stage.percentOfEnrolled,
      stage.medianDays,
    ];

    it('counts organisations at each stage with conversion and median days from enrolment', async () => {
      const response = await get<FunnelReport>(`/v1/evaluation/funnel?${AS_OF}`);
      expect(response.status).toBe(200);
      expect(response.body.date).toBe('2018-06-30');
      expect(response.body.overall.stages.map(brief)).toEqual([
        ['enrolled', 4, null, 100, null],
        // RA1 day 31, RA2 day 61, RB1 day 61: median 61.
        ['statementAgreed', 3, 75, 75, 61],
        // RA1 day 45, RA2 day 101: 2 of 3, median 73.
        ['firstPdsaStarted', 2, 66.67, 50, 73],
        ['implementing', 1, 50, 25, 80],
        ['aimAchieved', 1, 100, 25, 122],
        ['sustained', 1, 100, 25, 211],
      ]);
    });

    it('gives the Kaplan–Meier cumulative share, censoring organisations at the date', async () => {
      const { body } = await get<FunnelReport>(`/v1/evaluation/funnel?${AS_OF}`);
      const [, statement, pdsa, implementing] = body.overall.stages;
      // Day 31: 4 at risk, 1 agrees (25%). Day 61: RA3 (enrolled 2018-05-01) left at day 60, so 2 at risk and
      // both agree: 100% of those followed that long, though only 3 of 4 have agreed.
      expect(statement.curve).toEqual([
        { days: 31, atRisk: 4, reached: 1, cumulativePercent: 25 },
        { days: 61, atRisk: 2, reached: 2, cumulativePercent: 100 },
      ]);
      // Day 45: 4 at risk (S = 3/4); day 101: RA2 and RB1 (followed 241 days) at risk, RA2 starts: S = 3/4 × 1/2.
      expect(pdsa.reachedWithinDays).toEqual({ '90': 25, '180': 62.5, '365': null, '730': null });
      // Day 80: RA1, RA2 (272 days) and RB1 (241) at risk: 1 of 3.
      expect(implementing.reachedWithinDays).toEqual({ '90': 33.33, '180': 33.33, '365': null, '730': null });
    });

    it('splits by cohort, and answers zeros before any enrolment', async () => {
      const { body } = await get<FunnelReport>(`/v1/evaluation/funnel?${AS_OF}`);
      expect(
        body.byCohort.map((g) => [g.cohortId, g.cohortName, g.stages[0].reached, g.stages[1].reached]),
      ).toEqual([
        ['cohort-1', 'Cohort 1', 2, 2],
        ['cohort-2', 'Cohort 2', 1, 1],
        [null, 'No cohort', 1, 0],
      ]);
      const before = await get<FunnelReport>('/v1/evaluation/funnel?asOf=2014-01-01');
      expect(before.status).toBe(200);
      expect(before.body.overall.stages.map((stage) => stage.reached)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(before.body.byCohort).toEqual([]);
    });

    it('serves one CSV row per group and stage', async () => {
      const { records } = await csv(`/v1/evaluation/funnel?${AS_OF}`);
      // Overall, three cohorts, then the programme's one phase (every organisation enrolled in it), six stages each.
      expect(records).toHaveLength(30);
      expect(records.slice(24).map((r) => r.group)).toEqual(Array(6).fill('phase'));
      expect(records[24]).toMatchObject({
        phaseId: 'spread',
        stage: 'enrolled',
        reached: records[0].reached,
      });
      expect(records[2]).toMatchObject({
        group: 'overall',
        stage: 'firstPdsaStarted',
        reached: '2',
        medianDays: '73',
      });
      expect(records[2]['reachedWithinDays.180']).toBe('62.5');
    });
  });

  describe('PDSA learning log', () => {
    it('chains an adapt then adopt, with predictions against outcomes, the decision mix and the velocity', async () => {
      const response = await get<PdsaLearningPage>(`/v1/evaluation/pdsa-learning?${AS_OF}&organisation=RA1`);
      expect(response.status).toBe(200);
      const [row] = response.body.items;
      expect(row).toMatchObject({
        alwaysEventId: s.ae1,
        cycles: 2,
        completed: 2,
        decisionMix: { completed: 2, Adopt: { count: 1, percent: 50 }, Adapt: { count: 1, percent: 50 } },
        // Testing 2017-11-10 to implementation 2017-12-20 = 40 days; 2 cycles completed in it: 2 × 30 / 40.
        velocity: { testingDays: 40, completedWhileTesting: 2, cyclesPer30Days: 1.5 },
      });
      expect(row.changeIdeas).toHaveLength(1);
      const [idea] = row.changeIdeas;
      expect(idea).toMatchObject({
        description: 'A ward phone on a trolley',
        origin: 'CoDesignSession',
        latestDecision: 'Adopt',
      });
      expect(idea.cycles.map((c) => [c.pdsaCycleId, c.cycleNumber, c.previousCycleId, c.decision])).toEqual([
        [s.cycles.adapt, 1, null, 'Adapt'],
        [s.cycles.adopt, 2, s.cycles.adapt, 'Adopt'],
      ]);
      expect(idea.cycles[0]).toMatchObject({
        objective: 'Test cycle 1',
        predictions: [
          { prediction: 'Calls connect within 5 minutes', outcome: 'Confirmed' },
          { prediction: 'The phone is charged', outcome: 'Partly' },
        ],
        dates: {
          planned: '2017-11-12',
          started: '2017-11-15',
          studied: '2017-11-25',
          completed: '2017-11-28',
        },
      });
    });

    it('sums every Always Event: one adopt, one adapt, one abandon', async () => {
      const { body } = await get<PdsaLearningPage>(`/v1/evaluation/pdsa-learning?${AS_OF}`);
      expect(body.items.map((r) => [r.alwaysEventId, r.cycles])).toEqual([
        [s.ae1, 2],
        [s.ae2, 1],
      ]);
      expect(body.overall).toEqual({
        alwaysEvents: 2,
        cycles: 3,
        decisionMix: {
          completed: 3,
          Adopt: { count: 1, percent: 33.33 },
          Adapt: { count: 1, percent: 33.33 },
          Abandon: { count: 1, percent: 33.33 },
        },
      });
      const one = await get<PdsaLearningPage>(`/v1/evaluation/pdsa-learning?${AS_OF}&alwaysEvent=${s.ae2}`);
      expect(one.body.items.map((r) => [r.alwaysEventId, r.velocity.cyclesPer30Days])).toEqual([
        [s.ae2, null],
      ]);
    });

    it('serves one CSV row per cycle', async () => {
      const { records } = await csv(`/v1/evaluation/pdsa-learning?${AS_OF}`);
      expect(records.map((r) => [r.pdsaCycleId, r.decision, r.cyclesPer30Days])).toEqual([
        [s.cycles.adapt, 'Adapt', '1.5'],
        [s.cycles.adopt, 'Adopt', '1.5'],
        [s.cycles.abandon, 'Abandon', ''],
      ]);
    });
  });

  describe('co-production index', () => {
    it('gives each Always Event its share at agreement, co-designed ideas and listening reach, and the overall index', async () => {
      const response = await get<CoProductionPage>(`/v1/evaluation/co-production?${AS_OF}`);
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((r) => [
          r.alwaysEventId,
          r.patientCarerSharePercent,
          r.meetsPioneerAim,
          r.changeIdeas.coDesignedPercent,
          r.listening.patientsAndCarers,
        ]),
      ).toEqual([
        // AE1: 2 of 4; ideas 1 of 2; heard 6 + 2.
        [s.ae1, 50, true, 50, 8],
        // AE2: 1 of 4; its one idea came from a patient; heard 4 + 0.
        [s.ae2, 25, false, 100, 4],
        // AE3: 2 of 3; no ideas; heard 5 + 3.
        [s.ae3, 66.67, true, null, 8],
      ]);
      expect(response.body.overall).toEqual({
        alwaysEvents: 3,
        agreed: 3,
        // (50 + 25 + 66.67) / 3
        meanPatientCarerSharePercent: 47.22,
        agreedMeetingPioneerAim: 2,
        changeIdeas: { total: 3, coDesigned: 2, coDesignedPercent: 66.67 },
        listening: {
          activities: 3,
          patientsOrServiceUsers: 15,
          familiesOrCarers: 5,
          staff: 5,
          others: 1,
          patientsAndCarers: 20,
        },
      });
    });

    it('filters by organisation and serves CSV', async () => {
      const one = await get<CoProductionPage>(`/v1/evaluation/co-production?${AS_OF}&organisation=RB1`);
      expect(one.body.items.map((r) => r.alwaysEventId)).toEqual([s.ae3]);
      expect(one.body.overall.meanPatientCarerSharePercent).toBe(66.67);
      const { records } = await csv(`/v1/evaluation/co-production?${AS_OF}`);
      expect(
        records.map((r) => [r.alwaysEventId, r.patientCarerSharePercent, r['teamAtAgreement.Manager']]),
      ).toEqual([
        [s.ae1, '50', ''],
        [s.ae2, '25', '1'],
        [s.ae3, '66.67', ''],
      ]);
    });
  });

  describe('progress scores', () => {
    it('distributes the scores month by month, amendments replacing, overall and by cohort', async () => {
      const response = await get<ProgressScoresReport>(`/v1/evaluation/progress-scores?${AS_OF}`);
      expect(response.status).toBe(200);
      const figures = (m: MonthScores) => [
        m.month,
        m.scored,
        m.median,
        m.modestImprovement.count,
        m.significantImprovement.count,
      ];
      expect(response.body.overall.map(figures)).toEqual([
        // 2.0 and 1.5.
        ['2017-11', 2, 1.75, 0, 0],
        // 3.0 and 3.0 (AE2's 2.5 amended).
        ['2017-12', 2, 3, 2, 0],
        // 4.5 (amended from 4.0), 3.5, 1.0.
        ['2018-01', 3, 3.5, 2, 1],
      ]);
      expect(response.body.overall[2].distribution).toMatchObject({ '1.0': 1, '3.5': 1, '4.0': 0, '4.5': 1 });
      expect(response.body.overall[2].significantImprovement).toEqual({ count: 1, percent: 33.33 });
      expect(response.body.byCohort.map((c) => [c.cohortId, c.months.map(figures)])).toEqual([
        [
          'cohort-1',
          [
            ['2017-11', 2, 1.75, 0, 0],
            ['2017-12', 2, 3, 2, 0],
            ['2018-01', 2, 4, 2, 1],
          ],
        ],
        [
          'cohort-2',
          [
            ['2017-11', 0, null, 0, 0],
            ['2017-12', 0, null, 0, 0],
            ['2018-01', 1, 1, 0, 0],
          ],
        ],
      ]);
    });

    it('answers the month as it stood: before the amendment, 2018-01 held 4.0', async () => {
      const { body } = await get<ProgressScoresReport>('/v1/evaluation/progress-scores?asOf=2018-01-31');
      // 4.0 (not yet amended), 3.5 and 1.0.
      expect(body.overall.at(-1)).toMatchObject({
        month: '2018-01',
        scored: 3,
        median: 3.5,
        distribution: { '4.0': 1, '4.5': 0 },
      });
      const before = await get<ProgressScoresReport>('/v1/evaluation/progress-scores?asOf=2014-01-01');
      expect(before.body).toMatchObject({ overall: [], byCohort: [] });
    });

    it('serves one CSV row per group and month', async () => {
      const { records } = await csv(`/v1/evaluation/progress-scores?${AS_OF}`);
      expect(records.map((r) => [r.group, r.cohortId, r.month, r.scored])).toEqual([
        ['overall', '', '2017-11', '2'],
        ['overall', '', '2017-12', '2'],
        ['overall', '', '2018-01', '3'],
        ['cohort', 'cohort-1', '2017-11', '2'],
        ['cohort', 'cohort-1', '2017-12', '2'],
        ['cohort', 'cohort-1', '2018-01', '2'],
        ['cohort', 'cohort-2', '2017-11', '0'],
        ['cohort', 'cohort-2', '2017-12', '0'],
        ['cohort', 'cohort-2', '2018-01', '1'],
      ]);
    });
  });
});
