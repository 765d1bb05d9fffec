import { RecordedEvent } from '../../../src/event-store';
import {
  cycleCsvRows,
  pdsaCycleRows,
  pdsaLearningOverall,
  pdsaLearningRows,
} from '../../../src/projections/evaluation/pdsa-learning-report';
import { pdsaLearningProjection } from '../../../src/projections/evaluation/pdsa-learning.projection';
import { foldProjection } from '../../../src/projections/runner/projection';
import { alwaysEvent } from './always-event-fixtures';
import { pdsaCycle } from './pdsa-cycle-fixtures';

const fold = (events: RecordedEvent[]) => foldProjection(pdsaLearningProjection, events);
const DATE = '2018-01-31';
const CONNECT = 'Calls connect within 5 minutes';
const CHARGED = 'Staff find the phone charged';

/**
 * ae-1 (RA1) tests in Testing from 2017-11-10 to implementation on 2017-12-20:
 * change idea i-1 adapts then adopts, then a scale-up cycle is cancelled;
 * i-2 is abandoned. ae-2 (RB1) adopts a change without ever starting testing.
 * ae-3 (RA1) started testing on 2018-01-01 and has no cycle yet.
 */
function learningLog(): RecordedEvent[] {
  const ae1 = alwaysEvent('ae-1', 'RA1');
  const ae2 = alwaysEvent('ae-2', 'RB1');
  const ae3 = alwaysEvent('ae-3', 'RA1');
  const cycle = (
    id: string,
    alwaysEventId: string,
    changeIdeaId: string,
    cycleNumber: number,
    odsCode = 'RA1',
  ) => pdsaCycle(id, { alwaysEventId, changeIdeaId, cycleNumber, odsCode });
  const c1 = cycle('c-1', 'ae-1', 'i-1', 1);
  const c2 = cycle('c-2', 'ae-1', 'i-1', 2);
  const c3 = cycle('c-3', 'ae-1', 'i-2', 1);
  const c4 = cycle('c-4', 'ae-1', 'i-1', 3);
  const c5 = cycle('c-5', 'ae-2', 'i-9', 1, 'RB1');
  return [
    ae1.changeIdea('i-1', 'CoDesignSession', '2017-11-01', 'A ward phone on a trolley'),
    ae1.changeIdea('i-2', 'StaffSuggestion', '2017-11-01', 'Night staff offer calls'),
    ae1.testingStarted('2017-11-10'),
    c1.planned('2017-11-10', [CONNECT, CHARGED]),
    c1.started('2017-11-15'),
    c1.studied(['Confirmed', 'Partly'], '2017-11-25'),
    c1.completed('Adapt', '2017-11-28'),
    c3.planned('2017-11-20', ['Night staff use it']),
    c3.started('2017-11-22'),
    c3.studied(['Refuted'], '2017-11-30'),
    c3.completed('Abandon', '2017-12-01'),
    c2.planned('2017-11-29', [CONNECT], 'c-1'),
    c2.started('2017-12-01'),
    c2.studied(['Confirmed'], '2017-12-10'),
    c2.completed('Adopt', '2017-12-15'),
    ae1.implementationStarted('2017-12-20'),
    c4.planned('2018-01-05', [CONNECT], 'c-2'),
    c4.started('2018-01-06'),
    c4.cancelled('2018-01-10'),
    ae2.changeIdea('i-9', 'PatientSuggestion', '2017-11-01'),
    c5.planned('2017-11-20', ['Fewer complaints']),
    c5.started('2017-11-21'),
    c5.studied(['Confirmed'], '2017-12-01'),
    c5.completed('Adopt', '2017-12-05'),
    ae3.testingStarted('2018-01-01'),
  ];
}

