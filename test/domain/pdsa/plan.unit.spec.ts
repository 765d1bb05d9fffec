import { pdsaDecider } from '../../../src/domain/pdsa';
import { deciderSpec, NOW } from '../support/decider-spec';
import { decided } from '../support/history';
import {
  alwaysEvent,
  commands,
  CYCLE,
  plan,
  planned,
  PREVIOUS,
  previousAdapted,
  ref,
  smallScale,
} from './fixtures';

const spec = deciderSpec(pdsaDecider);
/** Cycle 2, following cycle 1 as `previous` says. */
const next = (previous: typeof previousAdapted, scale = smallScale) =>
  commands.plan({ previousCycleId: PREVIOUS, cycleNumber: 2, scale }, { previousCycle: previous });

describe('PDSA cycle: plan', () => {
  it('plans a cycle with its predictions and scale', () => {
    spec
      .given([])
      .when(commands.plan())
      .then([
        {
          type: 'PdsaCyclePlanned',
          data: {
            ...ref,
            ...plan,
            programmeSlug: 'always-events-england',
            odsCode: 'RV9',
            warnings: [],
            plannedAt: NOW,
          },
        },
      ]);
  });
  it('refuses planning twice', () => {
    spec.given(planned).when(commands.plan()).thenThrows('pdsa-cycle-already-planned', 'conflict');
  });
  it('refuses a plan without a prediction', () => {
    spec
      .given([])
      .when(commands.plan({ predictions: [] }))
      .thenThrows('plan-needs-prediction', 'invalid', 'predictions');
  });
  it('refuses an Always Event that does not exist', () => {
    spec
      .given([])
      .when(commands.plan({}, { alwaysEvent: null }))
      .thenThrows('always-event-not-found', 'invalid', 'alwaysEventId');
  });
  it.each(['CoDesign', 'StatementAgreed', 'Testing', 'Implementing', 'Sustaining'])(
    'accepts an Always Event in %s',
    (phase) => {
      const [event] = decided(pdsaDecider, [], commands.plan({}, { alwaysEvent: { ...alwaysEvent, phase } }));
      expect(event.type).toBe('PdsaCyclePlanned');
    },
  );
  it.each(['Initiated', 'Discovery', 'AimAchieved', 'SustainmentLost', 'Paused', 'Closed'])(
    'refuses an Always Event in %s',
    (phase) => {
      spec
        .given([])
        .when(commands.plan({}, { alwaysEvent: { ...alwaysEvent, phase } }))
        .thenThrows('always-event-not-testing-changes', 'conflict');
    },
  );
  it('refuses a change idea not on the Always Event', () => {
    spec
      .given([])
      .when(commands.plan({}, { alwaysEvent: { ...alwaysEvent, changeIdeaIds: [] } }))
      .thenThrows('change-idea-not-found', 'invalid', 'changeIdeaId');
  });
  it('refuses a first cycle numbered other than 1', () => {
    spec
      .given([])
      .when(commands.plan({ cycleNumber: 3 }))
      .thenThrows('cycle-number-out-of-sequence', 'invalid', 'cycleNumber');
  });

  describe('following a previous cycle', () => {
    it('follows a cycle that decided Adapt', () => {
      const [event] = decided(pdsaDecider, [], next(previousAdapted));
      expect(
        event.type === 'PdsaCyclePlanned' && [event.data.previousCycleId, event.data.cycleNumber],
      ).toEqual([PREVIOUS, 2]);
    });
    it('follows a cycle that decided Adopt when it tests at a larger scale', () => {
      const [event] = decided(
        pdsaDecider,
        [],
        next({ ...previousAdapted, decision: 'Adopt' }, { ...smallScale, nPatients: 8, durationDays: 7 }),
      );
      expect(event.type === 'PdsaCyclePlanned' && event.data.warnings).toEqual([]);
    });
    it('flags, without refusing, a jump of more than ten times the previous scale', () => {
      const [event] = decided(pdsaDecider, [], next(previousAdapted, { ...smallScale, nPatients: 40 }));
      expect(event.type === 'PdsaCyclePlanned' && event.data.warnings).toEqual(['scale-jump-over-tenfold']);
    });
    it('refuses a cycle that adopted the change without scaling up', () => {
      spec
        .given([])
        .when(next({ ...previousAdapted, decision: 'Adopt' }))
        .thenThrows('previous-cycle-adopted-without-scale-up', 'invalid', 'scale');
    });
    it('refuses a cycle that abandoned the change', () => {
      spec
        .given([])
        .when(next({ ...previousAdapted, decision: 'Abandon' }))
        .thenThrows('previous-cycle-abandoned', 'conflict');
    });
    it('refuses a cycle not yet completed', () => {
      spec
        .given([])
        .when(next({ ...previousAdapted, status: 'Studied', decision: null }))
        .thenThrows('previous-cycle-not-completed', 'conflict');
    });
    it('refuses a cycle of another change idea', () => {
      spec
        .given([])
        .when(next({ ...previousAdapted, changeIdeaId: CYCLE }))
        .thenThrows('previous-cycle-of-another-change-idea', 'invalid', 'previousCycleId');
    });
    it('refuses a previous cycle that does not exist', () => {
      spec
        .given([])
        .when(commands.plan({ previousCycleId: PREVIOUS, cycleNumber: 2 }, { previousCycle: null }))
        .thenThrows('previous-cycle-not-found', 'invalid', 'previousCycleId');
    });
    it('refuses a cycle number that does not follow the previous', () => {
      spec
        .given([])
        .when(
          commands.plan({ previousCycleId: PREVIOUS, cycleNumber: 3 }, { previousCycle: previousAdapted }),
        )
        .thenThrows('cycle-number-out-of-sequence', 'invalid', 'cycleNumber');
    });
    it('refuses following itself', () => {
      spec
        .given([])
        .when(commands.plan({ previousCycleId: CYCLE, cycleNumber: 2 }, { previousCycle: previousAdapted }))
        .thenThrows('previous-cycle-is-itself', 'invalid', 'previousCycleId');
    });
  });
});
