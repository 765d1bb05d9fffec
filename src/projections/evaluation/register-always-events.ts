import { AlwaysEventEvent, initialState as initialAlwaysEvent } from '../../domain/always-event';
import { MeasureEvent } from '../../domain/measure';
import { PdsaEvent } from '../../domain/pdsa';
import { dateOf } from '../../domain/shared';
import { evolveAlwaysEventInPlace } from './evolve-always-event-in-place';
import { AlwaysEventRecord, earliest, RegisterState } from './register-state';

function record(state: RegisterState, alwaysEventId: string): AlwaysEventRecord {
  state.alwaysEvents[alwaysEventId] ??= {
    aggregate: initialAlwaysEvent(),
    dates: {
      initiated: null,
      statementAgreed: null,
      firstPdsaStarted: null,
      testingStarted: null,
      implementationStarted: null,
      aimAchieved: null,
      sustained: null,
      closed: null,
    },
    agreement: null,
    listening: { activities: 0, patientsOrServiceUsers: 0, familiesOrCarers: 0, staff: 0, others: 0 },
    measureNames: {},
  };
  return state.alwaysEvents[alwaysEventId];
}

/** What evaluation keeps beyond the aggregate's own state. */
function applyEvaluationFacts(entry: AlwaysEventRecord, e: AlwaysEventEvent): void {
  const dates = entry.dates;
  switch (e.type) {
    case 'AlwaysEventInitiated':
      dates.initiated = dateOf(e.data.initiatedAt);
      return;
    case 'AlwaysEventStatementAgreed':
      dates.statementAgreed = earliest(dates.statementAgreed, dateOf(e.data.agreedAt));
      entry.agreement = {
        agreedOn: dateOf(e.data.agreedAt),
        byCategories: { ...e.data.agreedByCategories },
        patientOrCarerShare: e.data.patientOrCarerShare,
        visionVoice: e.data.visionVoice,
      };
      return;
    case 'TestingStarted':
      dates.testingStarted = earliest(dates.testingStarted, dateOf(e.data.startedAt));
      return;
    case 'ImplementationStarted':
      dates.implementationStarted = earliest(dates.implementationStarted, dateOf(e.data.startedAt));
      return;
    case 'AimAchieved':
      dates.aimAchieved = earliest(dates.aimAchieved, dateOf(e.data.achievedAt));
      return;
    case 'SustainmentConfirmed':
      // The review is the fact; its date, not the day it was typed in, dates sustainment.
      dates.sustained = earliest(dates.sustained, e.data.reviewDate);
      return;
    case 'AlwaysEventClosed':
      dates.closed = dateOf(e.data.closedAt);
      return;
    case 'ListeningActivityRecorded': {
      const { participants } = e.data;
      entry.listening.activities++;
      entry.listening.patientsOrServiceUsers += participants.patientsOrServiceUsers;
      entry.listening.familiesOrCarers += participants.familiesOrCarers;
      entry.listening.staff += participants.staff;
      entry.listening.others += participants.others;
      return;
    }
    case 'MeasureLinked':
      entry.measureNames[e.data.measureId] = e.data.measureName;
      return;
  }
}

/**
 * Events that change nothing but the driver diagram. The diagram is the
 * driver-diagrams model's (kept in the state database, one Always Event at a
 * time); no register row reads it, and in the register it was two fifths of
 * every record and a copy of the whole diagram per event (bench/RESULTS.md,
 * scale).
 */
const DIAGRAM_ONLY: ReadonlySet<AlwaysEventEvent['type']> = new Set<AlwaysEventEvent['type']>([
  'DriverAdded',
  'DriverDiagramItemReworded',
  'DriverDiagramItemRetired',
  'DriverDiagramItemRelinked',
]);

export function applyAlwaysEvent(state: RegisterState, e: AlwaysEventEvent): void {
  const entry = record(state, e.data.alwaysEventId);
  if (DIAGRAM_ONLY.has(e.type)) return;
  // An event type this build does not know (a newer schema) leaves the aggregate as it was.
  entry.aggregate = evolveAlwaysEventInPlace(entry.aggregate, e) ?? entry.aggregate;
  // The aggregate's own state, but for its diagram (a proposed idea's origin stays in changeIdeas).
  if (e.type === 'ChangeIdeaProposed') entry.aggregate.diagram = {};
  applyEvaluationFacts(entry, e);
}

/** A cycle counts as a test from the day it starts (its Do), whether or not it is later cancelled. */
export function applyPdsa(state: RegisterState, e: PdsaEvent): void {
  if (e.type !== 'PdsaCycleStarted') return;
  const entry = record(state, e.data.alwaysEventId);
  entry.dates.firstPdsaStarted = earliest(entry.dates.firstPdsaStarted, dateOf(e.data.startedAt));
}

export function applyMeasure(state: RegisterState, e: MeasureEvent): void {
  const measure = (state.measures[e.data.measureId] ??= { name: null, values: {} });
  switch (e.type) {
    case 'MeasureDefined':
      measure.name = e.data.name;
      return;
    case 'MeasureDefinitionRevised':
      measure.name = e.data.changes.name ?? measure.name;
      return;
    case 'MeasurementRecorded':
    case 'MeasurementCorrected':
      (measure.values[e.data.unitId] ??= {})[e.data.period] = [e.data.numerator, e.data.denominator];
      return;
    case 'MeasurementRetracted':
      delete measure.values[e.data.unitId]?.[e.data.period];
      return;
  }
}