describe('PDSA learning log', () => {
  const rows = pdsaLearningRows(fold(learningLog()), DATE);

  it('chains the cycles of each change idea in order: objective, predictions against outcomes, decision, dates', () => {
    const [ideaOne, ideaTwo] = rows[0].changeIdeas;
    expect(ideaOne).toMatchObject({
      changeIdeaId: 'i-1',
      description: 'A ward phone on a trolley',
      origin: 'CoDesignSession',
      latestDecision: 'Adopt',
    });
    expect(
      ideaOne.cycles.map((c) => [c.pdsaCycleId, c.cycleNumber, c.previousCycleId, c.status, c.decision]),
    ).toEqual([
      ['c-1', 1, null, 'Completed', 'Adapt'],
      ['c-2', 2, 'c-1', 'Completed', 'Adopt'],
      ['c-4', 3, 'c-2', 'Cancelled', null],
    ]);
    expect(ideaOne.cycles[0]).toMatchObject({
      objective: 'Objective of cycle 1',
      predictions: [
        { prediction: CONNECT, outcome: 'Confirmed', note: null },
        { prediction: CHARGED, outcome: 'Partly', note: null },
      ],
      resultsSummary: 'Results of cycle 1',
      learning: 'Learning of cycle 1',
      nextSteps: 'After Adapt',
      scale: { unit: 'patients', nPatients: 2, durationDays: 7 },
      dates: {
        planned: '2017-11-10',
        started: '2017-11-15',
        studied: '2017-11-25',
        completed: '2017-11-28',
        cancelled: null,
      },
    });
    expect(ideaOne.cycles[2]).toMatchObject({
      predictions: [{ prediction: CONNECT, outcome: null, note: null }],
      cancelReason: 'Ward closed',
      dates: { cancelled: '2018-01-10' },
    });
    expect(ideaTwo).toMatchObject({ changeIdeaId: 'i-2', latestDecision: 'Abandon' });
    expect(ideaTwo.cycles[0].predictions).toEqual([
      { prediction: 'Night staff use it', outcome: 'Refuted', note: null },
    ]);
  });

  it('gives the decision mix of completed cycles and the velocity over the days in Testing', () => {
    expect(rows.map((r) => [r.alwaysEventId, r.odsCode, r.cycles, r.completed, r.cancelled])).toEqual([
      ['ae-1', 'RA1', 4, 3, 1],
      ['ae-3', 'RA1', 0, 0, 0],
      ['ae-2', 'RB1', 1, 1, 0],
    ]);
    // ae-1: three completed cycles, one of each decision.
    expect(rows[0].decisionMix).toEqual({
      completed: 3,
      Adopt: { count: 1, percent: 33.33 },
      Adapt: { count: 1, percent: 33.33 },
      Abandon: { count: 1, percent: 33.33 },
    });
    // Testing 2017-11-10 to 2017-12-20 is 40 days; c-1, c-3 and c-2 completed in it: 3 × 30 / 40 = 2.25.
    expect(rows[0].velocity).toEqual({
      testingStarted: '2017-11-10',
      testingUntil: '2017-12-20',
      testingDays: 40,
      completedWhileTesting: 3,
      cyclesPer30Days: 2.25,
    });
    // ae-3 has tested for 30 days (to the reporting date) with nothing completed.
    expect(rows[1].velocity).toMatchObject({ testingUntil: DATE, testingDays: 30, cyclesPer30Days: 0 });
    // ae-2 never started testing: no velocity, though its cycle is in the log and the mix.
    expect(rows[2].velocity).toEqual({
      testingStarted: null,
      testingUntil: null,
      testingDays: null,
      completedWhileTesting: 0,
      cyclesPer30Days: null,
    });
  });

  it('sums the selected Always Events: 5 cycles, 4 completed (2 adopt, 1 adapt, 1 abandon)', () => {
    expect(pdsaLearningOverall(rows)).toEqual({
      alwaysEvents: 3,
      cycles: 5,
      decisionMix: {
        completed: 4,
        Adopt: { count: 2, percent: 50 },
        Adapt: { count: 1, percent: 25 },
        Abandon: { count: 1, percent: 25 },
      },
    });
  });

  it('filters by Always Event, organisation and programme', () => {
    const state = fold(learningLog());
    const ids = (filters: object) => pdsaLearningRows(state, DATE, filters).map((r) => r.alwaysEventId);
    expect(ids({ organisation: 'RB1' })).toEqual(['ae-2']);
    expect(ids({ alwaysEvent: 'ae-3' })).toEqual(['ae-3']);
    expect(ids({ programme: 'always-events-england', organisation: 'RA1' })).toEqual(['ae-1', 'ae-3']);
    expect(ids({ programme: 'another' })).toEqual([]);
  });

  it('is empty before any cycle or testing', () => {
    expect(pdsaLearningRows(fold([]), DATE)).toEqual([]);
    expect(pdsaLearningOverall([])).toMatchObject({
      cycles: 0,
      decisionMix: { completed: 0, Adopt: { percent: null } },
    });
  });

  it('exports one CSV row per cycle, in chain order, with its Always Event’s velocity', () => {
    const csv = cycleCsvRows(rows);
    expect(csv.map((r) => [r.alwaysEventId, r.pdsaCycleId, r.cyclesPer30Days])).toEqual([
      ['ae-1', 'c-1', 2.25],
      ['ae-1', 'c-2', 2.25],
      ['ae-1', 'c-4', 2.25],
      ['ae-1', 'c-3', 2.25],
      ['ae-2', 'c-5', null],
    ]);
    expect(pdsaLearningProjection.table?.(fold(learningLog()))).toEqual(pdsaCycleRows(fold(learningLog())));
    // By Always Event, then change idea, then chain order.
    expect(pdsaCycleRows(fold(learningLog())).map((r) => r.pdsaCycleId)).toEqual([
      'c-1',
      'c-2',
      'c-4',
      'c-3',
      'c-5',
    ]);
  });
});
