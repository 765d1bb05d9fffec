import { PdsaState } from '../../domain/pdsa';

/**
 * The PDSA learning log: every cycle folded with the PDSA aggregate's own
 * `evolve` (status, predictions and their outcomes, decision), plus the text
 * and dates a learning log shows; and, per Always Event, the change ideas and
 * the testing window that velocity is measured over.
 */

export interface CycleDates {
  planned: string | null;
  started: string | null;
  studied: string | null;
  completed: string | null;
  cancelled: string | null;
}

export interface CycleRecord {
  cycle: PdsaState;
  programmeSlug: string | null;
  odsCode: string | null;
  previousCycleId: string | null;
  objective: string | null;
  resultsSummary: string | null;
  learning: string | null;
  nextSteps: string | null;
  cancelReason: string | null;
  dates: CycleDates;
}

export interface TestingRecord {
  programmeSlug: string;
  odsCode: string;
  changeIdeas: Record<string, { description: string; origin: string }>;
  testingStarted: string | null;
  implementationStarted: string | null;
  closed: string | null;
}

export interface PdsaLearningState {
  cycles: Record<string, CycleRecord>;
  alwaysEvents: Record<string, TestingRecord>;
}
