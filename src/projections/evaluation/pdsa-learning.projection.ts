import { AlwaysEventEvent } from '../../domain/always-event';
import { evolve, initialState, PdsaEvent } from '../../domain/pdsa';
import { dateOf } from '../../domain/shared';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';
import { pdsaCycleRows } from './pdsa-learning-report';
import { CycleRecord, PdsaLearningState } from './pdsa-learning-state';
import { earliest } from './register-state';

export const PDSA_LEARNING = 'pdsa-learning';

function cycleRecord(state: PdsaLearningState, pdsaCycleId: string): CycleRecord {
  state.cycles[pdsaCycleId] ??= {
    cycle: initialState(),
    programmeSlug: null,
    odsCode: null,
    previousCycleId: null,
    objective: null,
    resultsSummary: null,
    learning: null,
    nextSteps: null,
    cancelReason: null,
    dates: { planned: null, started: null, studied: null, completed: null, cancelled: null },
  };
  return state.cycles[pdsaCycleId];
}

function applyCycle(state: PdsaLearningState, e: PdsaEvent): void {
  const record = cycleRecord(state, e.data.pdsaCycleId);
  // An event type this build does not know (a newer schema) leaves the cycle as it was.
  record.cycle = evolve(record.cycle, e) ?? record.cycle;
  switch (e.type) {
    case 'PdsaCyclePlanned':
      record.programmeSlug = e.data.programmeSlug;
      record.odsCode = e.data.odsCode;
      record.previousCycleId = e.data.previousCycleId;
      record.objective = e.data.objective;
      record.dates.planned = dateOf(e.data.plannedAt);
      return;
    case 'PdsaCycleStarted':
      record.dates.started = dateOf(e.data.startedAt);
      return;
    case 'PdsaCycleStudied':
      record.resultsSummary = e.data.resultsSummary;
      record.learning = e.data.learning;
      record.dates.studied = dateOf(e.data.studiedAt);
      return;
    case 'PdsaCycleCompleted':
      record.nextSteps = e.data.nextSteps;
      record.dates.completed = dateOf(e.data.completedAt);
      return;
    case 'PdsaCycleCancelled':
      record.cancelReason = e.data.reason;
      record.dates.cancelled = dateOf(e.data.cancelledAt);
      return;
  }
}

/** Change ideas and the dates that bound testing; the rest of the Always Event is the register's. */
function applyAlwaysEvent(state: PdsaLearningState, e: AlwaysEventEvent): void {
  const { alwaysEventId, programmeSlug, odsCode } = e.data;
  const record = (state.alwaysEvents[alwaysEventId] ??= {
    programmeSlug,
    odsCode,
    changeIdeas: {},
    testingStarted: null,
    implementationStarted: null,
    closed: null,
  });
  switch (e.type) {
    case 'ChangeIdeaProposed':
      record.changeIdeas[e.data.changeIdeaId] = { description: e.data.description, origin: e.data.origin };
      return;
    case 'TestingStarted':
      record.testingStarted = earliest(record.testingStarted, dateOf(e.data.startedAt));
      return;
    case 'ImplementationStarted':
      record.implementationStarted = earliest(record.implementationStarted, dateOf(e.data.startedAt));
      return;
    case 'AlwaysEventClosed':
      record.closed = dateOf(e.data.closedAt);
      return;
  }
}

export const pdsaLearningProjection: Projection<PdsaLearningState> = {
  name: PDSA_LEARNING,
  version: 1,
  initialState: () => ({ cycles: {}, alwaysEvents: {} }),
  apply(state: PdsaLearningState, event: RecordedEvent): PdsaLearningState {
    const routed = routeEvent(event);
    if (routed?.category === 'pdsa') applyCycle(state, routed.event);
    else if (routed?.category === 'always-event') applyAlwaysEvent(state, routed.event);
    return state;
  },
  table: (state) => pdsaCycleRows(state),
};
