import { PdsaEvent, pdsaDecider } from '../../../src/domain/pdsa';
import { deciderSpec, NOW } from '../support/decider-spec';
import { commands, eventsOf, planned, ref, running, smallScale, studied } from './fixtures';

const spec = deciderSpec(pdsaDecider);
const completed = eventsOf(commands.plan(), commands.start(), commands.study(), commands.complete());
const cancelled = eventsOf(commands.plan(), commands.cancel());

describe('PDSA cycle: do, study, act', () => {
  describe('StartPdsaCycle', () => {
    it('starts a planned cycle', () => {
      spec
        .given(planned)
        .when(commands.start())
        .then([{ type: 'PdsaCycleStarted', data: { ...ref, startedAt: NOW } }]);
    });
    it('refuses a cycle already running', () => {
      spec.given(running).when(commands.start()).thenThrows('pdsa-cycle-not-planned', 'conflict');
    });
    it('refuses a cycle never planned', () => {
      spec.given([]).when(commands.start()).thenThrows('pdsa-cycle-not-found', 'conflict');
    });
  });

  describe('RecordObservation', () => {
    it('records an observation while the cycle runs', () => {
      spec
        .given(running)
        .when(commands.observe())
        .then([
          {
            type: 'PdsaObservationRecorded',
            data: { ...ref, ...commands.observe().data },
          },
        ]);
    });
    it('refuses before the cycle starts', () => {
      spec.given(planned).when(commands.observe()).thenThrows('pdsa-cycle-not-running', 'conflict');
    });
    it('refuses the same observation twice', () => {
      spec
        .given(eventsOf(commands.plan(), commands.start(), commands.observe()))
        .when(commands.observe())
        .thenThrows('observation-already-recorded');
    });
    it('refuses an observation dated in the future', () => {
      spec
        .given(running)
        .when({ ...commands.observe(), data: { ...commands.observe().data, observedOn: '2018-04-02' } })
        .thenThrows('date-in-future', 'invalid', 'observedOn');
    });
  });

  describe('RecordStudy', () => {
    it('records the comparison of results with every prediction', () => {
      spec
        .given(running)
        .when(commands.study())
        .then([
          {
            type: 'PdsaCycleStudied',
            data: {
              ...ref,
              resultsSummary: 'Both calls connected in under 4 minutes',
              predictionOutcomes: [
                { predictionIndex: 0, outcome: 'Confirmed', note: null },
                { predictionIndex: 1, outcome: 'Confirmed', note: null },
              ],
              learning: 'Charging at handover works',
              studiedAt: NOW,
            },
          },
        ]);
    });
    it('refuses study before the cycle runs', () => {
      spec.given(planned).when(commands.study()).thenThrows('study-needs-running-cycle', 'conflict');
    });
    it('refuses studying twice', () => {
      spec.given(studied).when(commands.study()).thenThrows('study-needs-running-cycle');
    });
    it('refuses a prediction without an outcome', () => {
      spec
        .given(running)
        .when(commands.study([0]))
        .thenThrows('prediction-outcome-missing', 'invalid', 'predictionOutcomes');
    });
    it('refuses an outcome for a prediction the plan does not have', () => {
      spec
        .given(running)
        .when(commands.study([0, 1, 2]))
        .thenThrows('prediction-index-out-of-range', 'invalid', 'predictionOutcomes');
    });
    it('refuses two outcomes for one prediction', () => {
      spec
        .given(running)
        .when(commands.study([0, 0, 1]))
        .thenThrows('prediction-outcome-duplicated', 'invalid', 'predictionOutcomes');
    });
  });

  describe('CompletePdsaCycle', () => {
    it('completes with the decision and next steps', () => {
      spec
        .given(studied)
        .when(commands.complete('Adopt'))
        .then([
          {
            type: 'PdsaCycleCompleted',
            data: {
              ...ref,
              decision: 'Adopt',
              nextSteps: 'Try a week of nights',
              scale: smallScale,
              completedAt: NOW,
            },
          },
        ]);
    });
    it('refuses completion before study', () => {
      spec.given(running).when(commands.complete()).thenThrows('completion-needs-study', 'conflict');
    });
    it('refuses completion when an imported study left a prediction without an outcome', () => {
      const partial: PdsaEvent = {
        type: 'PdsaCycleStudied',
        data: {
          ...ref,
          resultsSummary: 'Imported from the 2016 workbook',
          predictionOutcomes: [{ predictionIndex: 1, outcome: 'Partly', note: null }],
          learning: '',
          studiedAt: NOW,
        },
      };
      spec
        .given([...running, partial])
        .when(commands.complete())
        .thenThrows('prediction-outcome-missing', 'conflict');
    });
    it('refuses completing twice', () => {
      spec.given(completed).when(commands.complete()).thenThrows('completion-needs-study');
    });
  });

  describe('CancelPdsaCycle', () => {
    it.each([
      ['Planned', planned],
      ['Running', running],
      ['Studied', studied],
    ] as const)('cancels a %s cycle', (status, given) => {
      spec
        .given([...given])
        .when(commands.cancel())
        .then([
          {
            type: 'PdsaCycleCancelled',
            data: { ...ref, reason: 'Ward closed to admissions', cancelledWhen: status, cancelledAt: NOW },
          },
        ]);
    });
    it.each([
      ['completed', completed],
      ['cancelled', cancelled],
    ])('refuses a %s cycle', (_, given) => {
      spec.given(given).when(commands.cancel()).thenThrows('pdsa-cycle-finished', 'conflict');
    });
  });
});
